{{/*
Shared helpers. Every object is named after its app-id (one release per namespace, one
namespace per environment), so the Dapr names match the local ones exactly.
*/}}

{{/* Labels on every object. */}}
{{- define "todo.labels" -}}
app.kubernetes.io/part-of: todo-platform
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ include "todo.imageTag" . | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
todo-platform/environment: {{ required "global.environment is required" .Values.global.environment | quote }}
{{- with .Values.global.labels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Labels of one app's objects: (dict "root" $ "name" $name) */}}
{{- define "todo.appLabels" -}}
{{ include "todo.labels" .root }}
{{ include "todo.selectorLabels" . }}
app.kubernetes.io/component: {{ ternary "web" "service" (eq .name "frontend") }}
{{- end -}}

{{- define "todo.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* The image tag: global.image.tag or the chart's appVersion; never `latest`. */}}
{{- define "todo.imageTag" -}}
{{- $tag := .Values.global.image.tag | default .Chart.AppVersion | toString -}}
{{- if or (eq $tag "") (eq $tag "latest") -}}
{{- fail "global.image.tag must be a pinned version (empty or `latest` is refused)" -}}
{{- end -}}
{{- $tag -}}
{{- end -}}

{{/* registry/name:tag of one app: (dict "root" $ "app" $cfg) */}}
{{- define "todo.image" -}}
{{- $registry := required "global.image.registry is required" .root.Values.global.image.registry -}}
{{- $tag := .app.imageTag | default (include "todo.imageTag" .root) | toString -}}
{{- if eq $tag "latest" -}}{{- fail "an image tag `latest` is refused" -}}{{- end -}}
{{- printf "%s/%s:%s" (trimSuffix "/" $registry) .app.image $tag -}}
{{- end -}}

{{/*
Recursive merge where the override wins even with false, 0 or "" (sprig's merge and
mergeOverwrite skip such "empty" values): (dict "base" $defaults "over" $app) -> YAML.
*/}}
{{- define "todo.merge" -}}
{{- $out := deepCopy .base -}}
{{- range $k, $v := .over -}}
{{- if and (kindIs "map" $v) (kindIs "map" (get $out $k)) -}}
{{- $_ := set $out $k (include "todo.merge" (dict "base" (get $out $k) "over" $v) | fromYaml) -}}
{{- else -}}
{{- $_ := set $out $k $v -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/* One app's settings, its own over appDefaults: (dict "root" $ "name" $name) -> YAML. */}}
{{- define "todo.app" -}}
{{- $app := index .root.Values.apps .name -}}
{{- $cfg := include "todo.merge" (dict "base" .root.Values.appDefaults "over" $app) | fromYaml -}}
{{- $_ := set $cfg "name" .name -}}
{{- toYaml $cfg -}}
{{- end -}}

{{/* The sorted names of the enabled apps, as a YAML list. */}}
{{- define "todo.appNames" -}}
{{- $names := list -}}
{{- range $name, $app := .Values.apps -}}
{{- if ne (toString (dig "enabled" true $app)) "false" -}}
{{- $names = append $names $name -}}
{{- end -}}
{{- end -}}
{{- toYaml (sortAlpha $names) -}}
{{- end -}}

{{/* The public origin (Better Auth's BETTER_AUTH_URL). */}}
{{- define "todo.publicUrl" -}}
{{- if .Values.publicUrl -}}
{{- .Values.publicUrl -}}
{{- else -}}
{{- printf "%s://%s" (ternary "https" "http" .Values.ingress.tls.enabled) (required "ingress.host is required" .Values.ingress.host) -}}
{{- end -}}
{{- end -}}

{{/* Does the cluster (or `helm template --api-versions`) serve the prometheus-operator API? */}}
{{- define "todo.hasPrometheusOperator" -}}
{{- if .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" -}}true{{- end -}}
{{- end -}}
