# The VPC CNI gets its AWS permissions through IRSA instead of the node role, so pods on a node
# cannot use the ENI-management permissions.
data "aws_iam_policy_document" "vpc_cni_assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.this.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["system:serviceaccount:kube-system:aws-node"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "vpc_cni" {
  name_prefix        = "${var.cluster_name}-vpc-cni-"
  assume_role_policy = data.aws_iam_policy_document.vpc_cni_assume.json

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "vpc_cni" {
  role       = aws_iam_role.vpc_cni.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AmazonEKS_CNI_Policy"
}

# DaemonSet add-ons: installed before the node groups, so that nodes join with the managed CNI.
resource "aws_eks_addon" "before_compute" {
  for_each = toset(["vpc-cni", "kube-proxy"])

  cluster_name             = aws_eks_cluster.this.name
  addon_name               = each.value
  addon_version            = lookup(var.addon_versions, each.value, null)
  service_account_role_arn = each.value == "vpc-cni" ? aws_iam_role.vpc_cni.arn : null
  # The VPC CNI enforces NetworkPolicy (the prod overlay's policies around the Flink pods).
  configuration_values        = each.value == "vpc-cni" ? jsonencode({ enableNetworkPolicy = "true" }) : null
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "PRESERVE"

  tags = var.tags

  depends_on = [aws_iam_role_policy_attachment.vpc_cni]
}

# CoreDNS is a Deployment: it becomes ACTIVE only once nodes exist.
resource "aws_eks_addon" "coredns" {
  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = "coredns"
  addon_version               = lookup(var.addon_versions, "coredns", null)
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "PRESERVE"

  tags = var.tags

  depends_on = [aws_eks_node_group.this]

  lifecycle {
    precondition {
      condition     = var.general_spot_min_size + var.general_on_demand_min_size >= 1
      error_message = "At least one general node must always run (general_spot_min_size + general_on_demand_min_size >= 1) for CoreDNS, the cluster autoscaler and the operators."
    }
  }
}
