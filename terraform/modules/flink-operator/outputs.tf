output "job_namespace" {
  description = "Namespace of the Sightline FlinkDeployment."
  value       = kubernetes_namespace_v1.job.metadata[0].name
}

output "job_service_account" {
  description = "Service account for the FlinkDeployment's spec.serviceAccount (IRSA-annotated, bound to the chart's job Role)."
  value       = kubernetes_service_account_v1.job.metadata[0].name
}

output "job_rbac_role_name" {
  description = "Name of the Role the operator chart creates in the job namespace and binds to the job service account."
  value       = local.job_role_name
}

output "flink_operator_namespace" {
  description = "Namespace of the Flink Kubernetes Operator."
  value       = helm_release.flink_operator.namespace
}

output "flink_operator_version" {
  description = "Installed version of the flink-kubernetes-operator chart."
  value       = helm_release.flink_operator.version
}

output "cert_manager_version" {
  description = "Installed version of the cert-manager chart."
  value       = helm_release.cert_manager.version
}

output "cluster_autoscaler_priorities" {
  description = "Priority expander configuration (priority => ASG name patterns) given to the cluster autoscaler."
  value       = local.autoscaler_priorities
}
