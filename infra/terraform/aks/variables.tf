variable "subscription_id" {
  description = "Azure subscription to deploy into."
  type        = string
}

variable "name" {
  description = "Prefix of every resource name (lower case letters and digits, 3-12 characters)."
  type        = string
  default     = "todoplat"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{2,11}$", var.name))
    error_message = "name: 3-12 lower case letters and digits, starting with a letter."
  }
}

variable "stage" {
  description = "staging or prod: one cluster per stage, the chart's namespace is todo-<stage>."
  type        = string

  validation {
    condition     = contains(["staging", "prod"], var.stage)
    error_message = "stage must be staging or prod."
  }
}

variable "location" {
  description = "Azure region."
  type        = string
  default     = "westeurope"
}

variable "kubernetes_version" {
  description = "AKS Kubernetes version (null: the region's default)."
  type        = string
  default     = null
}

variable "node_vm_size" {
  type    = string
  default = "Standard_D4s_v5"
}

variable "node_count_min" {
  type    = number
  default = 3
}

variable "node_count_max" {
  type    = number
  default = 10
}

variable "dapr_extension_version" {
  description = "Version of the microsoft.dapr cluster extension (null: the newest on the stable train). Match versions.env (Dapr 1.16.x) where the extension offers it."
  type        = string
  default     = null
}

variable "postgres_sku" {
  type    = string
  default = "GP_Standard_D2ds_v5"
}

variable "postgres_version" {
  type    = string
  default = "15"
}

variable "eventhubs_capacity" {
  description = "Event Hubs throughput units (Standard tier: Kafka endpoint on port 9093)."
  type        = number
  default     = 1
}

variable "ingress_host" {
  description = "Public host name of the app (DNS: a record to the app routing add-on's IP)."
  type        = string
}

variable "app_names" {
  description = "The chart's apps; each gets a ServiceAccount federated with the apps' identity."
  type        = list(string)
  default     = ["frontend", "task-service", "chat-service", "recurring-service", "notification-service", "audit-service"]
}

variable "openai_api_key" {
  description = "Key of the OpenAI-compatible endpoint chat-service uses (empty: the offline model)."
  type        = string
  default     = ""
  sensitive   = true
}

variable "openai_base_url" {
  type    = string
  default = ""
}

variable "tags" {
  type    = map(string)
  default = {}
}
