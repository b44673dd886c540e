// Validates prometheus-operator objects (PrometheusRule, ServiceMonitor, PodMonitor) with the
// validators @kubernetes-models/prometheus-operator ships (generated from the operator's Go
// API types). Usage: node validate-monitoring.mjs MODELS_DIR < objects.json (a JSON array).
// Prints one line per invalid object and exits 1 if any; 0 otherwise.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const modelsDir = process.argv[2];
if (!modelsDir) {
  console.error("usage: node validate-monitoring.mjs MODELS_DIR < objects.json");
  process.exit(2);
}
const v1 = await import(
  pathToFileURL(
    join(modelsDir, "node_modules/@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/index.js"),
  ).href
);

const objects = JSON.parse(readFileSync(0, "utf8"));
let failures = 0;
for (const obj of objects) {
  const where = `${obj.kind}/${obj.metadata?.name}`;
  const Model = obj.apiVersion === "monitoring.coreos.com/v1" ? v1[obj.kind] : undefined;
  if (!Model) {
    console.log(`${where}: no schema for ${obj.apiVersion} ${obj.kind}`);
    failures++;
    continue;
  }
  try {
    new Model(obj).validate();
  } catch (err) {
    const details = (err.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ");
    console.log(`${where}: ${details || err.message}`);
    failures++;
  }
}
console.log(`validated ${objects.length} prometheus-operator objects, ${failures} invalid`);
process.exit(failures ? 1 : 0);
