/**
 * Forwarding one public /api/<prefix>/... request to the owning service through this app's
 * own Dapr sidecar (service invocation): the rules of the public edge, in one place.
 *
 * Two callers share it: the catch-all route handler (app/api/[...path]/route.ts, which
 * turns the answer into a `Response`) and the server's fast path for Bearer requests
 * (lib/forward-node.ts, which writes it to node's `ServerResponse` without Next.js's
 * per-request machinery). Neither Next.js nor Better Auth is imported here: the caller
 * supplies how to authorize and how to read the body.
 */
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import {
  ambiguousPath,
  type BodyResult,
  daprClientError,
  daprErrorMessage,
  declaresTooLarge,
  describeFetchError,
  downstreamResponseHeaders,
  errorAnswer,
  type HeaderSource,
  headerValue,
  invokePath,
  isNullBodyStatus,
  type PlainAnswer,
  upstreamRequestHeaders,
} from "./http";
import { log } from "./log";
import { resolveTarget } from "./routes";
import { readText, sidecarRequest } from "./sidecar";

const TOO_LARGE = "Request bodies are limited to 1 MiB.";

/** An answer to send: complete (or empty), or the sidecar's answer body to stream on. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | null | IncomingMessage;
}

/** The Authorization header to send on, or the answer to give instead (401, 503). */
export type AuthResult = { ok: true; authorization: string } | { ok: false; answer: PlainAnswer };

export interface ForwardRequest {
  method: string;
  /** The request's path and query as `new URL(request.url)` gives them. */
  pathname: string;
  search: string;
  headers: HeaderSource;
  /** Aborted when the browser goes away. */
  signal: AbortSignal;
  authorize: () => AuthResult | Promise<AuthResult>;
  /** The body, read up to MAX_BODY_BYTES (lib/http.ts). */
  readBody: () => Promise<BodyResult>;
}

/** Answered when the browser went away before the answer (nobody reads it; logs do). */
export const CLIENT_GONE: Answer = { status: 499, headers: {}, body: null };

function unavailable(prefix: string): PlainAnswer {
  return errorAnswer(503, "unavailable", `The ${prefix} service is unavailable right now; try again shortly.`, {
    "retry-after": "5",
  });
}

export async function forwardToService(request: ForwardRequest): Promise<Answer> {
  const { pathname } = request;
  const target = resolveTarget(pathname);
  if (!target || ambiguousPath(target.rest)) {
    return errorAnswer(404, "not_found", `There is no API endpoint at ${pathname}.`);
  }
  if (declaresTooLarge(request.headers)) return errorAnswer(413, "payload_too_large", TOO_LARGE);

  // OPTIONS involves no data: the service's routing answers it (the path's methods), so it
  // needs no credentials and sends none on.
  let authorization: string | undefined;
  let body: BodyResult = { ok: true, body: null };
  if (request.method !== "OPTIONS") {
    const auth = await request.authorize();
    if (!auth.ok) return auth.answer;
    authorization = auth.authorization;
    body = await request.readBody();
    if (!body.ok) return errorAnswer(413, "payload_too_large", TOO_LARGE);
  }

  const { headers, signal } = request;
  const requestId = headerValue(headers, "x-request-id") || crypto.randomUUID();
  let upstream: IncomingMessage;
  try {
    upstream = await sidecarRequest({
      port: process.env.DAPR_HTTP_PORT || "3500",
      path: invokePath(target.appId, target.rest, request.search),
      method: request.method,
      headers: upstreamRequestHeaders(headers, {
        authorization,
        daprApiToken: process.env.DAPR_API_TOKEN,
        requestId,
      }),
      body: body.body,
      signal,
    });
  } catch (error) {
    if (signal.aborted) return CLIENT_GONE;
    log("warn", "sidecar unreachable", { request_id: requestId, app_id: target.appId, error: describeFetchError(error) });
    return unavailable(target.prefix);
  }

  const status = upstream.statusCode ?? 502;
  const answerHeaders = downstreamResponseHeaders(upstream.headers, requestId);
  if (status >= 400 && (upstream.headers["content-type"] ?? "").includes("json")) {
    // Small by nature; read it to tell Dapr's own answers ({"errorCode": ...}) from the
    // service's errors: a failed invocation (5xx) is 503, a refusal (4xx) keeps its status;
    // both get the API's error shape.
    let text: string;
    try {
      text = await readText(upstream);
    } catch (error) {
      if (signal.aborted) return CLIENT_GONE;
      throw error;
    }
    const daprError = daprErrorMessage(text);
    if (daprError && status >= 500) {
      log("warn", "service invocation failed", { request_id: requestId, app_id: target.appId, error: daprError });
      return unavailable(target.prefix);
    }
    if (daprError) {
      log("info", "the sidecar refused a request", { request_id: requestId, app_id: target.appId, error: daprError });
      const { code, message } = daprClientError(status);
      return errorAnswer(status, code, message);
    }
    return { status, headers: answerHeaders, body: text };
  }
  if (isNullBodyStatus(status)) {
    upstream.resume(); // nothing to read; frees the connection
    return { status, headers: answerHeaders, body: null };
  }
  return { status, headers: answerHeaders, body: upstream };
}

/** The methods the app's /api route handlers export (Next.js adds HEAD and OPTIONS). */
export const ROUTED_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * The frontend's own /api endpoints, with the methods their route handlers export
 * (app/api/health, app/api/auth/[...all]), as Next.js's OPTIONS lists them.
 */
const OWN_ENDPOINTS: ReadonlyArray<{ matches: (pathname: string) => boolean; allow: string }> = [
  { matches: (pathname) => pathname === "/api/health", allow: "GET, HEAD, OPTIONS" },
  { matches: (pathname) => pathname.startsWith("/api/auth/"), allow: "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT" },
];

/**
 * The answer to a method no route handler exports (TRACE, PROPFIND...), which Next.js would
 * answer with a bare 400 or 500: 405 in API.md's shape with `Allow`, as the services answer a
 * method a path does not have. A service's path gets the methods the service lists for it (its
 * OPTIONS answer, forwarded as any OPTIONS: the method itself is never sent on, since Dapr 1.16
 * turns a verb it does not know into POST); a path nobody has is 404, a service away 503.
 */
export async function methodNotAllowed(
  request: Pick<ForwardRequest, "method" | "pathname" | "headers" | "signal">,
): Promise<Answer> {
  const refuse = (allow: string, headers: Record<string, string> = {}) =>
    errorAnswer(405, "method_not_allowed", `${request.method} is not allowed here.`, { ...headers, allow });
  const own = OWN_ENDPOINTS.find((endpoint) => endpoint.matches(request.pathname));
  if (own) return refuse(own.allow);
  const answer = await forwardToService({
    ...request,
    method: "OPTIONS",
    search: "",
    // Neither is called for OPTIONS.
    authorize: () => ({ ok: true, authorization: "" }),
    readBody: () => Promise.resolve({ ok: true, body: null }),
  });
  const allow = answer.headers.allow;
  if (answer.status !== 204 || !allow) return answer;
  return refuse(allow, answer.headers["x-request-id"] ? { "x-request-id": answer.headers["x-request-id"] } : {});
}

/** The answer as a Fetch API `Response` (the route handler's return value). */
export function toResponse(answer: Answer): Response {
  const { status, headers, body } = answer;
  if (body === null || typeof body === "string") return new Response(body, { status, headers });
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status, headers });
}
