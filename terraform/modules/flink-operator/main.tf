locals {
  irsa_annotation = "eks.amazonaws.com/role-arn"

  # The Role (and RoleBinding) the operator chart creates in every watched namespace for the
  # Flink pods' service account (chart values rbac.jobRole.name, rbac.jobRoleBinding.name).
  job_role_name         = "flink"
  job_role_binding_name = "flink-role-binding"

  # Priority expander: Auto Scaling groups of managed node groups are named
  # eks-<node group name>-<uuid>. Higher number wins among the groups that fit the pending pods.
  # A group matching no pattern would never be scaled, hence the low-priority catch-all.
  autoscaler_priorities = merge(
    {
      for priority, names in {
        "50" = var.spot_node_group_names
        "10" = var.on_demand_node_group_names
      } : priority => [for n in names : "^eks-${n}-[0-9a-f-]+$"] if length(names) > 0
    },
    { "1" = [".*"] },
  )
}

# ---------------------------------------------------------------------------------------------
# cert-manager
# ---------------------------------------------------------------------------------------------

resource "helm_release" "cert_manager" {
  name             = "cert-manager"
  namespace        = var.cert_manager_namespace
  create_namespace = true
  repository       = "https://charts.jetstack.io"
  chart            = "cert-manager"
  version          = var.cert_manager_chart_version

  atomic          = true
  cleanup_on_fail = true
  wait            = true
  timeout         = var.helm_timeout_seconds

  values = concat([
    yamlencode({
      # Install the CRDs with the chart (formerly installCRDs: true); keep them on uninstall so
      # that removing the release does not delete every Certificate in the cluster.
      crds = {
        enabled = true
        keep    = true
      }
    })
  ], var.cert_manager_values)
}

# ---------------------------------------------------------------------------------------------
# The Sightline job's namespace and service account
# ---------------------------------------------------------------------------------------------

resource "kubernetes_namespace_v1" "job" {
  metadata {
    name = var.job_namespace

    labels = {
      "app.kubernetes.io/part-of"          = "sightline"
      "app.kubernetes.io/managed-by"       = "terraform"
      "pod-security.kubernetes.io/enforce" = var.job_namespace_pod_security
      "pod-security.kubernetes.io/warn"    = "restricted"
    }
  }
}

resource "kubernetes_service_account_v1" "job" {
  metadata {
    name      = var.job_service_account
    namespace = kubernetes_namespace_v1.job.metadata[0].name

    annotations = {
      (local.irsa_annotation) = var.job_role_arn
    }

    labels = {
      "app.kubernetes.io/part-of"    = "sightline"
      "app.kubernetes.io/managed-by" = "terraform"
    }
  }

  # The JobManager talks to the Kubernetes API (native Kubernetes resource manager, Kubernetes HA).
  automount_service_account_token = true
}

# ---------------------------------------------------------------------------------------------
# Flink Kubernetes Operator
# ---------------------------------------------------------------------------------------------

# RBAC: with watchNamespaces set, the chart itself creates, in each watched namespace,
#   - Role "flink-operator" + RoleBinding "flink-operator-role-binding" for the operator's
#     service account (pods, services, configmaps, deployments, ingresses, Flink resources...);
#   - Role "flink" + RoleBinding "flink-role-binding" for the job service account
#     (pods, configmaps, deployments: what the JobManager needs to start TaskManagers and
#     keep Kubernetes HA metadata).
# jobServiceAccount.create is false and jobServiceAccount.name is the service account above, so
# the chart binds its "flink" Role to Sightline's IRSA-annotated account instead of creating a
# separate "flink" account without AWS access. The namespace must exist before the release.
resource "helm_release" "flink_operator" {
  name             = "flink-kubernetes-operator"
  namespace        = var.flink_operator_namespace
  create_namespace = true
  repository       = var.flink_operator_chart_repository
  chart            = "flink-kubernetes-operator"
  version          = var.flink_operator_chart_version

  atomic          = true
  cleanup_on_fail = true
  wait            = true
  timeout         = var.helm_timeout_seconds

  values = concat([
    yamlencode({
      watchNamespaces = [kubernetes_namespace_v1.job.metadata[0].name]

      operatorServiceAccount = {
        create = true
        name   = var.flink_operator_service_account
        annotations = {
          (local.irsa_annotation) = var.flink_operator_role_arn
        }
      }

      jobServiceAccount = {
        create = false
        name   = kubernetes_service_account_v1.job.metadata[0].name
      }

      rbac = {
        create = true
        jobRole = {
          create = true
          name   = local.job_role_name
        }
        jobRoleBinding = {
          create = true
          name   = local.job_role_binding_name
        }
      }

      # The validating/mutating webhook; its certificate comes from cert-manager.
      webhook = {
        create = true
      }
    })
  ], var.flink_operator_values)

  depends_on = [helm_release.cert_manager]
}

