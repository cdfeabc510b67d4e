variable "name_prefix" {
  description = "Prefix of the names of the compute environment, job queue, job definition, roles and security group."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", var.name_prefix))
    error_message = "name_prefix must be 1 to 64 letters, digits, hyphens or underscores, starting with a letter or digit."
  }
}

variable "vpc_id" {
  description = "ID of the VPC of the compute environment's security group."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnet IDs the GPU instances are launched into (their egress goes through NAT)."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 1
    error_message = "subnet_ids must contain at least one subnet."
  }
}

variable "egress_cidr_blocks" {
  description = "Destinations the instances may reach on TCP 443 (ECR, ECS, S3, STS, CloudWatch Logs, the worker's own calls). DNS and instance metadata are not filtered by security groups."
  type        = list(string)
  default     = ["0.0.0.0/0"]

  validation {
    condition     = alltrue([for c in var.egress_cidr_blocks : can(cidrhost(c, 0))])
    error_message = "egress_cidr_blocks must contain valid CIDR blocks."
  }
}

variable "instance_types" {
  description = "Instance types or families the spot compute environment may launch (families let Batch pick the size that fits the job)."
  type        = list(string)
  default     = ["g5", "g4dn"]

  validation {
    condition     = length(var.instance_types) >= 1
    error_message = "instance_types must name at least one instance type or family."
  }
}

variable "image_type" {
  description = "AMI family of the instances: ECS_AL2_NVIDIA (ECS-optimized Amazon Linux 2 GPU AMI) or ECS_AL2023_NVIDIA where AWS Batch offers it. Amazon Linux 2 reaches end of support on 2026-06-30; plan the move to AL2023."
  type        = string
  default     = "ECS_AL2_NVIDIA"

  validation {
    condition     = contains(["ECS_AL2_NVIDIA", "ECS_AL2023_NVIDIA"], var.image_type)
    error_message = "image_type must be ECS_AL2_NVIDIA or ECS_AL2023_NVIDIA."
  }
}

variable "min_vcpus" {
  description = "vCPUs the compute environment keeps running when idle (0: it scales to zero)."
  type        = number
  default     = 0

  validation {
    condition     = var.min_vcpus >= 0
    error_message = "min_vcpus must not be negative."
  }
}

variable "max_vcpus" {
  description = "Upper bound of the compute environment's vCPUs (caps spend: 64 vCPUs is 16 g5.xlarge)."
  type        = number
  default     = 64

  validation {
    condition     = var.max_vcpus >= 1
    error_message = "max_vcpus must be at least 1."
  }
}

variable "spot_bid_percentage" {
  description = "Highest spot price as a percentage of the on-demand price; null: up to the on-demand price."
  type        = number
  default     = null

  validation {
    condition     = var.spot_bid_percentage == null ? true : var.spot_bid_percentage >= 1 && var.spot_bid_percentage <= 100
    error_message = "spot_bid_percentage must be from 1 to 100 (or null)."
  }
}

variable "root_volume_size_gib" {
  description = "Root volume size of the GPU instances, in GiB (gp3, encrypted); holds the container images."
  type        = number
  default     = 100

  validation {
    condition     = var.root_volume_size_gib >= 30 && var.root_volume_size_gib <= 16384
    error_message = "root_volume_size_gib must be from 30 to 16384."
  }
}

variable "job_queue_priority" {
  description = "Priority of the job queue among queues sharing the compute environment."
  type        = number
  default     = 1
}

variable "container_image" {
  description = "Container image of the GPU worker (e.g. <account>.dkr.ecr.<region>.amazonaws.com/sightline-gpu-worker:<tag>); pin a tag or digest."
  type        = string
  nullable    = false

  validation {
    condition     = length(var.container_image) > 0
    error_message = "container_image must not be empty."
  }
}

variable "container_command" {
  description = "Command of the worker container: `sightline worker` from the job image. Each job Sightline submits overrides it with the same command and its task document's URI."
  type        = list(string)
  default     = ["/opt/sightline/bin/sightline", "worker"]
  nullable    = false

  validation {
    condition     = length(var.container_command) > 0
    error_message = "container_command must not be empty."
  }
}

variable "fair_share_weights" {
  description = "Fair-share weight factor per share identifier (a tenant's offload.tenant.<name>.share; a lower factor gets more of the queue). Empty: the queue schedules first in, first out, and Sightline must not send share identifiers."
  type        = map(number)
  default     = {}
  nullable    = false

  validation {
    condition     = alltrue([for k, v in var.fair_share_weights : can(regex("^[A-Za-z0-9]{1,255}$", k)) && v > 0 && v <= 1000])
    error_message = "fair_share_weights keys are 1 to 255 letters and digits, values from above 0 to 1000."
  }
}

variable "fair_share_compute_reservation" {
  description = "Percentage of the queue's maximum vCPUs kept for share identifiers that have not run yet (0 to 99)."
  type        = number
  default     = 0
}

variable "fair_share_decay_seconds" {
  description = "How long past usage counts against a share identifier, in seconds (0: only what runs now)."
  type        = number
  default     = 3600
}

variable "job_environment" {
  description = "Environment variables of the worker container."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "job_gpus" {
  description = "GPUs each job reserves."
  type        = number
  default     = 1

  validation {
    condition     = var.job_gpus >= 1 && floor(var.job_gpus) == var.job_gpus
    error_message = "job_gpus must be a whole number of at least 1."
  }
}

variable "job_vcpus" {
  description = "vCPUs each job reserves (g5.xlarge and g4dn.xlarge have 4)."
  type        = number
  default     = 4

  validation {
    condition     = var.job_vcpus >= 1
    error_message = "job_vcpus must be at least 1."
  }
}

variable "job_memory_mib" {
  description = "Memory each job reserves, in MiB; below the instance's memory, since ECS keeps some back (a 16 GiB instance offers about 15,300 MiB)."
  type        = number
  default     = 14336

  validation {
    condition     = var.job_memory_mib >= 128
    error_message = "job_memory_mib must be at least 128."
  }
}

variable "job_role_arn" {
  description = "ARN of the IAM role the worker container runs as (trusted by ecs-tasks.amazonaws.com), for its S3 access; null: no role (the container then has no AWS credentials)."
  type        = string
  default     = null
}

variable "retry_attempts" {
  description = "Attempts per job (1 to 10). Spot reclaims and worker failures (exit code 1, a killed container) are retried; bad input (exit code 3), an unusable task (2) and an image that cannot be pulled end the job."
  type        = number
  default     = 3

  validation {
    condition     = var.retry_attempts >= 1 && var.retry_attempts <= 10
    error_message = "retry_attempts must be from 1 to 10."
  }
}

variable "job_timeout_seconds" {
  description = "Time after which Batch terminates an attempt, in seconds."
  type        = number
  default     = 3600

  validation {
    condition     = var.job_timeout_seconds >= 60
    error_message = "job_timeout_seconds must be at least 60."
  }
}

variable "log_retention_days" {
  description = "Retention of the worker's CloudWatch Logs group, in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention period CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ... 3653)."
  }
}

variable "tags" {
  description = "Tags added to every resource of the module (and to the instances Batch launches)."
  type        = map(string)
  default     = {}
}
