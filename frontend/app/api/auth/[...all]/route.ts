// Better Auth's endpoints (/api/auth/*), served by the lazily created instance.
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth";
import { jsonError } from "@/lib/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

async function handle(request: Request): Promise<Response> {
  let auth;
  try {
    auth = await getAuth();
  } catch {
    return jsonError(503, "unavailable", "Sign-in is unavailable right now; try again shortly.", {
      "retry-after": "5",
    });
  }
  return auth.handler(request);
}

export const { GET, POST, PATCH, PUT, DELETE } = toNextJsHandler(handle);
