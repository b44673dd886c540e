variable "project_id" {
  description = "GCP project to deploy into."
  type        = string
}

variable "region" {
  type    = string
  default = "europe-west1"
}

variable "name" {
  description = "Prefix of every resource name (lower case letters, digits, dashes)."
  type        = string
  default     = "todo-platform"
}

variable "stage" {
  description = "staging or prod: one cluster per stage, the chart's namespace is todo-<stage>."
  type        = string

  validation {
    condition     = contains(["staging", "prod"], var.stage)
    error_message = "stage must be staging or prod."
  }
}

variable "release_channel" {
  type    = string
  default = "REGULAR"
}

variable "node_machine_type" {
  type    = string
  default = "e2-standard-4"
}

variable "node_count_min" {
  description = "Nodes per zone, at least."
  type        = number
  default     = 1
}

variable "node_count_max" {
  description = "Nodes per zone, at most."
  type        = number
  default     = 5
}

variable "dapr_version" {
  description = "Dapr Helm chart version (keep equal to DAPR_VERSION in versions.env)."
  type        = string
  default     = "1.16.5"
}

variable "postgres_tier" {
  type    = string
  default = "db-custom-2-7680"
}

variable "kafka_brokers" {
  description = "Bootstrap servers of the managed Kafka (Redpanda Cloud, Confluent Cloud), host:port,..."
  type        = string
}

variable "kafka_username" {
  type      = string
  sensitive = true
}

variable "kafka_password" {
  type      = string
  sensitive = true
}

variable "ingress_host" {
  description = "Public host name of the app (DNS: an A record to the ingress's address)."
  type        = string
}

variable "app_names" {
  description = "The chart's apps; each ServiceAccount may act as the apps' Google service account."
  type        = list(string)
  default     = ["frontend", "task-service", "chat-service", "recurring-service", "notification-service", "audit-service"]
}

variable "openai_api_key" {
  type      = string
  default   = ""
  sensitive = true
}

variable "openai_base_url" {
  type    = string
  default = ""
}
