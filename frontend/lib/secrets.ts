/**
 * Secrets come only from the Dapr secret store, read through this app's own
 * sidecar: GET /v1.0/secrets/<store>/<name> → {"<name>": "<value>"}.
 *
 * Dev-only escape hatch: when the environment variable named by `envOverride`
 * is set (AUTH_DB_URL, BETTER_AUTH_SECRET), its value is used and the sidecar
 * is not asked. Never set these in a deployment.
 */
import { log } from "./log";

export interface SecretReadOptions {
  daprHttpPort?: string | undefined;
  daprApiToken?: string | undefined;
  storeName?: string | undefined;
  /** How long to keep retrying while the sidecar starts. */
  timeoutMs?: number;
  retryDelayMs?: number;
  fetchImpl?: typeof fetch;
}

function defaults(options: SecretReadOptions) {
  return {
    daprHttpPort: options.daprHttpPort ?? process.env.DAPR_HTTP_PORT ?? "3500",
    daprApiToken: options.daprApiToken ?? process.env.DAPR_API_TOKEN ?? "",
    storeName: options.storeName ?? process.env.DAPR_SECRET_STORE ?? "secretstore",
    timeoutMs: options.timeoutMs ?? 30_000,
    retryDelayMs: options.retryDelayMs ?? 1_000,
    fetchImpl: options.fetchImpl ?? fetch,
  };
}

/** Reads one secret from the Dapr secret store, retrying until `timeoutMs` has passed. */
export async function readDaprSecret(name: string, options: SecretReadOptions = {}): Promise<string> {
  const o = defaults(options);
  const url = `http://127.0.0.1:${o.daprHttpPort}/v1.0/secrets/${encodeURIComponent(o.storeName)}/${encodeURIComponent(name)}`;
  const headers: Record<string, string> = { accept: "application/json" };
  if (o.daprApiToken) headers["dapr-api-token"] = o.daprApiToken;
  const deadline = Date.now() + o.timeoutMs;
  let lastError = "no attempt made";
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await o.fetchImpl(url, {
        headers,
        cache: "no-store",
        signal: AbortSignal.timeout(Math.max(1_000, Math.min(5_000, o.timeoutMs))),
      });
      const text = await response.text();
      if (response.ok) {
        const value = (JSON.parse(text) as Record<string, unknown>)[name];
        if (typeof value === "string" && value !== "") return value;
        lastError = `the store's answer has no value for "${name}"`;
      } else {
        lastError = `HTTP ${response.status}: ${text.slice(0, 200)}`;
      }
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() + o.retryDelayMs > deadline) break;
    if (attempt === 1) log("info", "waiting for the Dapr secret store", { secret: name, reason: lastError });
    await new Promise((resolve) => setTimeout(resolve, o.retryDelayMs));
  }
  throw new Error(`Could not read secret "${name}" from Dapr secret store "${o.storeName}": ${lastError}`);
}

/** A secret from the store, or from the dev-only environment override when that is set. */
export async function readSecret(
  name: string,
  envOverride: string,
  options: SecretReadOptions = {},
): Promise<string> {
  const override = process.env[envOverride];
  if (override) {
    log("warn", `using ${envOverride} from the environment instead of the Dapr secret store (dev only)`, {
      secret: name,
    });
    return override;
  }
  return readDaprSecret(name, options);
}
