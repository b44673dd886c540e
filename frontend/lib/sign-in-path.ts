/**
 * Where a signed-out user is sent, and where signing in takes them back to: the sign-in page
 * carries the return path as `?next=/tasks?task=…`. Pure, shared by the browser (a 401 from the
 * API) and the sign-in page on the server.
 */

/** Where signing in leads when no (usable) return path was given. */
export const HOME_PATH = "/tasks";

const AUTH_PAGES = ["/sign-in", "/sign-up"];

/** The sign-in page, asked to come back to `returnTo` (a path on this site) afterwards. */
export function signInPath(returnTo: string): string {
  return `/sign-in?next=${encodeURIComponent(returnTo)}`;
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
