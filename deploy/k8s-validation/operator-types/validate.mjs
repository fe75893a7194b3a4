// Validates Kubernetes resources against the operators' own API types: the validators that the
// @kubernetes-models packages generate from CloudNativePG's, the Prometheus Operator's, External Secrets',
// KEDA's and the Gateway API's published schemas (types, enums, required fields, patterns, bounds).
//
//   node validate.mjs RESOURCES.json      (a JSON array of resources)
//
// Prints one JSON object: {"validated": {"<apiVersion>/<kind>": count}, "withoutModel": [...], "errors": [...]}.
// Exit code 0 when nothing failed, 1 when a resource failed its type, 2 on bad usage.
import { readFileSync } from "node:fs";

const MODELS = {
  "postgresql.cnpg.io/v1/Cluster": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster",
  "postgresql.cnpg.io/v1/ScheduledBackup": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/ScheduledBackup",
  "postgresql.cnpg.io/v1/Pooler": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Pooler",
  "postgresql.cnpg.io/v1/Backup": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Backup",
  "monitoring.coreos.com/v1/PodMonitor": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor",
  "monitoring.coreos.com/v1/ServiceMonitor": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor",
  "monitoring.coreos.com/v1/PrometheusRule": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule",
  "external-secrets.io/v1/ExternalSecret": "@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret",
  "external-secrets.io/v1/SecretStore": "@kubernetes-models/external-secrets/external-secrets.io/v1/SecretStore",
  "keda.sh/v1alpha1/ScaledObject": "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject",
  "keda.sh/v1alpha1/TriggerAuthentication": "@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication",
  "gateway.networking.k8s.io/v1/Gateway": "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway",
  "gateway.networking.k8s.io/v1/HTTPRoute": "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute",
};

if (process.argv.length !== 3) {
  console.error("usage: node validate.mjs RESOURCES.json");
  process.exit(2);
}
const resources = JSON.parse(readFileSync(process.argv[2], "utf8"));
const validated = {};
const withoutModel = new Set();
const errors = [];
for (const resource of resources) {
  const type = `${resource.apiVersion}/${resource.kind}`;
  const module = MODELS[type];
  if (!module) {
    withoutModel.add(type);
    continue;
  }
  const Model = Object.values(await import(module))[0];
  try {
    new Model(resource).validate();
    validated[type] = (validated[type] ?? 0) + 1;
  } catch (e) {
    errors.push(`${type} ${resource.metadata?.name}: ${e.message}`);
  }
}
console.log(JSON.stringify({ validated, withoutModel: [...withoutModel].sort(), errors }));
process.exit(errors.length === 0 ? 0 : 1);
