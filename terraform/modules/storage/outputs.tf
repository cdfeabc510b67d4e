output "kms_key_arn" {
  description = "ARN of the KMS key that encrypts the raw, processed, checkpoint and warehouse buckets."
  value       = aws_kms_key.storage.arn
}

output "kms_key_alias" {
  description = "Alias of the storage KMS key."
  value       = aws_kms_alias.storage.name
}

output "bucket_names" {
  description = "Names of the data buckets by role: raw, processed, checkpoint, warehouse."
  value       = { for k, b in aws_s3_bucket.data : k => b.id }
}

output "bucket_arns" {
  description = "ARNs of the data buckets by role: raw, processed, checkpoint, warehouse."
  value       = { for k, b in aws_s3_bucket.data : k => b.arn }
}

output "logs_bucket_name" {
  description = "Name of the bucket receiving the S3 server access logs."
  value       = aws_s3_bucket.logs.id
}

output "logs_bucket_arn" {
  description = "ARN of the logs bucket."
  value       = aws_s3_bucket.logs.arn
}

output "queue_url" {
  description = "URL of the raw-events queue (Sightline's input.queue-url)."
  value       = aws_sqs_queue.raw_events.url
}

output "queue_arn" {
  description = "ARN of the raw-events queue."
  value       = aws_sqs_queue.raw_events.arn
}

output "queue_name" {
  description = "Name of the raw-events queue."
  value       = aws_sqs_queue.raw_events.name
}

output "dlq_url" {
  description = "URL of the raw-events dead-letter queue."
  value       = aws_sqs_queue.dlq.url
}

output "dlq_arn" {
  description = "ARN of the raw-events dead-letter queue."
  value       = aws_sqs_queue.dlq.arn
}

output "notification_filter_prefix" {
  description = "Key prefix of the raw objects announced to the queue (null: all)."
  value       = var.notification_filter_prefix
}
