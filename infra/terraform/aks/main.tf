# One AKS cluster per stage with everything the chart needs: the Dapr cluster extension,
# Azure Container Registry, Key Vault (the Dapr secret store, read with workload
# identity), Azure Database for PostgreSQL flexible server (private, VNet-integrated) and
# Event Hubs (Kafka endpoint) for pub/sub.

locals {
  prefix    = "${var.name}-${var.stage}"
  namespace = "todo-${var.stage}"
  tags      = merge({ app = "todo-platform", stage = var.stage }, var.tags)
  databases = ["todo_tasks", "todo_audit", "todo_state", "todo_auth"]
  topics    = ["task-events", "task-reminders", "task-events-dlq", "task-reminders-dlq"]
}

data "azurerm_client_config" "current" {}

resource "azurerm_resource_group" "main" {
  name     = "rg-${local.prefix}"
  location = var.location
  tags     = local.tags
}

# --- Network: AKS nodes and pods, and PostgreSQL's delegated subnet -----------------------
resource "azurerm_virtual_network" "main" {
  name                = "vnet-${local.prefix}"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  address_space       = ["10.42.0.0/16"]
  tags                = local.tags
}

resource "azurerm_subnet" "aks" {
  name                 = "aks"
  resource_group_name  = azurerm_resource_group.main.name
  virtual_network_name = azurerm_virtual_network.main.name
  address_prefixes     = ["10.42.0.0/21"]
}

resource "azurerm_subnet" "postgres" {
  name                 = "postgres"
  resource_group_name  = azurerm_resource_group.main.name
  virtual_network_name = azurerm_virtual_network.main.name
  address_prefixes     = ["10.42.8.0/24"]
  service_endpoints    = ["Microsoft.Storage"]

  delegation {
    name = "postgres"
    service_delegation {
      name    = "Microsoft.DBforPostgreSQL/flexibleServers"
      actions = ["Microsoft.Network/virtualNetworks/subnets/join/action"]
    }
  }
}

# --- Cluster -------------------------------------------------------------------------------
resource "azurerm_kubernetes_cluster" "main" {
  name                = "aks-${local.prefix}"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  dns_prefix          = local.prefix
  kubernetes_version  = var.kubernetes_version
  sku_tier            = var.stage == "prod" ? "Standard" : "Free"

  # Workload identity: pods exchange their ServiceAccount token for an Entra ID token.
  oidc_issuer_enabled       = true
  workload_identity_enabled = true

  default_node_pool {
    name                         = "system"
    vm_size                      = var.node_vm_size
    vnet_subnet_id               = azurerm_subnet.aks.id
    auto_scaling_enabled         = true
    min_count                    = var.node_count_min
    max_count                    = var.node_count_max
    zones                        = ["1", "2", "3"]
    only_critical_addons_enabled = false
    upgrade_settings {
      max_surge = "33%"
    }
  }

  identity {
    type = "SystemAssigned"
  }

  # Azure CNI overlay with Cilium: enforces the chart's NetworkPolicies.
  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    network_data_plane  = "cilium"
    network_policy      = "cilium"
    pod_cidr            = "10.244.0.0/16"
    service_cidr        = "10.0.0.0/16"
    dns_service_ip      = "10.0.0.10"
  }

  # The application routing add-on: managed NGINX ingress, class
  # webapprouting.kubernetes.azure.com (values-aks.yaml).
  web_app_routing {
    dns_zone_ids = []
  }

  tags = local.tags
}

# Dapr's control plane as an AKS cluster extension (Microsoft-managed Helm release).
resource "azurerm_kubernetes_cluster_extension" "dapr" {
  name              = "dapr"
  cluster_id        = azurerm_kubernetes_cluster.main.id
  extension_type    = "Microsoft.Dapr"
  release_namespace = "dapr-system"
  release_train     = var.dapr_extension_version == null ? "stable" : null
  version           = var.dapr_extension_version

  configuration_settings = {
    "global.ha.enabled"                                = tostring(var.stage == "prod")
    "global.mtls.enabled"                              = "true"
    "dapr_sidecar_injector.sidecarDropALLCapabilities" = "true"
  }
}

