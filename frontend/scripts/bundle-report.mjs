#!/usr/bin/env node
/**
 * First-load JavaScript per route, gzipped, from the last `next build` (Turbopack output):
 * the root main files every page loads (.next/build-manifest.json) plus the entry chunks of the
 * route's layouts and page (its page_client-reference-manifest.js). Chunks loaded later (dynamic
 * imports such as the assistant's panel) are not first-load and are not counted.
 *
 *   node scripts/bundle-report.mjs [--budget-kb 200] /tasks [/dashboard …]
 *
 * Exits 1 when the first route listed is over the budget (kB = 1000 bytes, gzip level 6, what
 * `next start` serves).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");
const next = path.join(root, ".next");
const args = process.argv.slice(2);
let budgetKb = 200;
const routes = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--budget-kb") budgetKb = Number(args[++i]);
  else routes.push(args[i]);
}
if (!routes.length) routes.push("/tasks");
if (!existsSync(path.join(next, "build-manifest.json"))) {
  console.error("bundle-report: no .next/build-manifest.json; run `next build` first");
  process.exit(2);
}

const buildManifest = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8"));
const rootMain = buildManifest.rootMainFiles ?? [];

function* manifests(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* manifests(full);
    else if (entry.name === "page_client-reference-manifest.js") yield full;
  }
}

/** "/(app)/tasks/page" → "/tasks"; route groups and the page segment do not show in URLs. */
function urlOf(key) {
  const url = key
    .replace(/\/page$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .join("/");
  return `/${url}`;
}

function routeManifest(route) {
  for (const file of manifests(path.join(next, "server", "app"))) {
    const sandbox = { globalThis: {} };
    sandbox.globalThis = sandbox;
    vm.runInNewContext(readFileSync(file, "utf8"), sandbox);
    for (const [key, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
      if (urlOf(key) === route) return manifest;
    }
  }
  return null;
}

const kb = (bytes) => (bytes / 1000).toFixed(1);
let status = 0;

for (const [index, route] of routes.entries()) {
  const manifest = routeManifest(route);
  if (!manifest) {
    console.error(`bundle-report: no page for ${route} in this build`);
    status = 2;
    continue;
  }
  const chunks = [...new Set([...rootMain, ...Object.values(manifest.entryJSFiles ?? {}).flat()])];
  let raw = 0;
  let gzip = 0;
  const rows = chunks.map((chunk) => {
    const bytes = readFileSync(path.join(next, chunk));
    const zipped = gzipSync(bytes, { level: 6 }).length;
    raw += bytes.length;
    gzip += zipped;
    return { chunk, raw: bytes.length, gzip: zipped };
  });
  rows.sort((a, b) => b.gzip - a.gzip);
  const budgeted = index === 0;
  const verdict = budgeted ? (gzip > budgetKb * 1000 ? `OVER the ${budgetKb} kB budget` : `within the ${budgetKb} kB budget`) : "(not budgeted)";
  console.log(`first-load JS for ${route}: ${kb(gzip)} kB gzipped (${kb(raw)} kB raw, ${chunks.length} chunks) ${verdict}`);
  for (const row of rows.slice(0, 8)) console.log(`  ${kb(row.gzip).padStart(7)} kB  ${row.chunk}`);
  if (budgeted && gzip > budgetKb * 1000) status = 1;
}
process.exit(status);
