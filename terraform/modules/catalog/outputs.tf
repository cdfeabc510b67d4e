output "database_name" {
  description = "Name of the Glue database (Sightline's catalog.namespace)."
  value       = aws_glue_catalog_database.this.name
}

output "database_arn" {
  description = "ARN of the Glue database."
  value       = aws_glue_catalog_database.this.arn
}

output "catalog_arn" {
  description = "ARN of the account's Glue Data Catalog in this region."
  value       = local.catalog_arn
}

output "table_arn_pattern" {
  description = "ARN pattern matching every table of the database, for IAM policies."
  value       = "arn:${data.aws_partition.current.partition}:glue:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:table/${aws_glue_catalog_database.this.name}/*"
}

output "location_uri" {
  description = "S3 location of the database."
  value       = aws_glue_catalog_database.this.location_uri
}