# --- Registry --------------------------------------------------------------------------------
resource "azurerm_container_registry" "main" {
  name                = replace("acr${local.prefix}", "-", "")
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  sku                 = "Standard"
  admin_enabled       = false
  tags                = local.tags
}

resource "azurerm_role_assignment" "kubelet_acr_pull" {
  scope                            = azurerm_container_registry.main.id
  role_definition_name             = "AcrPull"
  principal_id                     = azurerm_kubernetes_cluster.main.kubelet_identity[0].object_id
  skip_service_principal_aad_check = true
}

# --- Identity of the apps: one user-assigned identity, federated with each app's
# ServiceAccount (system:serviceaccount:todo-<stage>:<app>), allowed to read secrets. ------
resource "azurerm_user_assigned_identity" "apps" {
  name                = "id-${local.prefix}-apps"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  tags                = local.tags
}

resource "azurerm_federated_identity_credential" "apps" {
  for_each            = toset(var.app_names)
  name                = "${local.namespace}-${each.value}"
  resource_group_name = azurerm_resource_group.main.name
  parent_id           = azurerm_user_assigned_identity.apps.id
  audience            = ["api://AzureADTokenExchange"]
  issuer              = azurerm_kubernetes_cluster.main.oidc_issuer_url
  subject             = "system:serviceaccount:${local.namespace}:${each.value}"
}

# --- Key Vault: the Dapr secret store (component `secretstore`, same secret names as the
# local .run/secrets.json). -----------------------------------------------------------------
resource "azurerm_key_vault" "main" {
  name                       = "kv-${local.prefix}"
  location                   = azurerm_resource_group.main.location
  resource_group_name        = azurerm_resource_group.main.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "standard"
  enable_rbac_authorization  = true
  purge_protection_enabled   = var.stage == "prod"
  soft_delete_retention_days = 30
  tags                       = local.tags
}

resource "azurerm_role_assignment" "apps_read_secrets" {
  scope                = azurerm_key_vault.main.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_user_assigned_identity.apps.principal_id
}

# Whoever runs Terraform writes the secrets.
resource "azurerm_role_assignment" "deployer_writes_secrets" {
  scope                = azurerm_key_vault.main.id
  role_definition_name = "Key Vault Secrets Officer"
  principal_id         = data.azurerm_client_config.current.object_id
}

# --- PostgreSQL ------------------------------------------------------------------------------
resource "azurerm_private_dns_zone" "postgres" {
  name                = "${local.prefix}.postgres.database.azure.com"
  resource_group_name = azurerm_resource_group.main.name
  tags                = local.tags
}

resource "azurerm_private_dns_zone_virtual_network_link" "postgres" {
  name                  = "postgres"
  private_dns_zone_name = azurerm_private_dns_zone.postgres.name
  virtual_network_id    = azurerm_virtual_network.main.id
  resource_group_name   = azurerm_resource_group.main.name
}

resource "random_password" "postgres" {
  length  = 32
  special = false
}

resource "azurerm_postgresql_flexible_server" "main" {
  name                          = "psql-${local.prefix}"
  location                      = azurerm_resource_group.main.location
  resource_group_name           = azurerm_resource_group.main.name
  version                       = var.postgres_version
  sku_name                      = var.postgres_sku
  storage_mb                    = 32768
  delegated_subnet_id           = azurerm_subnet.postgres.id
  private_dns_zone_id           = azurerm_private_dns_zone.postgres.id
  public_network_access_enabled = false
  administrator_login           = "todo_admin"
  administrator_password        = random_password.postgres.result
  backup_retention_days         = var.stage == "prod" ? 35 : 7
  zone                          = "1"

  dynamic "high_availability" {
    for_each = var.stage == "prod" ? [1] : []
    content {
      mode                      = "ZoneRedundant"
      standby_availability_zone = "2"
    }
  }

  depends_on = [azurerm_private_dns_zone_virtual_network_link.postgres]
  tags       = local.tags
}

