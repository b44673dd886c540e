output "resource_group" {
  value = azurerm_resource_group.main.name
}

output "cluster_name" {
  value = azurerm_kubernetes_cluster.main.name
}

output "kubeconfig_command" {
  description = "Merges the cluster's credentials into ~/.kube/config."
  value       = "az aks get-credentials --resource-group ${azurerm_resource_group.main.name} --name ${azurerm_kubernetes_cluster.main.name}"
}

output "namespace" {
  value = local.namespace
}

output "registry" {
  description = "Where scripts/images.sh --push puts the images (REGISTRY=...)."
  value       = "${azurerm_container_registry.main.login_server}/todo-platform"
}

output "key_vault_name" {
  value = azurerm_key_vault.main.name
}

output "workload_identity_client_id" {
  value = azurerm_user_assigned_identity.apps.client_id
}

output "dapr_api_token" {
  description = "For the Kubernetes Secret todo-dapr-api-token (scripts/deploy.sh)."
  value       = random_password.dapr_api_token.result
  sensitive   = true
}

output "app_api_token" {
  description = "For the Kubernetes Secret todo-app-api-token (scripts/deploy.sh)."
  value       = random_password.app_api_token.result
  sensitive   = true
}

# The chart's values for this cluster: scripts/deploy.sh writes them to a file and passes
# it after values-aks.yaml and values-<stage>.yaml (shape: tests/chart/fixtures/aks-outputs.yaml).
output "chart_values" {
  value = yamlencode({
    global = {
      image = { registry = "${azurerm_container_registry.main.login_server}/todo-platform" }
    }
    dapr = {
      secretStore = {
        azureKeyVault = {
          vaultName     = azurerm_key_vault.main.name
          azureClientId = azurerm_user_assigned_identity.apps.client_id
          azureTenantId = data.azurerm_client_config.current.tenant_id
        }
      }
      pubsub = {
        kafka = { brokers = "${azurerm_eventhub_namespace.main.name}.servicebus.windows.net:9093" }
      }
    }
    serviceAccount = {
      annotations = { "azure.workload.identity/client-id" = azurerm_user_assigned_identity.apps.client_id }
    }
    ingress = { host = var.ingress_host }
    networkPolicy = {
      postgres = {
        to    = [{ ipBlock = { cidr = azurerm_subnet.postgres.address_prefixes[0] } }]
        ports = [5432]
      }
    }
  })
}
