variable "name_prefix" {
  description = "Prefix of the queue names (<prefix>-raw-events, <prefix>-raw-events-dlq) and the KMS key alias."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9_-]{0,50}$", var.name_prefix))
    error_message = "name_prefix must be 1 to 51 letters, digits, hyphens or underscores, starting with a letter or digit."
  }
}

variable "bucket_prefix" {
  description = "Prefix of the bucket names: <prefix>-raw, -processed, -checkpoint, -warehouse and -logs. Bucket names are global: include something unique such as the account ID. null uses name_prefix."
  type        = string
  default     = null

  validation {
    condition     = var.bucket_prefix == null ? true : can(regex("^[a-z0-9][a-z0-9-]{1,50}[a-z0-9]$", var.bucket_prefix))
    error_message = "bucket_prefix must be 3 to 52 lower-case letters, digits or hyphens, starting and ending with a letter or digit (no dots, so that TLS works with virtual-hosted addressing)."
  }
}

variable "force_destroy" {
  description = "Let terraform destroy delete buckets that still hold objects. Leave false outside of test environments."
  type        = bool
  default     = false
}

variable "kms_key_deletion_window_in_days" {
  description = "Waiting period before the storage KMS key is deleted after a destroy."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_key_deletion_window_in_days >= 7 && var.kms_key_deletion_window_in_days <= 30
    error_message = "kms_key_deletion_window_in_days must be from 7 to 30."
  }
}

variable "raw_versioning_enabled" {
  description = "Turn on versioning of the raw bucket: an overwritten recording is then a new object version that Sightline analyses once, and the old one stays readable."
  type        = bool
  default     = true
}

variable "raw_noncurrent_version_expiration_days" {
  description = "Days after which noncurrent (overwritten or deleted) versions of raw objects are removed."
  type        = number
  default     = 30

  validation {
    condition     = var.raw_noncurrent_version_expiration_days >= 1
    error_message = "raw_noncurrent_version_expiration_days must be at least 1."
  }
}

variable "log_retention_days" {
  description = "Days after which S3 server access logs expire in the logs bucket."
  type        = number
  default     = 30

  validation {
    condition     = var.log_retention_days >= 1
    error_message = "log_retention_days must be at least 1."
  }
}

variable "abort_incomplete_multipart_upload_days" {
  description = "Days after which incomplete multipart uploads are aborted in every bucket."
  type        = number
  default     = 7

  validation {
    condition     = var.abort_incomplete_multipart_upload_days >= 1
    error_message = "abort_incomplete_multipart_upload_days must be at least 1."
  }
}

variable "notification_filter_prefix" {
  description = "Only objects whose key starts with this prefix (e.g. \"incoming/\") are announced to the queue; null announces all."
  type        = string
  default     = null

  validation {
    condition     = var.notification_filter_prefix == null ? true : length(var.notification_filter_prefix) > 0 && !startswith(var.notification_filter_prefix, "/")
    error_message = "notification_filter_prefix must be null or a non-empty key prefix not starting with \"/\"."
  }
}

variable "notification_filter_suffix" {
  description = "Only objects whose key ends with this suffix (e.g. \".mp4\") are announced to the queue; null announces all."
  type        = string
  default     = null

  validation {
    condition     = var.notification_filter_suffix == null ? true : length(var.notification_filter_suffix) > 0
    error_message = "notification_filter_suffix must be null or non-empty."
  }
}

variable "visibility_timeout_seconds" {
  description = "Visibility timeout of the raw-events queue, in seconds; at least Sightline's input.sqs.visibility-timeout (5m by default)."
  type        = number
  default     = 300

  validation {
    condition     = var.visibility_timeout_seconds >= 0 && var.visibility_timeout_seconds <= 43200
    error_message = "visibility_timeout_seconds must be from 0 to 43200 (12 hours)."
  }
}

variable "receive_wait_time_seconds" {
  description = "Long-polling wait of the raw-events queue, in seconds (Sightline's input.sqs.wait-time is 20s)."
  type        = number
  default     = 20

  validation {
    condition     = var.receive_wait_time_seconds >= 0 && var.receive_wait_time_seconds <= 20
    error_message = "receive_wait_time_seconds must be from 0 to 20."
  }
}

variable "message_retention_seconds" {
  description = "How long the raw-events queue keeps a message that is not deleted, in seconds (default 4 days)."
  type        = number
  default     = 345600

  validation {
    condition     = var.message_retention_seconds >= 60 && var.message_retention_seconds <= 1209600
    error_message = "message_retention_seconds must be from 60 to 1209600 (14 days)."
  }
}

variable "dlq_message_retention_seconds" {
  description = "How long the dead-letter queue keeps messages, in seconds (default 14 days, the maximum; a moved message keeps its original enqueue time)."
  type        = number
  default     = 1209600

  validation {
    condition     = var.dlq_message_retention_seconds >= 60 && var.dlq_message_retention_seconds <= 1209600
    error_message = "dlq_message_retention_seconds must be from 60 to 1209600 (14 days)."
  }
}

variable "max_receive_count" {
  description = "maxReceiveCount of the redrive policy: receives after which SQS moves a message to the dead-letter queue. Keep it above Sightline's input.sqs.max-receives (default 5), so that Sightline records a poison message in its dead_letters table (on receive max-receives + 1) before SQS moves it away."
  type        = number
  default     = 10

  validation {
    condition     = var.max_receive_count >= 1 && var.max_receive_count <= 1000 && floor(var.max_receive_count) == var.max_receive_count
    error_message = "max_receive_count must be a whole number from 1 to 1000."
  }
}

variable "tags" {
  description = "Tags added to every resource of the module."
  type        = map(string)
  default     = {}
}
