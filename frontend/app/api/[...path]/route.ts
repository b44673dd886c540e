/**
 * Forwards /api/<prefix>/... to the owning service through this app's own
 * Dapr sidecar (service invocation). The forwarding rules are lib/forward.ts
 * (route table lib/routes.ts, header and body rules lib/http.ts); this handler
 * adds the session cookie (Better Auth) and the Fetch API types.
 *
 * Under `npm start` (server.ts) a request that carries a Bearer token is forwarded
 * by the server itself (lib/forward-node.ts) and never reaches this handler; the
 * browser's cookie requests, and every request under `next dev`, do.
 */
import { isAPIError } from "better-auth/api";
import { getSessionCookie } from "better-auth/cookies";
import { getAuth } from "@/lib/auth";
import { type AuthResult, forwardToService, toResponse } from "@/lib/forward";
import {
  bearerAuthorization,
  errorAnswer,
  invalidTokenChallenge,
  malformedBearer,
  readBodyLimited,
  TOKEN_NOT_VALID,
} from "@/lib/http";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** A Bearer header as sent, or one minted from the Better Auth session cookie. */
async function authorize(request: Request): Promise<AuthResult> {
  const bearer = bearerAuthorization(request.headers);
  if (bearer) return { ok: true, authorization: bearer };
  // RFC 6750: the challenge names the scheme; an error code only for a token that was sent.
  const unauthorized = {
    ok: false as const,
    answer: errorAnswer(401, "unauthorized", "Sign in first.", { "www-authenticate": "Bearer" }),
  };
  if (!getSessionCookie(request)) {
    if (!malformedBearer(request.headers)) return unauthorized;
    return {
      ok: false,
      answer: errorAnswer(401, "unauthorized", TOKEN_NOT_VALID, {
        "www-authenticate": invalidTokenChallenge(TOKEN_NOT_VALID),
      }),
    };
  }
  let auth;
  try {
    auth = await getAuth();
  } catch {
    return {
      ok: false,
      answer: errorAnswer(503, "unavailable", "Sign-in is unavailable right now; try again shortly.", {
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
    return { ok: false, answer: errorAnswer(503, "unavailable", "Sign-in is unavailable right now; try again shortly.") };
  }
}

async function forward(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const answer = await forwardToService({
    method: request.method,
    pathname: url.pathname,
    search: url.search,
    headers: request.headers,
    signal: request.signal,
    authorize: () => authorize(request),
    readBody: () => readBodyLimited(request.body),
  });
  return toResponse(answer);
}

// OPTIONS too: the service answers with the methods the path has (Next.js's own OPTIONS
// would list every method exported here, PUT included, which no endpoint has), without
// credentials (lib/forward.ts). A method not exported here never reaches this handler:
// under `npm start` the server answers it (lib/forward-node.ts), `next dev` leaves it to Next.js.
export { forward as GET, forward as POST, forward as PATCH, forward as PUT, forward as DELETE, forward as OPTIONS };
