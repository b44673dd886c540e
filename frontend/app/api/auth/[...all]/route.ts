// Better Auth's endpoints (/api/auth/*), served by the lazily created instance. Its error
// answers also carry API.md's error shape (lib/auth-errors.ts).
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth";
import { withApiError } from "@/lib/auth-errors";
import { jsonError } from "@/lib/http";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

function unavailable(): Response {
  return jsonError(503, "unavailable", "Sign-in is unavailable right now; try again shortly.", {
    "retry-after": "5",
  });
}

async function handle(request: Request): Promise<Response> {
  let auth;
  try {
    auth = await getAuth();
  } catch {
    return unavailable();
  }
  try {
    return await withApiError(await auth.handler(request));
  } catch (error) {
    log("error", "Better Auth failed to answer", {
      path: new URL(request.url).pathname,
      error: error instanceof Error ? error.message : String(error),
    });
    return unavailable();
  }
}

export const { GET, POST, PATCH, PUT, DELETE } = toNextJsHandler(handle);
