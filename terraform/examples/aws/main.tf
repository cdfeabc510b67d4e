data "aws_caller_identity" "current" {}

locals {
  cluster_name  = var.name_prefix
  bucket_prefix = var.bucket_prefix != null ? var.bucket_prefix : "${var.name_prefix}-${data.aws_caller_identity.current.account_id}"

  tags = merge(
    {
      Project   = "sightline"
      ManagedBy = "terraform"
    },
    var.tags,
  )

  # The operator's namespace and service account: the operator module installs them, the IAM
  # module's operator role trusts exactly them.
  flink_operator_namespace       = "flink-operator"
  flink_operator_service_account = "flink-operator"

  # Locations inside the buckets.
  warehouse_path  = "s3://${module.storage.bucket_names["warehouse"]}/warehouse"
  processed_path  = "s3://${module.storage.bucket_names["processed"]}/processed"
  checkpoint_path = "s3://${module.storage.bucket_names["checkpoint"]}/checkpoints"
  savepoint_path  = "s3://${module.storage.bucket_names["checkpoint"]}/savepoints"
  ha_path         = "s3://${module.storage.bucket_names["checkpoint"]}/ha"
  raw_prefix      = var.raw_notification_prefix != null ? var.raw_notification_prefix : ""

  # Sightline's input.prefix (only objects under it are analysed), as a line of the input block
  # of the sightline_config output; nothing when the whole bucket is announced.
  # Offload to the Batch GPU queue (with enable_batch): long or large videos there, the rest in the task.
  offload_block = !var.enable_batch ? "" : <<-EOT
    offload:
      backend: aws-batch
      routes:
        - video where duration > 10m or size > 1GB -> queue gpu
        - video -> in-task
      default-route: in-task
      queue:
        gpu:
          job-queue: ${module.batch[0].job_queue_name}
          job-definition: ${module.batch[0].job_definition_name}
          vcpus: 4
          memory-mib: 14336
          gpus: 1
  EOT

  input_prefix_line = local.raw_prefix == "" ? "" : "\n  prefix: s3://${module.storage.bucket_names["raw"]}/${local.raw_prefix}"
}

module "network" {
  source = "../../modules/network"

  name               = var.name_prefix
  cluster_name       = local.cluster_name
  vpc_cidr           = var.vpc_cidr
  az_count           = var.az_count
  single_nat_gateway = var.single_nat_gateway

  tags = local.tags
}

module "eks" {
  source = "../../modules/eks"

  cluster_name                 = local.cluster_name
  cluster_version              = var.cluster_version
  subnet_ids                   = module.network.private_subnet_ids
  endpoint_public_access       = var.cluster_endpoint_public_access
  endpoint_public_access_cidrs = var.cluster_endpoint_public_access_cidrs
  cluster_admin_principal_arns = var.cluster_admin_principal_arns

  general_instance_types     = var.general_instance_types
  general_spot_max_size      = var.general_max_size
  general_on_demand_max_size = var.general_max_size
  gpu_instance_types         = var.gpu_instance_types
  gpu_max_size               = var.gpu_max_size

  tags = local.tags
}

module "storage" {
  source = "../../modules/storage"

  name_prefix                = var.name_prefix
  bucket_prefix              = local.bucket_prefix
  force_destroy              = var.force_destroy
  notification_filter_prefix = var.raw_notification_prefix
  notification_filter_suffix = var.raw_notification_suffix
  visibility_timeout_seconds = var.sqs_visibility_timeout_seconds
  # Above Sightline's input.sqs.max-receives, so that Sightline dead-letters a poison message
  # itself (it does so on receive max-receives + 1) before SQS moves it to the DLQ.
  max_receive_count = var.sightline_sqs_max_receives + 5

  tags = local.tags
}

module "catalog" {
  source = "../../modules/catalog"

  database_name = var.glue_database_name
  # Iceberg's GlueCatalog places a table at <database location>/<table>; this keeps the layout
  # Iceberg uses for a database without location: <warehouse>/<database>.db/<table>.
  location_uri = "${local.warehouse_path}/${var.glue_database_name}.db"

  tags = local.tags
}

module "batch" {
  source = "../../modules/batch"
  count  = var.enable_batch ? 1 : 0

  name_prefix     = var.name_prefix
  vpc_id          = module.network.vpc_id
  subnet_ids      = module.network.private_subnet_ids
  container_image = var.batch_container_image
  job_role_arn    = module.iam.batch_job_role_arn
  max_vcpus       = var.batch_max_vcpus

  tags = local.tags
}

module "iam" {
  source = "../../modules/iam"

  name_prefix       = var.name_prefix
  oidc_provider_arn = module.eks.oidc_provider_arn
  oidc_provider_url = module.eks.oidc_provider_url

  job_namespace            = var.job_namespace
  job_service_account      = var.job_service_account
  operator_namespace       = local.flink_operator_namespace
  operator_service_account = local.flink_operator_service_account

  queue_arn             = module.storage.queue_arn
  raw_bucket_arn        = module.storage.bucket_arns["raw"]
  raw_read_prefix       = local.raw_prefix
  processed_bucket_arn  = module.storage.bucket_arns["processed"]
  warehouse_bucket_arn  = module.storage.bucket_arns["warehouse"]
  checkpoint_bucket_arn = module.storage.bucket_arns["checkpoint"]
  savepoints_prefix     = "savepoints/"
  kms_key_arn           = module.storage.kms_key_arn
  glue_database_name    = module.catalog.database_name

  offload_prefix           = "processed/offload/"
  enable_batch_access      = var.enable_batch
  create_batch_job_role    = var.enable_batch
  batch_job_queue_arn      = var.enable_batch ? module.batch[0].job_queue_arn : null
  batch_job_definition_arn = var.enable_batch ? module.batch[0].job_definition_arn_prefix : null

  tags = local.tags
}

module "flink_operator" {
  source = "../../modules/flink-operator"

  cluster_name = module.eks.cluster_name
  aws_region   = var.region

  cert_manager_chart_version      = var.cert_manager_chart_version
  flink_operator_chart_version    = var.flink_operator_chart_version
  flink_operator_chart_repository = "https://downloads.apache.org/flink/flink-kubernetes-operator-${var.flink_operator_chart_version}/"
  flink_operator_namespace        = local.flink_operator_namespace
  flink_operator_service_account  = local.flink_operator_service_account
  flink_operator_role_arn         = module.iam.flink_operator_role_arn

  job_namespace       = var.job_namespace
  job_service_account = var.job_service_account
  job_role_arn        = module.iam.job_role_arn

  gpu_node_selector = module.eks.gpu_node_selector
  gpu_taint_key     = module.eks.gpu_node_toleration.key

  cluster_autoscaler_role_arn        = module.eks.cluster_autoscaler_role_arn
  cluster_autoscaler_namespace       = module.eks.cluster_autoscaler_namespace
  cluster_autoscaler_service_account = module.eks.cluster_autoscaler_service_account
  spot_node_group_names              = module.eks.spot_node_group_names
  on_demand_node_group_names         = module.eks.on_demand_node_group_names

  # Charts need running nodes (and CoreDNS) before they can become ready; on destroy, the
  # releases go before the node groups.
  depends_on = [module.eks]
}

# A Batch worker without an image cannot work: fail the plan early.
check "batch_image" {
  assert {
    condition     = !var.enable_batch || var.batch_container_image != null
    error_message = "enable_batch is true but batch_container_image is not set."
  }
}