# ---------------------------------------------------------------------------------------------
# NVIDIA device plugin: makes nvidia.com/gpu schedulable on the GPU nodes
# ---------------------------------------------------------------------------------------------

resource "helm_release" "nvidia_device_plugin" {
  count = var.nvidia_device_plugin_enabled ? 1 : 0

  name             = "nvidia-device-plugin"
  namespace        = var.nvidia_device_plugin_namespace
  create_namespace = true
  repository       = "https://nvidia.github.io/k8s-device-plugin"
  chart            = "nvidia-device-plugin"
  version          = var.nvidia_device_plugin_chart_version

  atomic          = true
  cleanup_on_fail = true
  # A DaemonSet with no GPU node yet (the group scales from zero) is ready with zero pods.
  wait    = true
  timeout = var.helm_timeout_seconds

  values = concat([
    yamlencode({
      # Replaces the chart's default affinity, which expects node-feature-discovery labels
      # (feature.node.kubernetes.io/pci-10de.present) that this cluster does not run.
      affinity = {
        nodeAffinity = {
          requiredDuringSchedulingIgnoredDuringExecution = {
            nodeSelectorTerms = [{
              matchExpressions = [for k, v in var.gpu_node_selector : {
                key      = k
                operator = "In"
                values   = [v]
              }]
            }]
          }
        }
      }

      tolerations = [
        {
          key      = var.gpu_taint_key
          operator = "Exists"
          effect   = "NoSchedule"
        },
        {
          key      = "CriticalAddonsOnly"
          operator = "Exists"
        },
      ]
    })
  ], var.nvidia_device_plugin_values)
}

# ---------------------------------------------------------------------------------------------
# Cluster autoscaler
# ---------------------------------------------------------------------------------------------

resource "helm_release" "cluster_autoscaler" {
  count = var.cluster_autoscaler_enabled ? 1 : 0

  name       = "cluster-autoscaler"
  namespace  = var.cluster_autoscaler_namespace
  repository = "https://kubernetes.github.io/autoscaler"
  chart      = "cluster-autoscaler"
  version    = var.cluster_autoscaler_chart_version

  atomic          = true
  cleanup_on_fail = true
  wait            = true
  timeout         = var.helm_timeout_seconds

  values = concat([
    yamlencode(merge(
      {
        cloudProvider = "aws"
        awsRegion     = var.aws_region

        autoDiscovery = {
          clusterName = var.cluster_name
        }

        rbac = {
          serviceAccount = {
            create = true
            name   = var.cluster_autoscaler_service_account
            annotations = {
              (local.irsa_annotation) = var.cluster_autoscaler_role_arn
            }
          }
        }

        extraArgs = merge(
          {
            # priority first (spot before on-demand, see expanderPriorities), least-waste
            # breaks ties between groups of equal priority.
            expander = "priority,least-waste"
            # The spot and on-demand general groups look alike; balancing them would defeat
            # the priorities.
            balance-similar-node-groups = false
          },
          var.cluster_autoscaler_extra_args,
        )

        # Rendered by the chart into the cluster-autoscaler-priority-expander ConfigMap.
        expanderPriorities = local.autoscaler_priorities
      },
      # for-expression rather than a conditional, so both cases have the same type.
      { for tag in compact([var.cluster_autoscaler_image_tag]) : "image" => { tag = tag } },
    ))
  ], var.cluster_autoscaler_values)

  lifecycle {
    precondition {
      condition     = var.cluster_autoscaler_role_arn != null
      error_message = "cluster_autoscaler_role_arn is required when cluster_autoscaler_enabled is true."
    }

  }
}
