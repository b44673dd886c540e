/**
 * The forwarder's HTTP client for this app's own Dapr sidecar: node:http over kept-alive
 * connections. Cheaper per request than `fetch` (undici plus Next.js's fetch wrapper, about
 * a millisecond of CPU per forwarded request here); the answer's body is handed on as the
 * node stream, unread, so responses stream.
 */
import http from "node:http";
import { retryableOnNewConnection } from "./http";

/**
 * The sidecar listens on loopback, one per pod: no limit on parallel connections (an event
 * stream holds one for its whole life), idle ones closed after 5 s (as node's global agent
 * and undici do), the most recently used reused first.
 */
const agent = new http.Agent({ keepAlive: true, timeout: 5_000, scheduling: "lifo" });

/** As undici's fetch: a call that sends or receives nothing for this long fails. */
export const SIDECAR_IDLE_TIMEOUT_MS = 300_000;

export interface SidecarRequest {
  port: string;
  /** Path and query, e.g. from invokePath(). */
  path: string;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
  /** Aborts the call, the answer's body included (the browser went away). */
  signal?: AbortSignal;
  idleTimeoutMs?: number;
}

/**
 * Sends one request to the sidecar and resolves with its answer once the status line and
 * headers are in; the body is left in the stream. Rejects when no answer came (connection
 * refused, reset, timed out, aborted). A request that met a connection the sidecar had
 * closed while it sat in the pool is sent once more on a new one when it is idempotent.
 */
export function sidecarRequest(request: SidecarRequest): Promise<http.IncomingMessage> {
  return send(request, true);
}

function send(request: SidecarRequest, mayRetry: boolean): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const { body } = request;
    const headers = body ? { ...request.headers, "content-length": String(body.byteLength) } : request.headers;
    const timeout = request.idleTimeoutMs ?? SIDECAR_IDLE_TIMEOUT_MS;
    let answered = false;
    let outgoing: http.ClientRequest;
    try {
      outgoing = http.request({
        host: "127.0.0.1",
        port: request.port,
        path: request.path,
        method: request.method,
        headers,
        agent,
        signal: request.signal,
        timeout,
      });
    } catch (error) {
      reject(error); // an invalid path or header value
      return;
    }
    outgoing.on("response", (response) => {
      answered = true;
      // Errors after this point (reset mid-body, abort) reach whoever reads the body; never
      // an unhandled 'error' event.
      response.on("error", ignore);
      resolve(response);
    });
    outgoing.on("error", (error) => {
      if (answered) return;
      if (mayRetry && outgoing.reusedSocket && !request.signal?.aborted && retryableOnNewConnection(request.method, error)) {
        resolve(send(request, false));
      } else {
        reject(error);
      }
    });
    outgoing.on("timeout", () => {
      outgoing.destroy(Object.assign(new Error(`the sidecar was silent for ${timeout} ms`), { code: "ETIMEDOUT" }));
    });
    outgoing.end(body ?? undefined);
  });
}

function ignore(): void {}

/** Reads a whole answer body as UTF-8 text (for the small JSON error bodies). */
export async function readText(response: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
