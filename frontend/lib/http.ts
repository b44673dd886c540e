/**
 * Pure helpers for the /api forwarding route: error bodies, header filtering,
 * Dapr invocation URLs and bounded body reading. No I/O besides the streams
 * handed in, so everything here is unit-tested (lib/http.test.ts).
 */

/** Largest request body forwarded to a service (1 MiB). */
export const MAX_BODY_BYTES = 1024 * 1024;

export type ErrorCode =
  | "validation_error"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "precondition_failed"
  | "payload_too_large"
  | "rate_limited"
  | "unavailable";

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, unknown> };
}

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

/** A JSON error response in the API.md shape. */
export function jsonError(
  status: number,
  code: ErrorCode,
  message: string,
  headers?: Record<string, string>,
): Response {
  const answer = errorAnswer(status, code, message, headers);
  return new Response(answer.body, answer);
}

/** A complete answer: what a Response or a node ServerResponse is made from. */
export interface PlainAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/** {@link jsonError} as a plain answer, for writing to a node ServerResponse. */
export function errorAnswer(
  status: number,
  code: ErrorCode,
  message: string,
  headers?: Record<string, string>,
): PlainAnswer {
  return {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
    body: JSON.stringify(errorBody(code, message)),
  };
}

/**
 * Request or response headers: the Fetch API's `Headers`, or the object node:http gives
 * (lower-case names; a list for a repeated header).
 */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** One header's value as `Headers.get` reads it (repeated values joined with ", "), or null. */
export function headerValue(headers: HeaderSource, name: string): string | null {
  if (typeof headers.get === "function") return (headers as Headers).get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

/** Request headers passed on to the services (everything else is dropped, cookies included). */
export const FORWARDED_REQUEST_HEADERS = [
  "content-type",
  "accept",
  "idempotency-key",
  "if-match",
  "traceparent",
  "tracestate",
  "x-request-id",
  "last-event-id",
] as const;

/** Response headers copied back to the browser (`allow`: a 405's and OPTIONS' methods). */
export const COPIED_RESPONSE_HEADERS = [
  "content-type",
  "etag",
  "retry-after",
  "location",
  "cache-control",
  "allow",
  "x-request-id",
  "www-authenticate",
] as const;

/**
 * The request's `Authorization` header when it carries a Bearer token,
 * returned exactly as sent; null otherwise (missing, empty or another scheme).
 */
export function bearerAuthorization(headers: HeaderSource): string | null {
  const value = headerValue(headers, "authorization");
  if (!value) return null;
  return /^Bearer\s+\S+$/i.test(value.trim()) ? value : null;
}

/** The Bearer token message and RFC 6750 challenge the services give a token they refuse. */
export const TOKEN_NOT_VALID = "The bearer token is not valid.";

export function invalidTokenChallenge(description: string): string {
  return `Bearer error="invalid_token", error_description="${description}"`;
}

/**
 * True when the request names the Bearer scheme with something after it that
 * {@link bearerAuthorization} does not take (e.g. "Bearer two parts"): a malformed token.
 */
export function malformedBearer(headers: HeaderSource): boolean {
  const value = (headerValue(headers, "authorization") ?? "").trim();
  return /^Bearer\s+\S/i.test(value) && bearerAuthorization(headers) === null;
}

/**
 * The path and query of a Dapr service invocation on the local sidecar (what the request
 * line to it carries). `rest` is the path after "/api/" (still percent-encoded); `search` is the
 * raw query string including its "?", or "".
 */
export function invokePath(appId: string, rest: string, search: string): string {
  return `/v1.0/invoke/${encodeURIComponent(appId)}/method/api/${rest}${search}`;
}

export interface UpstreamHeaderOptions {
  /** The full Authorization header value to send, e.g. "Bearer eyJ..."; none for OPTIONS. */
  authorization?: string | undefined;
  /** Token the sidecar expects on its API (DAPR_API_TOKEN); omitted when empty. */
  daprApiToken?: string | undefined;
  /** Used when the request has no x-request-id of its own. */
  requestId: string;
}

/**
 * Headers for the call to the sidecar: the allow-listed ones, auth, and the Dapr API token.
 * A plain object (lower-case names) as node:http takes it.
 */
export function upstreamRequestHeaders(incoming: HeaderSource, options: UpstreamHeaderOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = headerValue(incoming, name);
    if (value !== null) out[name] = value;
  }
  // Dapr 1.16 drops a text/event-stream response across the sidecar hop when the caller
  // asks for one (as every EventSource does); the service streams all the same.
  if (out.accept !== undefined && isEventStream(out.accept)) out.accept = "*/*";
  if (out["x-request-id"] === undefined) out["x-request-id"] = options.requestId;
  if (options.authorization !== undefined) out.authorization = options.authorization;
  if (options.daprApiToken) out["dapr-api-token"] = options.daprApiToken;
  return out;
}

