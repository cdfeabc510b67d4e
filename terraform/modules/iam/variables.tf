variable "name_prefix" {
  description = "Prefix of the IAM role names (a unique suffix is appended)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9+=,.@_-]{1,24}$", var.name_prefix))
    error_message = "name_prefix must be 1 to 24 characters valid in IAM role names."
  }
}

variable "oidc_provider_arn" {
  description = "ARN of the EKS cluster's IAM OIDC provider."
  type        = string
}

variable "oidc_provider_url" {
  description = "OIDC issuer of the cluster without https:// (e.g. oidc.eks.eu-west-1.amazonaws.com/id/ABC...)."
  type        = string

  validation {
    condition     = !startswith(var.oidc_provider_url, "https://")
    error_message = "oidc_provider_url must be given without the https:// scheme."
  }
}

variable "job_namespace" {
  description = "Kubernetes namespace of the Sightline job's service account."
  type        = string
  default     = "sightline"
}

variable "job_service_account" {
  description = "Name of the Sightline job's service account (JobManager and TaskManager pods run as it)."
  type        = string
  default     = "sightline"
}

variable "operator_namespace" {
  description = "Kubernetes namespace of the Flink Kubernetes Operator."
  type        = string
  default     = "flink-operator"
}

variable "operator_service_account" {
  description = "Name of the Flink Kubernetes Operator's service account."
  type        = string
  default     = "flink-operator"
}

variable "queue_arn" {
  description = "ARN of the SQS queue with the raw bucket's event notifications."
  type        = string
}

variable "raw_bucket_arn" {
  description = "ARN of the raw bucket the job reads recordings from."
  type        = string
}

variable "raw_read_prefix" {
  description = "Key prefix the job may read and list in the raw bucket (e.g. \"incoming/\"); empty: the whole bucket."
  type        = string
  default     = ""

  validation {
    condition     = !startswith(var.raw_read_prefix, "/")
    error_message = "raw_read_prefix must not start with \"/\"."
  }
}

variable "processed_bucket_arn" {
  description = "ARN of the processed bucket the job writes keyframes to."
  type        = string
}

variable "warehouse_bucket_arn" {
  description = "ARN of the Iceberg warehouse bucket."
  type        = string
}

variable "checkpoint_bucket_arn" {
  description = "ARN of the checkpoint bucket (checkpoints, savepoints, HA metadata)."
  type        = string
}

variable "savepoints_prefix" {
  description = "Key prefix of the savepoints in the checkpoint bucket; the operator's role may only read, list and delete there."
  type        = string
  default     = "savepoints/"

  validation {
    condition     = length(var.savepoints_prefix) > 0 && endswith(var.savepoints_prefix, "/") && !startswith(var.savepoints_prefix, "/")
    error_message = "savepoints_prefix must be a non-empty key prefix ending with \"/\" and not starting with \"/\"."
  }
}

variable "kms_key_arn" {
  description = "ARN of the KMS key that encrypts the buckets."
  type        = string
}

variable "glue_database_name" {
  description = "Name of the Glue database of the Iceberg tables."
  type        = string
  default     = "sightline"
}

variable "allow_glue_delete_table" {
  description = "Also allow glue:DeleteTable on the database's tables (dropping tables from Sightline or Flink SQL)."
  type        = bool
  default     = false
}

variable "offload_prefix" {
  description = "Key prefix of offload task folders in the processed bucket (offload.path); the job reads results and markers there."
  type        = string
  default     = "offload/"
}

variable "enable_batch_access" {
  description = "Let the job submit, describe and terminate AWS Batch jobs on batch_job_queue_arn with batch_job_definition_arn."
  type        = bool
  default     = false
}

variable "batch_job_queue_arn" {
  description = "ARN of the AWS Batch job queue (with enable_batch_access)."
  type        = string
  default     = null
}

variable "batch_job_definition_arn" {
  description = "ARN of the AWS Batch job definition without revision (arn:...:job-definition/NAME) (with enable_batch_access); every revision is allowed."
  type        = string
  default     = null

  validation {
    condition     = var.batch_job_definition_arn == null ? true : can(regex(":job-definition/[^:]+$", var.batch_job_definition_arn))
    error_message = "batch_job_definition_arn must be a job definition ARN without the :revision suffix."
  }
}

variable "create_batch_job_role" {
  description = "Create a role for the containers of AWS Batch jobs (trusted by ecs-tasks.amazonaws.com): read raw objects, write the processed bucket."
  type        = bool
  default     = false
}

variable "permissions_boundary_arn" {
  description = "ARN of a permissions boundary policy set on every role of the module; null for none."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags added to every resource of the module."
  type        = map(string)
  default     = {}
}