# Flexible Server creates only allow-listed extensions. The task service's migrations
# need pg_trgm (typo correction) and btree_gin (GIN indexes led by user_id).
resource "azurerm_postgresql_flexible_server_configuration" "extensions" {
  name      = "azure.extensions"
  server_id = azurerm_postgresql_flexible_server.main.id
  value     = "PG_TRGM,BTREE_GIN"
}

resource "azurerm_postgresql_flexible_server_database" "main" {
  for_each  = toset(local.databases)
  name      = each.value
  server_id = azurerm_postgresql_flexible_server.main.id
  charset   = "UTF8"
  collation = "en_US.utf8"
}

# --- Event Hubs: Kafka-compatible pub/sub (SASL_SSL PLAIN on :9093) ------------------------
resource "azurerm_eventhub_namespace" "main" {
  name                = "evhns-${local.prefix}"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  sku                 = "Standard"
  capacity            = var.eventhubs_capacity
  minimum_tls_version = "1.2"
  tags                = local.tags
}

resource "azurerm_eventhub" "topics" {
  for_each          = toset(local.topics)
  name              = each.value
  namespace_id      = azurerm_eventhub_namespace.main.id
  partition_count   = 4
  message_retention = 7
}

resource "azurerm_eventhub_namespace_authorization_rule" "apps" {
  name                = "todo-apps"
  namespace_name      = azurerm_eventhub_namespace.main.name
  resource_group_name = azurerm_resource_group.main.name
  listen              = true
  send                = true
  manage              = false
}

# --- The secrets (names = the local store's) -------------------------------------------------
resource "random_password" "better_auth_secret" {
  length  = 48
  special = false
}

resource "random_password" "dapr_api_token" {
  length  = 40
  special = false
}

resource "random_password" "app_api_token" {
  length  = 40
  special = false
}

locals {
  pg_host = azurerm_postgresql_flexible_server.main.fqdn
  pg_url  = "postgresql://todo_admin:${random_password.postgres.result}@${local.pg_host}:5432"
  secrets = {
    "tasks-db-url"       = "${local.pg_url}/todo_tasks?sslmode=require"
    "audit-db-url"       = "${local.pg_url}/todo_audit?sslmode=require"
    "state-db-url"       = "${local.pg_url}/todo_state?sslmode=require"
    "auth-db-url"        = "${local.pg_url}/todo_auth?sslmode=require"
    "better-auth-secret" = random_password.better_auth_secret.result
    "dapr-api-token"     = random_password.dapr_api_token.result
    "app-api-token"      = random_password.app_api_token.result
    "openai-api-key"     = var.openai_api_key
    "openai-base-url"    = var.openai_base_url
    # Event Hubs' Kafka endpoint: SASL PLAIN with this literal user name and the
    # namespace connection string as the password.
    "kafka-username" = "$ConnectionString"
    "kafka-password" = azurerm_eventhub_namespace_authorization_rule.apps.primary_connection_string
  }
}

locals {
  # The names, apart from the values: for_each cannot iterate over sensitive values.
  # The OpenAI ones only when set: chat-service takes an absent secret as "not configured".
  secret_names = concat(
    [
      "tasks-db-url", "audit-db-url", "state-db-url", "auth-db-url", "better-auth-secret",
      "dapr-api-token", "app-api-token", "kafka-username", "kafka-password",
    ],
    nonsensitive(var.openai_api_key != "") ? ["openai-api-key"] : [],
    var.openai_base_url != "" ? ["openai-base-url"] : [],
  )
}

resource "azurerm_key_vault_secret" "main" {
  for_each     = toset(local.secret_names)
  name         = each.value
  value        = local.secrets[each.value]
  key_vault_id = azurerm_key_vault.main.id
  content_type = "text/plain"
  depends_on   = [azurerm_role_assignment.deployer_writes_secrets]
}
