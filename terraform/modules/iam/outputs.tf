output "job_role_arn" {
  description = "ARN of the Sightline job's IRSA role; annotate the job's service account with it (eks.amazonaws.com/role-arn)."
  value       = aws_iam_role.job.arn
}

output "job_role_name" {
  description = "Name of the Sightline job's IRSA role."
  value       = aws_iam_role.job.name
}

output "flink_operator_role_arn" {
  description = "ARN of the Flink Kubernetes Operator's IRSA role."
  value       = aws_iam_role.operator.arn
}

output "flink_operator_role_name" {
  description = "Name of the Flink Kubernetes Operator's IRSA role."
  value       = aws_iam_role.operator.name
}

output "batch_job_role_arn" {
  description = "ARN of the role of AWS Batch job containers; null unless create_batch_job_role."
  value       = try(aws_iam_role.batch_job[0].arn, null)
}
