output "compute_environment_arn" {
  description = "ARN of the spot GPU compute environment."
  value       = aws_batch_compute_environment.gpu.arn
}

output "job_queue_arn" {
  description = "ARN of the GPU job queue."
  value       = aws_batch_job_queue.gpu.arn
}

output "job_queue_name" {
  description = "Name of the GPU job queue."
  value       = aws_batch_job_queue.gpu.name
}

output "job_definition_arn" {
  description = "ARN of the current revision of the GPU worker job definition."
  value       = aws_batch_job_definition.worker.arn
}

output "job_definition_arn_prefix" {
  description = "ARN of the GPU worker job definition without revision (covers every revision in IAM policies)."
  value       = aws_batch_job_definition.worker.arn_prefix
}

output "job_definition_name" {
  description = "Name of the GPU worker job definition."
  value       = aws_batch_job_definition.worker.name
}

output "security_group_id" {
  description = "ID of the security group of the GPU instances."
  value       = aws_security_group.instances.id
}

output "instance_role_arn" {
  description = "ARN of the ECS instance role of the GPU instances."
  value       = aws_iam_role.instance.arn
}

output "log_group_name" {
  description = "CloudWatch Logs group of the worker containers."
  value       = aws_cloudwatch_log_group.worker.name
}

output "scheduling_policy_arn" {
  description = "ARN of the fair-share scheduling policy of the job queue; null without fair_share_weights."
  value       = length(var.fair_share_weights) > 0 ? aws_batch_scheduling_policy.tenants[0].arn : null
}
