output "cluster_name" {
  value = google_container_cluster.main.name
}

output "kubeconfig_command" {
  description = "Merges the cluster's credentials into ~/.kube/config."
  value       = "gcloud container clusters get-credentials ${google_container_cluster.main.name} --region ${var.region} --project ${var.project_id}"
}

output "namespace" {
  value = local.namespace
}

output "registry" {
  description = "Where scripts/images.sh --push puts the images (REGISTRY=...)."
  value       = "${var.region}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.images.repository_id}"
}

output "apps_service_account" {
  value = google_service_account.apps.email
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
# it after values-gke.yaml and values-<stage>.yaml (shape: tests/chart/fixtures/gke-outputs.yaml).
output "chart_values" {
  value = yamlencode({
    global = {
      image = { registry = "${var.region}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.images.repository_id}" }
    }
    dapr = {
      secretStore = { gcpSecretManager = { projectId = var.project_id } }
      pubsub      = { kafka = { brokers = var.kafka_brokers } }
    }
    serviceAccount = {
      annotations = { "iam.gke.io/gcp-service-account" = google_service_account.apps.email }
    }
    ingress = { host = var.ingress_host }
    networkPolicy = {
      postgres = {
        to    = [{ ipBlock = { cidr = "${google_compute_global_address.sql.address}/${google_compute_global_address.sql.prefix_length}" } }]
        ports = [5432]
      }
    }
  })
}
