data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  partition = data.aws_partition.current.partition
}

# ---------------------------------------------------------------------------------------------
# Instances: role, instance profile, security group, launch template
# ---------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "instance_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "instance" {
  name_prefix        = "${var.name_prefix}-batch-ecs-"
  assume_role_policy = data.aws_iam_policy_document.instance_assume.json

  tags = var.tags
}

# The ECS container agent's permissions (register the instance, pull from ECR, write logs).
# The job containers do not get them: they use job_role_arn, and IMDS is out of their reach.
resource "aws_iam_role_policy_attachment" "instance" {
  role       = aws_iam_role.instance.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"
}

resource "aws_iam_instance_profile" "instance" {
  name_prefix = "${var.name_prefix}-batch-ecs-"
  role        = aws_iam_role.instance.name

  tags = var.tags
}

resource "aws_security_group" "instances" {
  name_prefix = "${var.name_prefix}-batch-gpu-"
  description = "AWS Batch GPU instances of ${var.name_prefix}: no inbound, HTTPS outbound"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name_prefix}-batch-gpu" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_egress_rule" "https" {
  for_each = toset(var.egress_cidr_blocks)

  security_group_id = aws_security_group.instances.id
  description       = "HTTPS to AWS APIs, ECR and S3"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = each.value

  tags = var.tags
}

resource "aws_launch_template" "instances" {
  name_prefix            = "${var.name_prefix}-batch-gpu-"
  description            = "AWS Batch GPU instances of ${var.name_prefix}"
  update_default_version = true

  block_device_mappings {
    device_name = "/dev/xvda" # root device of the ECS-optimized AMIs

    ebs {
      volume_size           = var.root_volume_size_gib
      volume_type           = "gp3"
      encrypted             = true
      delete_on_termination = true
    }
  }

  # IMDSv2 only, hop limit 1: job containers (bridge network) cannot reach the metadata service
  # and therefore cannot use the instance role.
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
    instance_metadata_tags      = "disabled"
  }

  tags = var.tags
}

# ---------------------------------------------------------------------------------------------
# Compute environment and job queue
# ---------------------------------------------------------------------------------------------

# No service_role: Batch uses its service-linked role AWSServiceRoleForBatch (created on first
# use; the caller needs iam:CreateServiceLinkedRole once per account). The SPOT_* allocation
# strategies use EC2 Fleet with its own service-linked role, so no spot fleet role either.
resource "aws_batch_compute_environment" "gpu" {
  compute_environment_name = "${var.name_prefix}-gpu-spot"
  type                     = "MANAGED"
  state                    = "ENABLED"

  compute_resources {
    type                = "SPOT"
    allocation_strategy = "SPOT_PRICE_CAPACITY_OPTIMIZED"
    bid_percentage      = var.spot_bid_percentage
    instance_type       = var.instance_types
    min_vcpus           = var.min_vcpus
    max_vcpus           = var.max_vcpus
    instance_role       = aws_iam_instance_profile.instance.arn
    security_group_ids  = [aws_security_group.instances.id]
    subnets             = var.subnet_ids

    ec2_configuration {
      image_type = var.image_type
    }

    launch_template {
      launch_template_id = aws_launch_template.instances.id
      version            = tostring(aws_launch_template.instances.latest_version)
    }

    tags = merge(var.tags, { Name = "${var.name_prefix}-batch-gpu" })
  }

  # Infrastructure updates let running jobs finish for up to half an hour.
  update_policy {
    job_execution_timeout_minutes = 30
    terminate_jobs_on_update      = false
  }

  tags = var.tags

  # Keep the instance role's policy until the environment is gone, or deletion hangs in DELETING.
  depends_on = [aws_iam_role_policy_attachment.instance]

  lifecycle {
    precondition {
      condition     = var.max_vcpus >= var.min_vcpus
      error_message = "max_vcpus must not be below min_vcpus."
    }
  }
}

# Fair share between tenants (offload.tenant.<name>.share): Sightline then sends each job's
# share identifier and scheduling priority (offload.aws-batch.fair-share: true).
resource "aws_batch_scheduling_policy" "tenants" {
  count = length(var.fair_share_weights) > 0 ? 1 : 0

  name = "${var.name_prefix}-tenants"

  fair_share_policy {
    compute_reservation = var.fair_share_compute_reservation
    share_decay_seconds = var.fair_share_decay_seconds

    dynamic "share_distribution" {
      for_each = var.fair_share_weights

      content {
        share_identifier = share_distribution.key
        weight_factor    = share_distribution.value
      }
    }
  }

  tags = var.tags
}

resource "aws_batch_job_queue" "gpu" {
  name                  = "${var.name_prefix}-gpu"
  state                 = "ENABLED"
  priority              = var.job_queue_priority
  scheduling_policy_arn = length(var.fair_share_weights) > 0 ? aws_batch_scheduling_policy.tenants[0].arn : null

  compute_environment_order {
    order               = 1
    compute_environment = aws_batch_compute_environment.gpu.arn
  }

  tags = var.tags
}

# ---------------------------------------------------------------------------------------------
# Job definition of the GPU worker
# ---------------------------------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "worker" {
  name              = "/aws/batch/${var.name_prefix}-gpu-worker"
  retention_in_days = var.log_retention_days

  tags = var.tags
}

resource "aws_batch_job_definition" "worker" {
  name                  = "${var.name_prefix}-gpu-worker"
  type                  = "container"
  platform_capabilities = ["EC2"]
  propagate_tags        = true

  # Optional keys (command, jobRoleArn, environment) are left out rather than sent as null or
  # empty, which AWS would not echo back (a perpetual diff).
  container_properties = jsonencode({
    for k, v in {
      image      = var.container_image
      command    = var.container_command
      jobRoleArn = var.job_role_arn
      resourceRequirements = [
        { type = "GPU", value = tostring(var.job_gpus) },
        { type = "VCPU", value = tostring(var.job_vcpus) },
        { type = "MEMORY", value = tostring(var.job_memory_mib) },
      ]
      environment = length(var.job_environment) == 0 ? null : [
        for name in sort(keys(var.job_environment)) : { name = name, value = var.job_environment[name] }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = aws_cloudwatch_log_group.worker.name
          "awslogs-region"        = data.aws_region.current.name
          "awslogs-stream-prefix" = "worker"
        }
      }
    } : k => v if v != null
  })

  # The same rules as the retry strategy Sightline sends with each job (SubmitJob overrides
  # this one): exit codes are the worker's (docs/operations.md, "sightline worker").
  retry_strategy {
    attempts = var.retry_attempts

    # The spot instance was reclaimed (status reason "Host EC2 (instance i-...) terminated."):
    # try again on another instance.
    evaluate_on_exit {
      on_status_reason = "Host EC2*"
      action           = "RETRY"
    }

    # Exit code 3: the input is bad (the result, a failed outcome, is written); 2: the task is
    # unusable. Another attempt would end the same way.
    evaluate_on_exit {
      on_exit_code = "3"
      action       = "EXIT"
    }

    evaluate_on_exit {
      on_exit_code = "2"
      action       = "EXIT"
    }

    evaluate_on_exit {
      on_reason = "CannotPullContainerError*"
      action    = "EXIT"
    }

    # Anything else (exit code 1: the worker failed, e.g. a store it could not reach; a killed
    # container) matches no condition, and Batch retries it while attempts are left.
  }

  timeout {
    attempt_duration_seconds = var.job_timeout_seconds
  }

  tags = var.tags
}
