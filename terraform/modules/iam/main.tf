data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name

  glue_catalog_arn  = "arn:${local.partition}:glue:${local.region}:${local.account_id}:catalog"
  glue_database_arn = "arn:${local.partition}:glue:${local.region}:${local.account_id}:database/${var.glue_database_name}"
  glue_tables_arn   = "arn:${local.partition}:glue:${local.region}:${local.account_id}:table/${var.glue_database_name}/*"

  # S3 uses the key on the caller's behalf; the roles cannot use it for anything else.
  kms_via_s3 = "s3.${local.region}.amazonaws.com"

  irsa_subjects = {
    job      = "system:serviceaccount:${var.job_namespace}:${var.job_service_account}"
    operator = "system:serviceaccount:${var.operator_namespace}:${var.operator_service_account}"
  }
}

# IRSA trust: only the one service account, only tokens meant for STS.
data "aws_iam_policy_document" "irsa_assume" {
  for_each = local.irsa_subjects

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${var.oidc_provider_url}:sub"
      values   = [each.value]
    }

    condition {
      test     = "StringEquals"
      variable = "${var.oidc_provider_url}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

# ---------------------------------------------------------------------------------------------
# (1) The Sightline job (JobManager and TaskManagers)
# ---------------------------------------------------------------------------------------------

resource "aws_iam_role" "job" {
  name_prefix          = "${var.name_prefix}-job-"
  description          = "Sightline Flink job (${local.irsa_subjects.job})"
  assume_role_policy   = data.aws_iam_policy_document.irsa_assume["job"].json
  permissions_boundary = var.permissions_boundary_arn
  max_session_duration = 3600

  tags = var.tags
}

data "aws_iam_policy_document" "job" {
  statement {
    sid = "ConsumeRawEvents"
    actions = [
      "sqs:ReceiveMessage",
      "sqs:DeleteMessage",
      "sqs:ChangeMessageVisibility",
      "sqs:GetQueueAttributes",
    ]
    resources = [var.queue_arn]
  }

  statement {
    sid       = "ReadRecordings"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = ["${var.raw_bucket_arn}/${var.raw_read_prefix}*"]
  }

  # Listing is only needed by `sightline backfill` (input.backfill).
  statement {
    sid       = "ListRecordings"
    actions   = ["s3:ListBucket"]
    resources = [var.raw_bucket_arn]

    dynamic "condition" {
      for_each = var.raw_read_prefix == "" ? [] : [var.raw_read_prefix]

      content {
        test     = "StringLike"
        variable = "s3:prefix"
        values   = ["${condition.value}*"]
      }
    }
  }

  # Keyframe thumbnails. AbortMultipartUpload lets a failed large upload clean up after itself.
  statement {
    sid       = "WriteProcessed"
    actions   = ["s3:PutObject", "s3:AbortMultipartUpload"]
    resources = ["${var.processed_bucket_arn}/*"]
  }

  # Iceberg data and metadata files (S3FileIO) and Flink checkpoints (flink-s3-fs-hadoop).
  statement {
    sid = "ReadWriteState"
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:DeleteObject",
      "s3:AbortMultipartUpload",
    ]
    resources = [
      "${var.warehouse_bucket_arn}/*",
      "${var.checkpoint_bucket_arn}/*",
    ]
  }

  # Hadoop S3A lists to resolve "directories" and looks up the bucket's region.
  statement {
    sid       = "ListState"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = [var.warehouse_bucket_arn, var.checkpoint_bucket_arn]
  }

  statement {
    sid       = "UseStorageKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = [local.kms_via_s3]
    }
  }

  # What Iceberg's GlueCatalog calls for loading, creating and committing tables. The database
  # exists (modules/catalog), so no CreateDatabase.
  statement {
    sid = "IcebergGlueCatalog"
    actions = concat(
      [
        "glue:GetDatabase",
        "glue:GetTable",
        "glue:GetTables",
        "glue:CreateTable",
        "glue:UpdateTable",
      ],
      var.allow_glue_delete_table ? ["glue:DeleteTable"] : [],
    )
    resources = [
      local.glue_catalog_arn,
      local.glue_database_arn,
      local.glue_tables_arn,
    ]
  }

  # Offload: the job writes task documents and reads the workers' results and markers back
  # (offload.path, under processed.path).
  statement {
    sid       = "ReadOffloadResults"
    actions   = ["s3:GetObject"]
    resources = ["${var.processed_bucket_arn}/${var.offload_prefix}*"]
  }

  # Offload to Batch: one job per task on this queue and definition (any revision).
  dynamic "statement" {
    for_each = var.enable_batch_access ? [1] : []

    content {
      sid     = "SubmitGpuJobs"
      actions = ["batch:SubmitJob"]
      resources = [
        var.batch_job_queue_arn,
        var.batch_job_definition_arn,
        "${var.batch_job_definition_arn}:*",
      ]
    }
  }

  dynamic "statement" {
    for_each = var.enable_batch_access ? [1] : []

    content {
      sid       = "TerminateGpuJobs"
      actions   = ["batch:TerminateJob"]
      resources = ["arn:${local.partition}:batch:${local.region}:${local.account_id}:job/*"]
    }
  }

  # DescribeJobs (polling a job) and ListJobs (finding a task's job by name after a restore, so
  # it is never submitted twice) support no resource-level permissions.
  dynamic "statement" {
    for_each = var.enable_batch_access ? [1] : []

    content {
      sid       = "DescribeGpuJobs"
      actions   = ["batch:DescribeJobs", "batch:ListJobs"]
      resources = ["*"]
    }
  }
}

