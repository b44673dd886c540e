# One GKE cluster per stage with everything the chart needs: Dapr (Helm release), Artifact
# Registry, Secret Manager (the Dapr secret store, read with Workload Identity) and Cloud
# SQL for PostgreSQL on a private IP. Kafka is a managed service outside GCP (Redpanda
# Cloud, Confluent Cloud): its brokers and credentials are variables.

locals {
  prefix    = "${var.name}-${var.stage}"
  namespace = "todo-${var.stage}"
  databases = ["todo_tasks", "todo_audit", "todo_state", "todo_auth"]
  labels    = { app = "todo-platform", stage = var.stage }
}

resource "google_project_service" "apis" {
  for_each = toset([
    "container.googleapis.com",
    "artifactregistry.googleapis.com",
    "secretmanager.googleapis.com",
    "sqladmin.googleapis.com",
    "servicenetworking.googleapis.com",
    "compute.googleapis.com",
  ])
  service            = each.value
  disable_on_destroy = false
}

# --- Network ---------------------------------------------------------------------------------
resource "google_compute_network" "main" {
  name                    = local.prefix
  auto_create_subnetworks = false
  depends_on              = [google_project_service.apis]
}

resource "google_compute_subnetwork" "nodes" {
  name          = "${local.prefix}-nodes"
  network       = google_compute_network.main.id
  region        = var.region
  ip_cidr_range = "10.10.0.0/20"

  secondary_ip_range {
    range_name    = "pods"
    ip_cidr_range = "10.20.0.0/14"
  }
  secondary_ip_range {
    range_name    = "services"
    ip_cidr_range = "10.30.0.0/20"
  }
  private_ip_google_access = true
}

# Cloud SQL's private IP range, peered into the VPC.
resource "google_compute_global_address" "sql" {
  name          = "${local.prefix}-sql"
  purpose       = "VPC_PEERING"
  address_type  = "INTERNAL"
  address       = "10.60.0.0"
  prefix_length = 20
  network       = google_compute_network.main.id
}

resource "google_service_networking_connection" "sql" {
  network                 = google_compute_network.main.id
  service                 = "servicenetworking.googleapis.com"
  reserved_peering_ranges = [google_compute_global_address.sql.name]
}

# --- Cluster -------------------------------------------------------------------------------
resource "google_container_cluster" "main" {
  name     = local.prefix
  location = var.region

  network    = google_compute_network.main.id
  subnetwork = google_compute_subnetwork.nodes.id
  ip_allocation_policy {
    cluster_secondary_range_name  = "pods"
    services_secondary_range_name = "services"
  }

  # Dataplane V2 enforces the chart's NetworkPolicies.
  datapath_provider = "ADVANCED_DATAPATH"

  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }

  release_channel {
    channel = var.release_channel
  }

  remove_default_node_pool = true
  initial_node_count       = 1
  deletion_protection      = var.stage == "prod"
  resource_labels          = local.labels

  depends_on = [google_project_service.apis]
}

resource "google_service_account" "nodes" {
  account_id   = "${var.stage}-gke-nodes"
  display_name = "GKE nodes (${local.prefix})"
}

resource "google_project_iam_member" "nodes" {
  for_each = toset([
    "roles/logging.logWriter",
    "roles/monitoring.metricWriter",
    "roles/monitoring.viewer",
    "roles/artifactregistry.reader",
  ])
  project = var.project_id
  role    = each.value
  member  = "serviceAccount:${google_service_account.nodes.email}"
}

resource "google_container_node_pool" "main" {
  name     = "main"
  cluster  = google_container_cluster.main.id
  location = var.region

  autoscaling {
    min_node_count = var.node_count_min
    max_node_count = var.node_count_max
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  node_config {
    machine_type    = var.node_machine_type
    service_account = google_service_account.nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
    labels          = local.labels

    # Pods see the GKE metadata server: Workload Identity.
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
    shielded_instance_config {
      enable_secure_boot = true
    }
  }
}

# Dapr's control plane from its Helm chart (the same version as versions.env), mTLS on,
# the injected sidecars dropping every capability (PodSecurity "restricted").
resource "helm_release" "dapr" {
  name             = "dapr"
  repository       = "https://dapr.github.io/helm-charts"
  chart            = "dapr"
  version          = var.dapr_version
  namespace        = "dapr-system"
  create_namespace = true
  wait             = true

  set = [
    { name = "global.ha.enabled", value = tostring(var.stage == "prod") },
    { name = "global.mtls.enabled", value = "true" },
    { name = "dapr_sidecar_injector.sidecarDropALLCapabilities", value = "true" },
  ]

  depends_on = [google_container_node_pool.main]
}

# --- Registry --------------------------------------------------------------------------------
resource "google_artifact_registry_repository" "images" {
  repository_id = "${var.name}-${var.stage}"
  location      = var.region
  format        = "DOCKER"
  labels        = local.labels
  depends_on    = [google_project_service.apis]
}

# --- Identity of the apps: one Google service account; each app's Kubernetes
# ServiceAccount (todo-<stage>/<app>) may act as it (Workload Identity). ------------------
resource "google_service_account" "apps" {
  account_id   = "${var.stage}-todo-apps"
  display_name = "todo-platform apps (${local.prefix})"
}

resource "google_service_account_iam_member" "workload_identity" {
  for_each           = toset(var.app_names)
  service_account_id = google_service_account.apps.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[${local.namespace}/${each.value}]"
  depends_on         = [google_container_cluster.main]
}

# --- Cloud SQL for PostgreSQL (private IP only) ---------------------------------------------
resource "random_password" "postgres" {
  length  = 32
  special = false
}

resource "google_sql_database_instance" "main" {
  name                = local.prefix
  region              = var.region
  database_version    = "POSTGRES_15"
  deletion_protection = var.stage == "prod"

  settings {
    tier              = var.postgres_tier
    availability_type = var.stage == "prod" ? "REGIONAL" : "ZONAL"
    user_labels       = local.labels

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.main.id
      ssl_mode        = "ENCRYPTED_ONLY"
    }

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = var.stage == "prod"
    }
  }

  depends_on = [google_service_networking_connection.sql]
}

resource "google_sql_database" "main" {
  for_each = toset(local.databases)
  name     = each.value
  instance = google_sql_database_instance.main.name
}

resource "google_sql_user" "todo" {
  name     = "todo"
  instance = google_sql_database_instance.main.name
  password = random_password.postgres.result
}

# --- Secret Manager: the Dapr secret store (same names as the local .run/secrets.json) ------
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
  pg_url = "postgresql://todo:${random_password.postgres.result}@${google_sql_database_instance.main.private_ip_address}:5432"
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
    "kafka-username"     = var.kafka_username
    "kafka-password"     = var.kafka_password
  }
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

resource "google_secret_manager_secret" "main" {
  for_each  = toset(local.secret_names)
  secret_id = each.value
  labels    = local.labels

  replication {
    auto {}
  }
  depends_on = [google_project_service.apis]
}

resource "google_secret_manager_secret_version" "main" {
  for_each    = toset(local.secret_names)
  secret      = google_secret_manager_secret.main[each.value].id
  secret_data = local.secrets[each.value]
}

# The apps read secrets (Dapr's secret scopes narrow each app to its own).
resource "google_secret_manager_secret_iam_member" "apps" {
  for_each  = toset(local.secret_names)
  secret_id = google_secret_manager_secret.main[each.value].id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.apps.email}"
}
