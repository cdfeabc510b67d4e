variable "database_name" {
  description = "Name of the Glue database that holds Sightline's Iceberg tables; Sightline's catalog.namespace must be the same."
  type        = string
  default     = "sightline"

  validation {
    # Sightline's catalog.namespace: a letter, then letters, digits or underscores. Glue
    # stores database names in lower case.
    condition     = can(regex("^[a-z][a-z0-9_]{0,254}$", var.database_name))
    error_message = "database_name must be a lower-case letter followed by lower-case letters, digits or underscores (at most 255 characters)."
  }
}

variable "location_uri" {
  description = "S3 location of the database (s3://bucket/prefix): Iceberg's GlueCatalog puts a new table at <location_uri>/<table>."
  type        = string

  validation {
    condition     = can(regex("^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$", var.location_uri))
    error_message = "location_uri must be an s3:// URI."
  }
}

variable "description" {
  description = "Description of the Glue database."
  type        = string
  default     = "Apache Iceberg tables written by Sightline"
}

variable "tags" {
  description = "Tags added to every resource of the module."
  type        = map(string)
  default     = {}
}
