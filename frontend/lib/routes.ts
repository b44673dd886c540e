/**
 * Which Dapr app-id serves which public API prefix.
 *
 * The browser calls /api/<prefix>/...; the catch-all route handler looks the
 * first path segment up here and forwards the call through the frontend's own
 * sidecar (Dapr service invocation) to that app-id. Pure data, no I/O.
 */
export const ROUTE_TABLE: Readonly<Record<string, string>> = Object.freeze({
  tasks: "task-service",
  tags: "task-service",
  chat: "chat-service",
  conversations: "chat-service",
  mcp: "chat-service",
  notifications: "notification-service",
  activity: "audit-service",
  stats: "audit-service",
  recurrence: "recurring-service",
});

/** The app-id for the first segment after /api, or null for an unknown prefix. */
export function appIdFor(prefix: string): string | null {
  return Object.hasOwn(ROUTE_TABLE, prefix) ? ROUTE_TABLE[prefix] : null;
}

export interface ApiTarget {
  /** The first segment after /api, e.g. "tasks". */
  prefix: string;
  /** Everything after "/api/", still percent-encoded, e.g. "tasks/abc/complete". */
  rest: string;
  appId: string;
}

/**
 * Resolves a request pathname such as "/api/tasks/abc" to its target.
 * Returns null when the path is not under /api/ or the prefix is unknown.
 */
export function resolveTarget(pathname: string): ApiTarget | null {
  if (!pathname.startsWith("/api/")) return null;
  const rest = pathname.slice("/api/".length).replace(/\/+$/, "");
  const prefix = rest.split("/", 1)[0];
  if (!prefix) return null;
  const appId = appIdFor(prefix);
  return appId ? { prefix, rest, appId } : null;
}