resource "aws_iam_role_policy" "job" {
  name   = "sightline-job"
  role   = aws_iam_role.job.id
  policy = data.aws_iam_policy_document.job.json

  lifecycle {
    precondition {
      condition     = !var.enable_batch_access || (var.batch_job_queue_arn != null && var.batch_job_definition_arn != null)
      error_message = "enable_batch_access needs batch_job_queue_arn and batch_job_definition_arn."
    }
  }
}

# ---------------------------------------------------------------------------------------------
# (2) The Flink Kubernetes Operator: savepoint disposal only
# ---------------------------------------------------------------------------------------------

resource "aws_iam_role" "operator" {
  name_prefix          = "${var.name_prefix}-flink-op-"
  description          = "Flink Kubernetes Operator (${local.irsa_subjects.operator})"
  assume_role_policy   = data.aws_iam_policy_document.irsa_assume["operator"].json
  permissions_boundary = var.permissions_boundary_arn
  max_session_duration = 3600

  tags = var.tags
}

data "aws_iam_policy_document" "operator" {
  statement {
    sid       = "ReadDeleteSavepoints"
    actions   = ["s3:GetObject", "s3:DeleteObject"]
    resources = ["${var.checkpoint_bucket_arn}/${var.savepoints_prefix}*"]
  }

  statement {
    sid       = "ListSavepoints"
    actions   = ["s3:ListBucket"]
    resources = [var.checkpoint_bucket_arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = [var.savepoints_prefix, "${var.savepoints_prefix}*"]
    }
  }

  statement {
    sid       = "DecryptSavepoints"
    actions   = ["kms:Decrypt"]
    resources = [var.kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = [local.kms_via_s3]
    }
  }
}

resource "aws_iam_role_policy" "operator" {
  name   = "flink-operator-savepoints"
  role   = aws_iam_role.operator.id
  policy = data.aws_iam_policy_document.operator.json
}

# ---------------------------------------------------------------------------------------------
# (3) Optional: containers of AWS Batch GPU jobs
# ---------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "batch_job_assume" {
  count = var.create_batch_job_role ? 1 : 0

  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:ecs:${local.region}:${local.account_id}:*"]
    }
  }
}

resource "aws_iam_role" "batch_job" {
  count = var.create_batch_job_role ? 1 : 0

  name_prefix          = "${var.name_prefix}-batch-job-"
  description          = "Containers of Sightline's AWS Batch GPU jobs"
  assume_role_policy   = data.aws_iam_policy_document.batch_job_assume[0].json
  permissions_boundary = var.permissions_boundary_arn
  max_session_duration = 3600

  tags = var.tags
}

data "aws_iam_policy_document" "batch_job" {
  count = var.create_batch_job_role ? 1 : 0

  statement {
    sid       = "ReadRecordings"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = ["${var.raw_bucket_arn}/${var.raw_read_prefix}*"]
  }

  statement {
    sid       = "ReadWriteProcessed"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"]
    resources = ["${var.processed_bucket_arn}/*"]
  }

  statement {
    sid       = "UseStorageKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = [local.kms_via_s3]
    }
  }
}

resource "aws_iam_role_policy" "batch_job" {
  count = var.create_batch_job_role ? 1 : 0

  name   = "sightline-batch-job"
  role   = aws_iam_role.batch_job[0].id
  policy = data.aws_iam_policy_document.batch_job[0].json
}
