output "cluster_name" {
  description = "Name of the EKS cluster."
  value       = aws_eks_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the EKS cluster."
  value       = aws_eks_cluster.this.arn
}

output "cluster_version" {
  description = "Kubernetes version of the control plane."
  value       = aws_eks_cluster.this.version
}

output "cluster_endpoint" {
  description = "URL of the Kubernetes API server."
  value       = aws_eks_cluster.this.endpoint
}

output "cluster_certificate_authority_data" {
  description = "Base64-encoded certificate of the cluster's certificate authority."
  value       = aws_eks_cluster.this.certificate_authority[0].data
}

output "cluster_security_group_id" {
  description = "ID of the security group EKS created for the control plane and the managed nodes."
  value       = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
}

output "oidc_provider_arn" {
  description = "ARN of the cluster's IAM OIDC provider, the federated principal of IRSA trust policies."
  value       = aws_iam_openid_connect_provider.this.arn
}

output "oidc_provider_url" {
  description = "OIDC issuer of the cluster without https://, the prefix of the IRSA condition keys (<url>:sub, <url>:aud)."
  value       = local.oidc_issuer
}

output "secrets_kms_key_arn" {
  description = "ARN of the KMS key that encrypts Kubernetes secrets."
  value       = local.secrets_kms_key_arn
}

output "node_role_arn" {
  description = "ARN of the IAM role of all managed nodes."
  value       = aws_iam_role.node.arn
}

output "node_group_names" {
  description = "Names of the managed node groups by pool: general-spot, general-on-demand, gpu."
  value       = { for k, ng in aws_eks_node_group.this : k => ng.node_group_name }
}

output "spot_node_group_names" {
  description = "Names of the node groups on spot capacity (preferred by the cluster autoscaler's priority expander)."
  value       = [for k, ng in aws_eks_node_group.this : ng.node_group_name if ng.capacity_type == "SPOT"]
}

output "on_demand_node_group_names" {
  description = "Names of the node groups on on-demand capacity (the autoscaler's fallback)."
  value       = [for k, ng in aws_eks_node_group.this : ng.node_group_name if ng.capacity_type == "ON_DEMAND"]
}

output "node_pool_label_key" {
  description = "Node label that names each node's pool (general or gpu)."
  value       = var.node_pool_label_key
}

output "gpu_node_selector" {
  description = "Node selector that places a pod on the GPU node group."
  value       = { (var.node_pool_label_key) = "gpu" }
}

output "gpu_node_toleration" {
  description = "Kubernetes toleration a pod needs to run on the GPU node group (its taint)."
  value = {
    key      = local.gpu_taint.key
    operator = "Exists"
    effect   = local.taint_effects[local.gpu_taint.effect]
  }
}

output "cluster_autoscaler_role_arn" {
  description = "ARN of the cluster autoscaler's IRSA role."
  value       = aws_iam_role.cluster_autoscaler.arn
}

output "cluster_autoscaler_namespace" {
  description = "Namespace of the service account the autoscaler role trusts."
  value       = var.cluster_autoscaler_namespace
}

output "cluster_autoscaler_service_account" {
  description = "Name of the service account the autoscaler role trusts."
  value       = var.cluster_autoscaler_service_account
}
