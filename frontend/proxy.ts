/**
 * Next.js proxy (formerly middleware), before every page request: puts the page's path and
 * query in a request header (lib/sign-in-path.ts RETURN_PATH_HEADER). The signed-in layout,
 * which Next.js does not tell the URL, reads it to send a signed-out reader of
 * /tasks?view=completed to /sign-in?next=%2Ftasks%3Fview%3Dcompleted and back there afterwards.
 * A header the browser sent under that name is replaced, never trusted.
 */
import { NextResponse, type NextRequest } from "next/server";
import { RETURN_PATH_HEADER, requestReturnPath } from "@/lib/sign-in-path";

export function proxy(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  headers.set(RETURN_PATH_HEADER, requestReturnPath(request.nextUrl));
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the API (its own 401s), Next.js's assets or the icon.
  matcher: ["/((?!api/|_next/|icon\\.svg$|favicon\\.ico$).*)"],
};
