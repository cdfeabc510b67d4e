variable "region" {
  description = "AWS region of everything (Sightline's aws.region)."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", var.region))
    error_message = "region must be an AWS region name such as eu-west-1."
  }
}

variable "name_prefix" {
  description = "Name of the deployment: the EKS cluster, VPC, queues, roles and (with the account ID) the buckets are named after it."
  type        = string
  default     = "sightline"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,22}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3 to 24 lower-case letters, digits or hyphens, starting with a letter."
  }
}

variable "bucket_prefix" {
  description = "Prefix of the bucket names (globally unique); null uses <name_prefix>-<account ID>."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags added to every AWS resource (as provider default tags and module tags)."
  type        = map(string)
  default     = {}
}

# --- Network ------------------------------------------------------------------------------------

variable "vpc_cidr" {
  description = "IPv4 CIDR block of the VPC."
  type        = string
  default     = "10.0.0.0/16"
}

variable "az_count" {
  description = "Number of availability zones."
  type        = number
  default     = 3
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all AZs (cheaper, not AZ-fault-tolerant) instead of one per AZ."
  type        = bool
  default     = false
}

# --- EKS ------------------------------------------------------------------------------------------

variable "cluster_version" {
  description = "Kubernetes version of the EKS cluster (1.33 or later)."
  type        = string
  default     = "1.33"
}

variable "cluster_endpoint_public_access" {
  description = "Expose the Kubernetes API publicly (to cluster_endpoint_public_access_cidrs), e.g. for running Terraform from outside the VPC."
  type        = bool
  default     = true
}

variable "cluster_endpoint_public_access_cidrs" {
  description = "CIDR blocks allowed to reach the public API endpoint (your office or CI egress addresses)."
  type        = list(string)
  default     = []
}

variable "cluster_admin_principal_arns" {
  description = "IAM roles or users given cluster-admin through EKS access entries (besides the identity creating the cluster)."
  type        = list(string)
  default     = []
}

variable "general_instance_types" {
  description = "Instance types of the general (spot, with on-demand fallback) node groups; equal sizes."
  type        = list(string)
  default     = ["m6i.xlarge", "m6a.xlarge", "m5.xlarge", "m5a.xlarge", "m7i.xlarge"]
}

variable "general_max_size" {
  description = "Maximum nodes of each general node group (spot and on-demand)."
  type        = number
  default     = 10
}

variable "gpu_instance_types" {
  description = "Instance types of the GPU node group (equal GPU count and sizes)."
  type        = list(string)
  default     = ["g5.xlarge", "g4dn.xlarge"]
}

variable "gpu_max_size" {
  description = "Maximum nodes of the GPU node group (it scales from zero)."
  type        = number
  default     = 4
}

# --- Storage and queue ----------------------------------------------------------------------------

variable "raw_notification_prefix" {
  description = "Key prefix of the recordings in the raw bucket (e.g. \"incoming/\"): only these are announced to the queue, readable by the job and set as Sightline's input.prefix; null: the whole bucket."
  type        = string
  default     = null
}

variable "raw_notification_suffix" {
  description = "Key suffix filter of the raw bucket's notifications (e.g. \".mp4\"); null: every key."
  type        = string
  default     = null
}

variable "sqs_visibility_timeout_seconds" {
  description = "Visibility timeout of the raw-events queue and Sightline's input.sqs.visibility-timeout, in seconds."
  type        = number
  default     = 300

  validation {
    condition     = var.sqs_visibility_timeout_seconds >= 2 && var.sqs_visibility_timeout_seconds <= 39600
    error_message = "sqs_visibility_timeout_seconds must be from 2 to 39600 (11 hours, Sightline's limit)."
  }
}

variable "sightline_sqs_max_receives" {
  description = "Sightline's input.sqs.max-receives: a message received more often goes to Sightline's dead_letters table. The queue's redrive maxReceiveCount is set 5 higher, so SQS's DLQ only catches what Sightline could not record."
  type        = number
  default     = 5

  validation {
    condition     = var.sightline_sqs_max_receives >= 1 && var.sightline_sqs_max_receives <= 995
    error_message = "sightline_sqs_max_receives must be from 1 to 995."
  }
}

variable "force_destroy" {
  description = "Allow terraform destroy to delete non-empty buckets (test environments only)."
  type        = bool
  default     = false
}

variable "glue_database_name" {
  description = "Glue database of the Iceberg tables (Sightline's catalog.namespace)."
  type        = string
  default     = "sightline"
}

# --- Kubernetes add-ons ------------------------------------------------------------------------------

variable "job_namespace" {
  description = "Namespace of the Sightline FlinkDeployment."
  type        = string
  default     = "sightline"
}

variable "job_service_account" {
  description = "Service account of the Sightline Flink pods."
  type        = string
  default     = "sightline"
}

variable "flink_operator_chart_version" {
  description = "Version of the Flink Kubernetes Operator chart."
  type        = string
  default     = "1.14.0"
}

variable "cert_manager_chart_version" {
  description = "Version of the cert-manager chart."
  type        = string
  default     = "v1.18.2"
}

# --- AWS Batch (optional GPU offload) ----------------------------------------------------------------

variable "enable_batch" {
  description = "Create the AWS Batch GPU queue and let the job submit to it."
  type        = bool
  default     = false
}

variable "batch_container_image" {
  description = "Container image of the GPU worker run by AWS Batch (required with enable_batch)."
  type        = string
  default     = null
}

variable "batch_max_vcpus" {
  description = "Upper bound of the Batch compute environment's vCPUs."
  type        = number
  default     = 64
}
