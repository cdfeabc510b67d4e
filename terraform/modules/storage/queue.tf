# ---------------------------------------------------------------------------------------------
# S3 event notifications of the raw bucket -> SQS (Sightline's input.kind: sqs)
# ---------------------------------------------------------------------------------------------

resource "aws_sqs_queue" "dlq" {
  name                      = "${var.name_prefix}-raw-events-dlq"
  message_retention_seconds = var.dlq_message_retention_seconds
  sqs_managed_sse_enabled   = true

  tags = var.tags
}

# SSE-SQS rather than SSE-KMS: S3 can send to it without a key policy grant, and the job's role
# needs no KMS permission to read it.
resource "aws_sqs_queue" "raw_events" {
  name                       = "${var.name_prefix}-raw-events"
  visibility_timeout_seconds = var.visibility_timeout_seconds
  receive_wait_time_seconds  = var.receive_wait_time_seconds
  message_retention_seconds  = var.message_retention_seconds
  sqs_managed_sse_enabled    = true

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = var.max_receive_count
  })

  tags = var.tags
}

# Only the raw-events queue may use the DLQ as its dead-letter queue. A separate resource,
# because the queue's redrive policy already refers to the DLQ (an inline policy would be a cycle).
resource "aws_sqs_queue_redrive_allow_policy" "dlq" {
  queue_url = aws_sqs_queue.dlq.id

  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.raw_events.arn]
  })
}

data "aws_iam_policy_document" "raw_events" {
  source_policy_documents = [data.aws_iam_policy_document.deny_insecure_transport["raw_events"].json]

  statement {
    sid       = "AllowRawBucketNotifications"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.raw_events.arn]

    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_s3_bucket.data["raw"].arn]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_sqs_queue_policy" "raw_events" {
  queue_url = aws_sqs_queue.raw_events.id
  policy    = data.aws_iam_policy_document.raw_events.json
}

resource "aws_sqs_queue_policy" "dlq" {
  queue_url = aws_sqs_queue.dlq.id
  policy    = data.aws_iam_policy_document.deny_insecure_transport["dlq"].json
}

# S3 validates the destination when the configuration is saved (and sends an s3:TestEvent,
# which Sightline skips), so the queue policy must exist first.
resource "aws_s3_bucket_notification" "raw" {
  bucket = aws_s3_bucket.data["raw"].id

  queue {
    id            = "sightline-raw-events"
    queue_arn     = aws_sqs_queue.raw_events.arn
    events        = ["s3:ObjectCreated:*"]
    filter_prefix = var.notification_filter_prefix
    filter_suffix = var.notification_filter_suffix
  }

  depends_on = [aws_sqs_queue_policy.raw_events]
}
