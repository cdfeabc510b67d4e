variable "cluster_name" {
  description = "Name of the EKS cluster (the cluster autoscaler discovers the node groups tagged for it)."
  type        = string
}

variable "aws_region" {
  description = "AWS region of the cluster (the cluster autoscaler's awsRegion)."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", var.aws_region))
    error_message = "aws_region must be an AWS region name such as eu-west-1."
  }
}

variable "helm_timeout_seconds" {
  description = "How long Terraform waits for each Helm release to become ready."
  type        = number
  default     = 600
}

# --- cert-manager (the operator's admission webhook needs its certificates) -------------------

variable "cert_manager_chart_version" {
  description = "Version of the jetstack cert-manager chart."
  type        = string
  default     = "v1.18.2"
}

variable "cert_manager_namespace" {
  description = "Namespace of cert-manager."
  type        = string
  default     = "cert-manager"
}

variable "cert_manager_values" {
  description = "Extra values documents (YAML) for the cert-manager release, applied after the module's."
  type        = list(string)
  default     = []
}

# --- Flink Kubernetes Operator ------------------------------------------------------------------

variable "flink_operator_chart_repository" {
  description = "Helm repository of the Flink Kubernetes Operator chart. Apache keeps only current releases on downloads.apache.org; older ones move to https://archive.apache.org/dist/flink/flink-kubernetes-operator-<version>/."
  type        = string
  default     = "https://downloads.apache.org/flink/flink-kubernetes-operator-1.14.0/"
}

variable "flink_operator_chart_version" {
  description = "Version of the flink-kubernetes-operator chart (1.14.x runs Flink 2.1 deployments)."
  type        = string
  default     = "1.14.0"
}

variable "flink_operator_namespace" {
  description = "Namespace of the Flink Kubernetes Operator."
  type        = string
  default     = "flink-operator"
}

variable "flink_operator_service_account" {
  description = "Name of the operator's service account (its IRSA role trusts this name)."
  type        = string
  default     = "flink-operator"
}

variable "flink_operator_role_arn" {
  description = "ARN of the operator's IRSA role (savepoint disposal)."
  type        = string
}

variable "flink_operator_values" {
  description = "Extra values documents (YAML) for the operator release, applied after the module's (e.g. defaultConfiguration overrides)."
  type        = list(string)
  default     = []
}

# --- The Sightline job's namespace and service account ------------------------------------------

variable "job_namespace" {
  description = "Namespace the Sightline FlinkDeployment runs in (watched by the operator)."
  type        = string
  default     = "sightline"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.job_namespace))
    error_message = "job_namespace must be a valid Kubernetes namespace name."
  }
}

variable "job_service_account" {
  description = "Service account of the Sightline JobManager and TaskManagers (spec.serviceAccount of the FlinkDeployment)."
  type        = string
  default     = "sightline"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", var.job_service_account))
    error_message = "job_service_account must be a valid Kubernetes service account name."
  }
}

variable "job_role_arn" {
  description = "ARN of the Sightline job's IRSA role, set as the service account's eks.amazonaws.com/role-arn annotation."
  type        = string
}

variable "job_namespace_pod_security" {
  description = "Pod Security Standard enforced in the job namespace (privileged, baseline or restricted)."
  type        = string
  default     = "baseline"

  validation {
    condition     = contains(["privileged", "baseline", "restricted"], var.job_namespace_pod_security)
    error_message = "job_namespace_pod_security must be privileged, baseline or restricted."
  }
}

# --- NVIDIA device plugin --------------------------------------------------------------------------

variable "nvidia_device_plugin_enabled" {
  description = "Install the NVIDIA device plugin, which advertises nvidia.com/gpu on the GPU nodes."
  type        = bool
  default     = true
}

variable "nvidia_device_plugin_chart_version" {
  description = "Version of NVIDIA's nvidia-device-plugin chart."
  type        = string
  default     = "0.17.2"
}

variable "nvidia_device_plugin_namespace" {
  description = "Namespace of the NVIDIA device plugin."
  type        = string
  default     = "nvidia-device-plugin"
}

variable "gpu_node_selector" {
  description = "Node labels of the GPU nodes; the device plugin runs only there."
  type        = map(string)
  default     = { "sightline.io/node-pool" = "gpu" }

  validation {
    condition     = length(var.gpu_node_selector) > 0
    error_message = "gpu_node_selector must name at least one label."
  }
}

variable "gpu_taint_key" {
  description = "Key of the taint on the GPU nodes, which the device plugin tolerates."
  type        = string
  default     = "nvidia.com/gpu"
}

variable "nvidia_device_plugin_values" {
  description = "Extra values documents (YAML) for the device plugin release, applied after the module's."
  type        = list(string)
  default     = []
}

# --- Cluster autoscaler ---------------------------------------------------------------------------

variable "cluster_autoscaler_enabled" {
  description = "Install the cluster autoscaler."
  type        = bool
  default     = true
}

variable "cluster_autoscaler_chart_version" {
  description = "Version of the cluster-autoscaler chart (9.50.x ships autoscaler 1.33; keep the autoscaler's minor version equal to the cluster's)."
  type        = string
  default     = "9.50.1"
}

variable "cluster_autoscaler_image_tag" {
  description = "Autoscaler image tag overriding the chart's (e.g. v1.34.1 for a 1.34 cluster); null keeps the chart's."
  type        = string
  default     = null
}

variable "cluster_autoscaler_role_arn" {
  description = "ARN of the cluster autoscaler's IRSA role (required when cluster_autoscaler_enabled)."
  type        = string
  default     = null
}

variable "cluster_autoscaler_namespace" {
  description = "Namespace of the cluster autoscaler (its IRSA role trusts this namespace)."
  type        = string
  default     = "kube-system"
}

variable "cluster_autoscaler_service_account" {
  description = "Name of the cluster autoscaler's service account (its IRSA role trusts this name)."
  type        = string
  default     = "cluster-autoscaler"
}

variable "spot_node_group_names" {
  description = "EKS managed node groups on spot capacity: the priority expander tries them first (priority 50)."
  type        = list(string)
  default     = []
}

variable "on_demand_node_group_names" {
  description = "EKS managed node groups on on-demand capacity: the priority expander's fallback (priority 10; any other group: 1)."
  type        = list(string)
  default     = []
}

variable "cluster_autoscaler_extra_args" {
  description = "Extra command-line flags of the autoscaler (chart extraArgs), e.g. { \"max-node-provision-time\" = \"10m\" }."
  type        = map(string)
  default     = {}
}

variable "cluster_autoscaler_values" {
  description = "Extra values documents (YAML) for the autoscaler release, applied after the module's."
  type        = list(string)
  default     = []
}
