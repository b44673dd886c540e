/**
 * Forwards /api/<prefix>/... to the owning service through this app's own
 * Dapr sidecar (service invocation). The route table is lib/routes.ts; the
 * header and body rules are lib/http.ts.
 */
import { isAPIError } from "better-auth/api";
import { getSessionCookie } from "better-auth/cookies";
import { getAuth } from "@/lib/auth";
import {
  ambiguousPath,
  bearerAuthorization,
  daprClientError,
  daprErrorMessage,
  declaresTooLarge,
  describeFetchError,
  downstreamResponseHeaders,
  invokeUrl,
  isNullBodyStatus,
  jsonError,
  readBodyLimited,
  upstreamRequestHeaders,
} from "@/lib/http";
import { log } from "@/lib/log";
import { resolveTarget } from "@/lib/routes";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const TOO_LARGE = "Request bodies are limited to 1 MiB.";

type AuthResult = { ok: true; authorization: string } | { ok: false; response: Response };

/** A Bearer header as sent, or one minted from the Better Auth session cookie. */
async function authorize(request: Request): Promise<AuthResult> {
  const bearer = bearerAuthorization(request.headers);
  if (bearer) return { ok: true, authorization: bearer };
  const unauthorized = { ok: false as const, response: jsonError(401, "unauthorized", "Sign in first.") };
  if (!getSessionCookie(request)) return unauthorized;
  let auth;
  try {
    auth = await getAuth();
  } catch {
    return {
      ok: false,
      response: jsonError(503, "unavailable", "Sign-in is unavailable right now; try again shortly.", {
        "retry-after": "5",
      }),
    };
  }
  try {
    const { token } = await auth.api.getToken({ headers: request.headers });
    return { ok: true, authorization: `Bearer ${token}` };
  } catch (error) {
    if (isAPIError(error) && error.statusCode >= 400 && error.statusCode < 500) return unauthorized;
    log("error", "could not mint a JWT for the session", {
      error: error instanceof Error ? error.message : String(error),
    });
    return { ok: false, response: jsonError(503, "unavailable", "Sign-in is unavailable right now; try again shortly.") };
  }
}

async function forward(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const target = resolveTarget(url.pathname);
  if (!target || ambiguousPath(target.rest)) {
    return jsonError(404, "not_found", `There is no API endpoint at ${url.pathname}.`);
  }
  if (declaresTooLarge(request.headers)) return jsonError(413, "payload_too_large", TOO_LARGE);

  const auth = await authorize(request);
  if (!auth.ok) return auth.response;

  const body = await readBodyLimited(request.body);
  if (!body.ok) return jsonError(413, "payload_too_large", TOO_LARGE);

  const requestId = request.headers.get("x-request-id") || crypto.randomUUID();
  const daprPort = process.env.DAPR_HTTP_PORT || "3500";
  let upstream: Response;
  try {
    upstream = await fetch(invokeUrl(daprPort, target.appId, target.rest, url.search), {
      method: request.method,
      headers: upstreamRequestHeaders(request.headers, {
        authorization: auth.authorization,
        daprApiToken: process.env.DAPR_API_TOKEN,
        requestId,
      }),
      body: body.body as BodyInit | null,
      redirect: "manual",
      cache: "no-store",
      signal: request.signal,
    });
  } catch (error) {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    log("warn", "sidecar unreachable", { request_id: requestId, app_id: target.appId, error: describeFetchError(error) });
    return jsonError(503, "unavailable", `The ${target.prefix} service is unavailable right now; try again shortly.`, {
      "retry-after": "5",
    });
  }

  const headers = downstreamResponseHeaders(upstream.headers, requestId);
  if (upstream.status >= 400 && (upstream.headers.get("content-type") ?? "").includes("json")) {
    // Small by nature; read it to tell Dapr's own answers ({"errorCode": ...}) from the
    // service's errors: a failed invocation (5xx) is 503, a refusal (4xx) keeps its status;
    // both get the API's error shape.
    const text = await upstream.text();
    const daprError = daprErrorMessage(text);
    if (daprError && upstream.status >= 500) {
      log("warn", "service invocation failed", { request_id: requestId, app_id: target.appId, error: daprError });
      return jsonError(503, "unavailable", `The ${target.prefix} service is unavailable right now; try again shortly.`, {
        "retry-after": "5",
      });
    }
    if (daprError) {
      log("info", "the sidecar refused a request", { request_id: requestId, app_id: target.appId, error: daprError });
      const { code, message } = daprClientError(upstream.status);
      return jsonError(upstream.status, code, message);
    }
    return new Response(text, { status: upstream.status, headers });
  }
  return new Response(isNullBodyStatus(upstream.status) ? null : upstream.body, {
    status: upstream.status,
    headers,
  });
}

export { forward as GET, forward as POST, forward as PATCH, forward as PUT, forward as DELETE };
