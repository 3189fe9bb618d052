{{/* Helpers of the ExternalDNS instances (SPEC §8). Each takes a dict {root: $, zone: <externalDns.zones item>}. */}}

{{/* The Deployment (and ServiceAccount) name of a zone's instance: its controller name. */}}
{{- define "sro.externalDns.name" -}}
{{- .zone.controller | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* --policy of a zone's instance: sync only on the zone's home cluster (SPEC §8.2 rule 2), unless set. */}}
{{- define "sro.externalDns.policy" -}}
{{- if .zone.policy -}}
{{- .zone.policy -}}
{{- else if eq .zone.region .root.Values.externalDns.clusterRegion -}}
sync
{{- else -}}
upsert-only
{{- end -}}
{{- end -}}

{{/* Selector labels of a zone's instance. */}}
{{- define "sro.externalDns.selectorLabels" -}}
app.kubernetes.io/name: external-dns
app.kubernetes.io/instance: {{ .root.Release.Name }}
router.io/controller: {{ .zone.controller }}
{{- end -}}

{{/* Labels of a zone's objects. */}}
{{- define "sro.externalDns.labels" -}}
{{ include "sro.commonLabels" .root }}
app.kubernetes.io/component: external-dns
router.io/controller: {{ .zone.controller }}
{{- end -}}

{{/* The ExternalDNS arguments of a zone's instance: exactly the flags of SPEC §8.1. */}}
{{- define "sro.externalDns.args" -}}
{{- $values := .root.Values.externalDns -}}
{{- $zone := .zone -}}
{{- $domain := default $values.domain $zone.domain -}}
- --source=crd
- --crd-source-apiversion=externaldns.k8s.io/v1alpha1
- --crd-source-kind=DNSEndpoint
{{- if eq $values.selection "annotation" }}
- --annotation-filter=external-dns.alpha.kubernetes.io/controller={{ $zone.controller }}
{{- else }}
- --label-filter=router.io/controller={{ $zone.controller }}
{{- end }}
- --registry=txt
- --txt-owner-id={{ default $zone.controller $zone.txtOwnerId }}
- --txt-prefix={{ default $values.txtPrefix $zone.txtPrefix }}
- --policy={{ include "sro.externalDns.policy" . }}
- --domain-filter={{ $domain }}
- --managed-record-types=A
- --managed-record-types=AAAA
- --managed-record-types=CNAME
- --interval={{ $values.interval }}
{{- if $values.events }}
- --events
{{- end }}
- --kube-api-qps={{ $values.kubeApiQps }}
- --kube-api-burst={{ $values.kubeApiBurst }}
- --log-format={{ $values.logFormat }}
- --log-level={{ $values.logLevel }}
{{- if include "sro.externalDns.fenced" . }}
- --provider=webhook
- --webhook-provider-url=http://127.0.0.1:8888
{{- else }}
{{- with $zone.provider.rfc2136 }}
- --provider=rfc2136
- --rfc2136-host={{ .host }}
- --rfc2136-port={{ default 53 .port }}
- --rfc2136-zone={{ default $domain .zone }}
- --rfc2136-tsig-keyname={{ .tsigKeyName }}
- --rfc2136-tsig-secret-alg={{ default "hmac-sha256" .tsigSecretAlg }}
- --rfc2136-axfr
{{- with .minTtl }}
- --rfc2136-min-ttl={{ . }}
{{- end }}
{{- end }}
{{- end }}
{{- with $zone.provider.azurePrivateDns }}
- --provider=azure-private-dns
- --azure-subscription-id={{ .subscriptionId }}
- --azure-resource-group={{ .resourceGroup }}
- --azure-config-file=/etc/kubernetes/azure.json
{{- end }}
{{- end -}}


{{/* "true" when a zone's instance writes through a zone agent sidecar (externalDns.zoneAgent, rfc2136 zones). */}}
{{- define "sro.externalDns.fenced" -}}
{{- if and .root.Values.externalDns.zoneAgent.enabled .zone.provider.rfc2136 -}}true{{- end -}}
{{- end -}}

{{/* The zone agent's arguments (docs/operations.md §6.4): the zone, this cluster and the zone's home as lease
     holders, the TSIG key it alone holds. */}}
{{- define "sro.externalDns.zoneAgentArgs" -}}
{{- $values := .root.Values.externalDns -}}
{{- $agent := $values.zoneAgent -}}
{{- $zone := .zone -}}
{{- $rfc := $zone.provider.rfc2136 -}}
- zone-agent
- --dns-server={{ $rfc.host }}:{{ default 53 $rfc.port }}
- --zone={{ default (default $values.domain $zone.domain) $rfc.zone }}
- --controller={{ $zone.controller }}
- --cluster={{ required "externalDns.zoneAgent.cluster (ClusterIdentity spec.cluster) is required" $agent.cluster }}/{{ $values.clusterRegion }}
- --home={{ default $agent.cluster $zone.homeCluster }}/{{ $zone.region }}
- --tsig-key-name={{ $rfc.tsigKeyName }}
- --tsig-algorithm={{ default "hmac-sha256" $rfc.tsigSecretAlg }}
{{- with $rfc.minTtl }}
- --min-ttl={{ . }}
{{- end }}
- --webhook-address=127.0.0.1:8888
- --management-address=0.0.0.0:{{ $agent.port }}
{{- end -}}
