/**
 * Where a signed-out user is sent, and where signing in takes them back to: the sign-in page
 * carries the return path as `?next=/tasks?task=…`. Pure, shared by the browser (a 401 from the
 * API) and the sign-in page on the server.
 */

/** Where signing in leads when no (usable) return path was given. */
export const HOME_PATH = "/tasks";

const AUTH_PAGES = ["/sign-in", "/sign-up"];

/**
 * The request header proxy.ts puts the page's own path and query in, so the signed-in layout
 * (which Next.js does not tell the URL) can send a signed-out reader to sign in and back.
 */
export const RETURN_PATH_HEADER = "x-return-path";

/** The sign-in page, asked to come back to `returnTo` (a path on this site) afterwards. */
export function signInPath(returnTo: string): string {
  return `/sign-in?next=${encodeURIComponent(returnTo)}`;
}

/**
 * The path and query a page request was for, as a return path: without Next.js's `_rsc`
 * (a client navigation's cache key, not part of the page's address).
 */
export function requestReturnPath(url: URL): string {
  if (!url.searchParams.has("_rsc")) return `${url.pathname}${url.search}`;
  const query = new URLSearchParams(url.search);
  query.delete("_rsc");
  const search = query.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}

/**
 * The link from the sign-in page to the sign-up page, or back, keeping where to go afterwards
 * (`next`, already checked with {@link safeReturnPath}); left out when it is the default.
 */
export function authPageHref(page: "/sign-in" | "/sign-up", next: string): string {
  return next === HOME_PATH ? page : `${page}?next=${encodeURIComponent(next)}`;
}

/**
 * The sign-in page to send the reader of `location` to once the session ended, or null when they
 * are already on the sign-in or sign-up page.
 */
export function signInRedirect(location: { pathname: string; search: string }): string | null {
  if (AUTH_PAGES.some((page) => location.pathname === page || location.pathname.startsWith(`${page}/`))) return null;
  return signInPath(`${location.pathname}${location.search}`);
}

/**
 * `next` when it is a path on this site; otherwise {@link HOME_PATH}. Anything else ("//evil.example",
 * "https://…", "/\\evil.example") would make the sign-in page an open redirect.
 */
export function safeReturnPath(next: string | string[] | undefined | null): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return HOME_PATH;
  if (/[\u0000-\u001f\u007f]/.test(value)) return HOME_PATH;
  if (AUTH_PAGES.some((page) => value === page || value.startsWith(`${page}?`) || value.startsWith(`${page}/`))) return HOME_PATH;
  return value;
}
