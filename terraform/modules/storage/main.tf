data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id    = data.aws_caller_identity.current.account_id
  partition     = data.aws_partition.current.partition
  bucket_prefix = var.bucket_prefix != null ? var.bucket_prefix : lower(var.name_prefix)

  # The four data buckets; the logs bucket is separate (different encryption and policy).
  buckets = {
    raw        = "${local.bucket_prefix}-raw"
    processed  = "${local.bucket_prefix}-processed"
    checkpoint = "${local.bucket_prefix}-checkpoint"
    warehouse  = "${local.bucket_prefix}-warehouse"
  }
  logs_bucket = "${local.bucket_prefix}-logs"
}

# ---------------------------------------------------------------------------------------------
# KMS key of the data buckets
# ---------------------------------------------------------------------------------------------

# The default key policy (the account's IAM policies decide who may use the key) is kept on
# purpose: access is granted to the job's roles by their IAM policies (modules/iam).
resource "aws_kms_key" "storage" {
  description             = "SSE-KMS of the Sightline buckets (${local.bucket_prefix}-*)"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_key_deletion_window_in_days

  tags = var.tags
}

resource "aws_kms_alias" "storage" {
  name          = "alias/${var.name_prefix}-storage"
  target_key_id = aws_kms_key.storage.key_id
}

# ---------------------------------------------------------------------------------------------
# Data buckets: raw, processed, checkpoint, warehouse
# ---------------------------------------------------------------------------------------------

resource "aws_s3_bucket" "data" {
  for_each = local.buckets

  bucket        = each.value
  force_destroy = var.force_destroy

  tags = merge(var.tags, { Name = each.value, "sightline.io/bucket-role" = each.key })
}

resource "aws_s3_bucket_public_access_block" "data" {
  for_each = aws_s3_bucket.data

  bucket                  = each.value.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "data" {
  for_each = aws_s3_bucket.data

  bucket = each.value.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  for_each = aws_s3_bucket.data

  bucket = each.value.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.storage.arn
    }
    # S3 Bucket Keys cut the KMS requests (and their cost) of the many small checkpoint and
    # Iceberg metadata files by orders of magnitude.
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "raw" {
  count = var.raw_versioning_enabled ? 1 : 0

  bucket = aws_s3_bucket.data["raw"].id

  versioning_configuration {
    status = "Enabled"
  }
}

# One "deny requests without TLS" statement per bucket and queue of the module; each resource
# policy below starts from its own.
locals {
  tls_only_targets = merge(
    { for k, b in aws_s3_bucket.data : k => { actions = ["s3:*"], resources = [b.arn, "${b.arn}/*"] } },
    {
      logs       = { actions = ["s3:*"], resources = [aws_s3_bucket.logs.arn, "${aws_s3_bucket.logs.arn}/*"] }
      raw_events = { actions = ["sqs:*"], resources = [aws_sqs_queue.raw_events.arn] }
      dlq        = { actions = ["sqs:*"], resources = [aws_sqs_queue.dlq.arn] }
    },
  )
}

data "aws_iam_policy_document" "deny_insecure_transport" {
  for_each = local.tls_only_targets

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = each.value.actions
    resources = each.value.resources

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

data "aws_iam_policy_document" "tls_only" {
  for_each = aws_s3_bucket.data

  source_policy_documents = [data.aws_iam_policy_document.deny_insecure_transport[each.key].json]

  statement {
    sid       = "DenyOutdatedTls"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [each.value.arn, "${each.value.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "NumericLessThan"
      variable = "s3:TlsVersion"
      values   = ["1.2"]
    }
  }
}

resource "aws_s3_bucket_policy" "data" {
  for_each = aws_s3_bucket.data

  bucket = each.value.id
  policy = data.aws_iam_policy_document.tls_only[each.key].json

  depends_on = [aws_s3_bucket_public_access_block.data]
}

resource "aws_s3_bucket_logging" "data" {
  for_each = aws_s3_bucket.data

  bucket        = each.value.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "${each.value.id}/"

  depends_on = [aws_s3_bucket_policy.logs]
}

resource "aws_s3_bucket_lifecycle_configuration" "data" {
  for_each = aws_s3_bucket.data

  bucket = each.value.id

  rule {
    id     = "abort-incomplete-multipart-uploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = var.abort_incomplete_multipart_upload_days
    }
  }

  dynamic "rule" {
    for_each = each.key == "raw" ? [1] : []

    content {
      id     = "expire-noncurrent-versions"
      status = "Enabled"

      filter {}

      noncurrent_version_expiration {
        noncurrent_days = var.raw_noncurrent_version_expiration_days
      }

      # Delete markers left without any version behind them are removed too.
      expiration {
        expired_object_delete_marker = true
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.raw]
}

# ---------------------------------------------------------------------------------------------
# Logs bucket: target of the S3 server access logs of the data buckets
# ---------------------------------------------------------------------------------------------

resource "aws_s3_bucket" "logs" {
  bucket        = local.logs_bucket
  force_destroy = var.force_destroy

  tags = merge(var.tags, { Name = local.logs_bucket, "sightline.io/bucket-role" = "logs" })
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# ACLs are off; the log delivery service is allowed by the bucket policy instead.
resource "aws_s3_bucket_ownership_controls" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# SSE-S3, not SSE-KMS: S3 server access log delivery does not support a target bucket whose
# default encryption is SSE-KMS (logs would silently not be delivered).
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

data "aws_iam_policy_document" "logs" {
  source_policy_documents = [data.aws_iam_policy_document.deny_insecure_transport["logs"].json]

  statement {
    sid       = "AllowS3ServerAccessLogDelivery"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.logs.arn}/*"]

    principals {
      type        = "Service"
      identifiers = ["logging.s3.amazonaws.com"]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = [for b in aws_s3_bucket.data : b.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = data.aws_iam_policy_document.logs.json

  depends_on = [aws_s3_bucket_public_access_block.logs]
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    id     = "expire-access-logs"
    status = "Enabled"

    filter {}

    expiration {
      days = var.log_retention_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = var.abort_incomplete_multipart_upload_days
    }
  }
}
