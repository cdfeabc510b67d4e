locals {
  gpu_taint = {
    key    = "nvidia.com/gpu"
    value  = "true"
    effect = "NO_SCHEDULE"
  }

  # The general pool runs on spot; an identical on-demand group (minimum 0) is the fallback the
  # cluster autoscaler's priority expander turns to only when spot capacity cannot be had (see
  # README). The GPU pool is tainted so that only pods tolerating nvidia.com/gpu land there.
  node_groups = {
    general-spot = {
      capacity_type      = "SPOT"
      ami_type           = "AL2023_x86_64_STANDARD"
      instance_types     = var.general_instance_types
      min_size           = var.general_spot_min_size
      max_size           = var.general_spot_max_size
      disk_size_gib      = var.general_disk_size_gib
      labels             = { (var.node_pool_label_key) = "general" }
      taints             = []
      extended_resources = {}
    }
    general-on-demand = {
      capacity_type      = "ON_DEMAND"
      ami_type           = "AL2023_x86_64_STANDARD"
      instance_types     = var.general_instance_types
      min_size           = var.general_on_demand_min_size
      max_size           = var.general_on_demand_max_size
      disk_size_gib      = var.general_disk_size_gib
      labels             = { (var.node_pool_label_key) = "general" }
      taints             = []
      extended_resources = {}
    }
    gpu = {
      capacity_type      = var.gpu_capacity_type
      ami_type           = "AL2023_x86_64_NVIDIA"
      instance_types     = var.gpu_instance_types
      min_size           = var.gpu_min_size
      max_size           = var.gpu_max_size
      disk_size_gib      = var.gpu_disk_size_gib
      labels             = { (var.node_pool_label_key) = "gpu" }
      taints             = [local.gpu_taint]
      extended_resources = { "nvidia.com/gpu" = tostring(var.gpus_per_node) }
    }
  }

  taint_effects = {
    NO_SCHEDULE        = "NoSchedule"
    NO_EXECUTE         = "NoExecute"
    PREFER_NO_SCHEDULE = "PreferNoSchedule"
  }

  # Node-template tags on each group's Auto Scaling group. EKS itself tags the ASGs of managed
  # node groups with k8s.io/cluster-autoscaler/enabled and k8s.io/cluster-autoscaler/<cluster>
  # (auto-discovery), but not with the labels, taints and extended resources of the nodes-to-be.
  # Without these the autoscaler cannot tell, while a group has zero nodes, that a new node would
  # carry nvidia.com/gpu, the pool label and the taint, so a GPU pod would never scale it up.
  node_template_tags = merge([
    for group, ng in local.node_groups : merge(
      {
        for k, v in merge(ng.labels, { "eks.amazonaws.com/capacityType" = ng.capacity_type }) :
        "${group}/label/${k}" => {
          group = group
          key   = "k8s.io/cluster-autoscaler/node-template/label/${k}"
          value = v
        }
      },
      {
        for t in ng.taints :
        "${group}/taint/${t.key}" => {
          group = group
          key   = "k8s.io/cluster-autoscaler/node-template/taint/${t.key}"
          value = "${t.value}:${local.taint_effects[t.effect]}"
        }
      },
      {
        for r, n in ng.extended_resources :
        "${group}/resources/${r}" => {
          group = group
          key   = "k8s.io/cluster-autoscaler/node-template/resources/${r}"
          value = n
        }
      },
    )
  ]...)
}

data "aws_iam_policy_document" "node_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "node" {
  name_prefix        = "${var.cluster_name}-node-"
  assume_role_policy = data.aws_iam_policy_document.node_assume.json

  tags = var.tags
}

# No AmazonEKS_CNI_Policy here: the VPC CNI uses its own IRSA role (addons.tf).
resource "aws_iam_role_policy_attachment" "node" {
  for_each = toset(concat(
    ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly"],
    var.enable_ssm_on_nodes ? ["AmazonSSMManagedInstanceCore"] : [],
  ))

  role       = aws_iam_role.node.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/${each.value}"
}

resource "aws_launch_template" "node" {
  for_each = local.node_groups

  name_prefix            = "${var.cluster_name}-${each.key}-"
  description            = "EKS managed node group ${var.cluster_name}-${each.key}"
  update_default_version = true
  ebs_optimized          = true

  block_device_mappings {
    device_name = "/dev/xvda" # root device of the EKS AL2023 AMIs

    ebs {
      volume_size           = each.value.disk_size_gib
      volume_type           = "gp3"
      encrypted             = true
      delete_on_termination = true
    }
  }

  # IMDSv2 only, and a hop limit of 1: containers in pod networks cannot reach the instance
  # metadata service and so cannot borrow the node role; pods get AWS access through IRSA.
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
    instance_metadata_tags      = "disabled"
  }

  tag_specifications {
    resource_type = "instance"
    tags          = merge(var.tags, { Name = "${var.cluster_name}-${each.key}" })
  }

  tag_specifications {
    resource_type = "volume"
    tags          = merge(var.tags, { Name = "${var.cluster_name}-${each.key}" })
  }

  tags = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_eks_node_group" "this" {
  for_each = local.node_groups

  cluster_name    = aws_eks_cluster.this.name
  node_group_name = "${var.cluster_name}-${each.key}"
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = var.subnet_ids
  version         = var.cluster_version

  ami_type       = each.value.ami_type
  capacity_type  = each.value.capacity_type
  instance_types = each.value.instance_types
  labels         = each.value.labels

  dynamic "taint" {
    for_each = each.value.taints

    content {
      key    = taint.value.key
      value  = taint.value.value
      effect = taint.value.effect
    }
  }

  scaling_config {
    min_size     = each.value.min_size
    max_size     = each.value.max_size
    desired_size = each.value.min_size
  }

  update_config {
    max_unavailable_percentage = 33
  }

  launch_template {
    id      = aws_launch_template.node[each.key].id
    version = aws_launch_template.node[each.key].latest_version
  }

  # EKS copies these two auto-discovery tags onto the node group's Auto Scaling group as well.
  tags = merge(var.tags, {
    "k8s.io/cluster-autoscaler/enabled"             = "true"
    "k8s.io/cluster-autoscaler/${var.cluster_name}" = "owned"
  })

  depends_on = [
    aws_iam_role_policy_attachment.node,
    aws_eks_addon.before_compute,
  ]

  lifecycle {
    # The cluster autoscaler owns the desired size.
    ignore_changes = [scaling_config[0].desired_size]

    precondition {
      condition     = each.value.max_size >= each.value.min_size
      error_message = "Node group ${each.key}: the maximum size must not be below the minimum size."
    }
  }
}

resource "aws_autoscaling_group_tag" "node_template" {
  for_each = local.node_template_tags

  autoscaling_group_name = aws_eks_node_group.this[each.value.group].resources[0].autoscaling_groups[0].name

  tag {
    key                 = each.value.key
    value               = each.value.value
    propagate_at_launch = false
  }
}
