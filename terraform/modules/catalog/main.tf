data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  catalog_arn = "arn:${data.aws_partition.current.partition}:glue:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:catalog"
}

# The tables themselves are created and evolved by Sightline through Iceberg's GlueCatalog (each
# a Glue table of table_type ICEBERG pointing at its current metadata file); Terraform only
# manages the database, so it never fights the job over table definitions.
resource "aws_glue_catalog_database" "this" {
  name         = var.database_name
  description  = var.description
  location_uri = trimsuffix(var.location_uri, "/")

  tags = var.tags
}
