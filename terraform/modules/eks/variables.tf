variable "cluster_name" {
  description = "Name of the EKS cluster; also the prefix of its node groups, roles and launch templates."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9_-]{0,37}$", var.cluster_name))
    error_message = "cluster_name must start with a letter or digit and have at most 38 letters, digits, hyphens or underscores (node group names are derived from it)."
  }
}

variable "cluster_version" {
  description = "Kubernetes version of the control plane and the node groups (\"1.33\" or later)."
  type        = string
  default     = "1.33"

  validation {
    condition     = can(regex("^1\\.[0-9]+$", var.cluster_version)) && try(tonumber(split(".", var.cluster_version)[1]) >= 33, false)
    error_message = "cluster_version must be a Kubernetes minor version written \"1.NN\", 1.33 or later."
  }
}

variable "support_type" {
  description = "EKS version support policy: STANDARD (the cluster is upgraded when standard support ends) or EXTENDED (paid extended support)."
  type        = string
  default     = "STANDARD"

  validation {
    condition     = contains(["STANDARD", "EXTENDED"], var.support_type)
    error_message = "support_type must be STANDARD or EXTENDED."
  }
}

variable "subnet_ids" {
  description = "Private subnet IDs (at least two AZs) for the control plane's network interfaces and all node groups."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "subnet_ids must contain at least two subnets in different availability zones."
  }
}

variable "endpoint_public_access" {
  description = "Also expose the Kubernetes API endpoint publicly (restricted to endpoint_public_access_cidrs). The private endpoint is always on."
  type        = bool
  default     = false
}

variable "endpoint_public_access_cidrs" {
  description = "CIDR blocks allowed to reach the public API endpoint when endpoint_public_access is true. Must not be empty then; avoid 0.0.0.0/0."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.endpoint_public_access_cidrs : can(cidrhost(c, 0))])
    error_message = "endpoint_public_access_cidrs must contain valid CIDR blocks."
  }
}

variable "authentication_mode" {
  description = "How IAM principals are mapped to Kubernetes identities: API (EKS access entries only) or API_AND_CONFIG_MAP (also the aws-auth ConfigMap)."
  type        = string
  default     = "API"

  validation {
    condition     = contains(["API", "API_AND_CONFIG_MAP"], var.authentication_mode)
    error_message = "authentication_mode must be API or API_AND_CONFIG_MAP."
  }
}

variable "bootstrap_cluster_creator_admin_permissions" {
  description = "Give the IAM principal that creates the cluster (the one running Terraform) cluster-admin through an access entry. Terraform's helm and kubernetes providers need it unless cluster_admin_principal_arns includes that principal."
  type        = bool
  default     = true
}

variable "cluster_admin_principal_arns" {
  description = "IAM role or user ARNs that get the AmazonEKSClusterAdminPolicy on the whole cluster through access entries."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.cluster_admin_principal_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)/.+$", a))])
    error_message = "cluster_admin_principal_arns must contain IAM role or user ARNs."
  }
}

variable "enabled_cluster_log_types" {
  description = "Control plane log types sent to CloudWatch Logs."
  type        = list(string)
  default     = ["api", "audit", "authenticator"]

  validation {
    condition     = alltrue([for t in var.enabled_cluster_log_types : contains(["api", "audit", "authenticator", "controllerManager", "scheduler"], t)])
    error_message = "enabled_cluster_log_types may contain api, audit, authenticator, controllerManager and scheduler."
  }
}

variable "cluster_log_retention_days" {
  description = "Retention of the control plane log group, in days."
  type        = number
  default     = 90

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.cluster_log_retention_days)
    error_message = "cluster_log_retention_days must be a retention period CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ... 3653)."
  }
}

variable "secrets_kms_key_arn" {
  description = "ARN of an existing KMS key for envelope encryption of Kubernetes secrets; null creates a dedicated key with rotation on."
  type        = string
  default     = null
}

variable "kms_key_deletion_window_in_days" {
  description = "Waiting period before the created secrets key is deleted after a destroy."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_key_deletion_window_in_days >= 7 && var.kms_key_deletion_window_in_days <= 30
    error_message = "kms_key_deletion_window_in_days must be from 7 to 30."
  }
}

variable "addon_versions" {
  description = "Versions of the managed add-ons vpc-cni, kube-proxy and coredns by name; a missing name takes the default version for cluster_version."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k in keys(var.addon_versions) : contains(["vpc-cni", "kube-proxy", "coredns"], k)])
    error_message = "addon_versions keys must be vpc-cni, kube-proxy or coredns."
  }
}

variable "node_pool_label_key" {
  description = "Node label that names the pool of each node group (values general and gpu); Sightline's pod templates select GPU nodes with it."
  type        = string
  default     = "sightline.io/node-pool"
}

