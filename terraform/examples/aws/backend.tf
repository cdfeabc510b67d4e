# Keep the state in S3 for anything beyond a trial: uncomment, fill in, and run
# `terraform init -migrate-state`. The state bucket is not created here (chicken and egg): create
# it once, with versioning, SSE-KMS and a public access block, in the same account.
#
# terraform {
#   backend "s3" {
#     bucket       = "my-terraform-state-123456789012"
#     key          = "sightline/aws/terraform.tfstate"
#     region       = "eu-west-1"
#     encrypt      = true
#     kms_key_id   = "alias/terraform-state"
#     use_lockfile = true # S3-native state locking (Terraform >= 1.10); older: dynamodb_table = "terraform-locks"
#   }
# }