export function isEventStream(contentType: string | null): boolean {
  return (contentType ?? "").split(";", 1)[0].trim().toLowerCase() === "text/event-stream";
}

/**
 * Headers for the browser: the allow-listed ones, plus no-buffering hints for event streams.
 * A plain object (lower-case names), as both `Response` and node's `setHeader` take it.
 */
export function downstreamResponseHeaders(upstream: HeaderSource, requestId?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of COPIED_RESPONSE_HEADERS) {
    const value = headerValue(upstream, name);
    if (value !== null) out[name] = value;
  }
  if (requestId && out["x-request-id"] === undefined) out["x-request-id"] = requestId;
  if (isEventStream(out["content-type"] ?? null)) {
    // no-transform keeps `next start`'s compression from buffering the stream.
    out["cache-control"] = "no-cache, no-transform";
    out["x-accel-buffering"] = "no";
  }
  return out;
}

/** Statuses whose responses must not carry a body. */
export function isNullBodyStatus(status: number): boolean {
  return status === 101 || status === 103 || status === 204 || status === 205 || status === 304;
}

/** True when the request declares a Content-Length above the limit. */
export function declaresTooLarge(headers: HeaderSource, limit: number = MAX_BODY_BYTES): boolean {
  const value = headerValue(headers, "content-length");
  if (value === null || !/^\d+$/.test(value.trim())) return false;
  return Number(value) > limit;
}

export type BodyResult = { ok: true; body: Uint8Array | null } | { ok: false };

/**
 * Reads a request body into memory, stopping (and cancelling the stream) as
 * soon as it passes `limit` bytes. An absent or empty body gives null.
 */
export async function readBodyLimited(
  stream: ReadableStream<Uint8Array> | null,
  limit: number = MAX_BODY_BYTES,
): Promise<BodyResult> {
  if (!stream) return { ok: true, body: null };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  if (size === 0) return { ok: true, body: null };
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, body };
}

/**
 * Dapr answers a failed invocation itself (target app down, no route, circuit
 * open) with `{"errorCode": "ERR_...", "message": ...}` and a 5xx. Returns
 * that message when `text` is such an envelope, else null.
 */
export function daprErrorMessage(text: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { errorCode, message } = parsed as { errorCode?: unknown; message?: unknown };
  if (typeof errorCode !== "string" || !errorCode.startsWith("ERR_")) return null;
  return typeof message === "string" && message ? `${errorCode}: ${message}` : errorCode;
}

/**
 * True when a path after "/api/" could be read two ways: a segment that decodes to "/",
 * "?" or "#" (the sidecar decodes before it routes, so `tasks/a%23b` would reach the app
 * as `tasks/a`), to "%" (decoded twice), or to a control character; or one that does not
 * decode at all. No resource of ours has such an id, so these are answered 404 here.
 */
export function ambiguousPath(rest: string): boolean {
  for (const segment of rest.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return true;
    }
    if (/[/?#%\u0000-\u001f\u007f]/.test(decoded)) return true;
  }
  return false;
}

/**
 * The API.md error for an error Dapr itself answered with a 4xx (`{"errorCode": ...}`), e.g.
 * 431 when the URL is longer than the sidecar reads: the same status, our error shape.
 */
export function daprClientError(status: number): { code: ErrorCode; message: string } {
  if (status === 404) return { code: "not_found", message: "There is no such API endpoint." };
  if (status === 413) return { code: "payload_too_large", message: "The request is too large." };
  if (status === 414 || status === 431) {
    return { code: "validation_error", message: "The request's address or headers are too long." };
  }
  return { code: "validation_error", message: "The request was refused." };
}

/**
 * A short description of a failed call to the sidecar, with its error code: node:http's own
 * (`connect ECONNREFUSED ...`, code ECONNREFUSED) or undici's cause code (`fetch failed`).
 */
export function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = errorCode(error) ?? errorCode((error as Error & { cause?: unknown }).cause);
  return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
}

function errorCode(error: unknown): string | null {
  return error && typeof error === "object" && "code" in error && typeof error.code === "string" ? error.code : null;
}

/** Methods that may be sent twice (RFC 9110 idempotent). */
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/**
 * True when a request that failed on a kept-alive connection is safe to send once more on
 * a new one: it is idempotent and the connection was found closed or reset before any
 * answer (the sidecar closed it while it sat idle in the pool).
 */
export function retryableOnNewConnection(method: string, error: unknown): boolean {
  const code = errorCode(error);
  return IDEMPOTENT_METHODS.has(method.toUpperCase()) && (code === "ECONNRESET" || code === "EPIPE");
}