variable "general_instance_types" {
  description = "Instance types of the general node groups (spot and on-demand fallback). Keep vCPU and memory equal across them: the cluster autoscaler sizes a group by its first type."
  type        = list(string)
  default     = ["m6i.xlarge", "m6a.xlarge", "m5.xlarge", "m5a.xlarge", "m7i.xlarge"]

  validation {
    condition     = length(var.general_instance_types) >= 1
    error_message = "general_instance_types must name at least one instance type."
  }
}

variable "general_spot_min_size" {
  description = "Minimum number of nodes of the general spot node group."
  type        = number
  default     = 1

  validation {
    condition     = var.general_spot_min_size >= 0
    error_message = "general_spot_min_size must not be negative."
  }
}

variable "general_spot_max_size" {
  description = "Maximum number of nodes of the general spot node group."
  type        = number
  default     = 10

  validation {
    condition     = var.general_spot_max_size >= 1
    error_message = "general_spot_max_size must be at least 1."
  }
}

variable "general_on_demand_min_size" {
  description = "Minimum number of nodes of the general on-demand fallback node group (0: used only when spot capacity is missing; raise it to keep system pods off spot)."
  type        = number
  default     = 0

  validation {
    condition     = var.general_on_demand_min_size >= 0
    error_message = "general_on_demand_min_size must not be negative."
  }
}

variable "general_on_demand_max_size" {
  description = "Maximum number of nodes of the general on-demand fallback node group."
  type        = number
  default     = 10

  validation {
    condition     = var.general_on_demand_max_size >= 1
    error_message = "general_on_demand_max_size must be at least 1."
  }
}

variable "general_disk_size_gib" {
  description = "Root volume size of general nodes, in GiB (gp3, encrypted)."
  type        = number
  default     = 50

  validation {
    condition     = var.general_disk_size_gib >= 20 && var.general_disk_size_gib <= 16384
    error_message = "general_disk_size_gib must be from 20 to 16384."
  }
}

variable "gpu_instance_types" {
  description = "Instance types of the GPU node group. Keep the GPU count, vCPUs and memory equal across them (g5.xlarge and g4dn.xlarge: 1 GPU, 4 vCPUs, 16 GiB)."
  type        = list(string)
  default     = ["g5.xlarge", "g4dn.xlarge"]

  validation {
    condition     = length(var.gpu_instance_types) >= 1
    error_message = "gpu_instance_types must name at least one instance type."
  }
}

variable "gpu_capacity_type" {
  description = "Capacity type of the GPU node group: SPOT or ON_DEMAND."
  type        = string
  default     = "SPOT"

  validation {
    condition     = contains(["SPOT", "ON_DEMAND"], var.gpu_capacity_type)
    error_message = "gpu_capacity_type must be SPOT or ON_DEMAND."
  }
}

variable "gpu_min_size" {
  description = "Minimum number of GPU nodes (0: the group scales from zero when a pod asks for nvidia.com/gpu)."
  type        = number
  default     = 0

  validation {
    condition     = var.gpu_min_size >= 0
    error_message = "gpu_min_size must not be negative."
  }
}

variable "gpu_max_size" {
  description = "Maximum number of GPU nodes."
  type        = number
  default     = 4

  validation {
    condition     = var.gpu_max_size >= 1
    error_message = "gpu_max_size must be at least 1."
  }
}

variable "gpus_per_node" {
  description = "GPUs of each instance type in gpu_instance_types; advertised to the cluster autoscaler for scale-from-zero."
  type        = number
  default     = 1

  validation {
    condition     = var.gpus_per_node >= 1 && floor(var.gpus_per_node) == var.gpus_per_node
    error_message = "gpus_per_node must be a whole number of at least 1."
  }
}

variable "gpu_disk_size_gib" {
  description = "Root volume size of GPU nodes, in GiB (gp3, encrypted); GPU container images are large."
  type        = number
  default     = 100

  validation {
    condition     = var.gpu_disk_size_gib >= 50 && var.gpu_disk_size_gib <= 16384
    error_message = "gpu_disk_size_gib must be from 50 to 16384."
  }
}

variable "enable_ssm_on_nodes" {
  description = "Attach AmazonSSMManagedInstanceCore to the node role, for shell access through Session Manager instead of SSH."
  type        = bool
  default     = false
}

variable "cluster_autoscaler_namespace" {
  description = "Namespace of the cluster autoscaler's service account (the IRSA role trusts only it)."
  type        = string
  default     = "kube-system"
}

variable "cluster_autoscaler_service_account" {
  description = "Name of the cluster autoscaler's service account (the IRSA role trusts only it)."
  type        = string
  default     = "cluster-autoscaler"
}

variable "tags" {
  description = "Tags added to every resource of the module."
  type        = map(string)
  default     = {}
}
