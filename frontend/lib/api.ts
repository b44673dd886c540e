/**
 * The browser's one way to call the platform API (same origin, session cookie).
 * Every non-2xx answer becomes an ApiError carrying API.md's error shape
 * {"error": {"code", "message", "fields"?}}; answers are parsed with a zod schema when given.
 */
import type { z } from "zod";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field name → message, for validation errors (422). */
    readonly fields: Record<string, string> = {},
    /** Seconds, from Retry-After on 429/503. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface ApiInit<T> {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  headers?: Record<string, string>;
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
}

function errorOf(status: number, body: unknown, retryAfter: string | null): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | null)?.error;
  const fields: Record<string, string> = {};
  if (error?.fields && typeof error.fields === "object") {
    for (const [name, message] of Object.entries(error.fields as Record<string, unknown>)) {
      fields[name] = String(message);
    }
  }
  const seconds = retryAfter === null ? null : Number(retryAfter);
  return new ApiError(
    status,
    typeof error?.code === "string" ? error.code : status >= 500 ? "unavailable" : "error",
    typeof error?.message === "string" ? error.message : `The server answered ${status}.`,
    fields,
    seconds !== null && Number.isFinite(seconds) ? seconds : null,
  );
}

// -- the session ending ---------------------------------------------------------------------

/** What a 401 says wherever it is shown, in the moment before the sign-in page replaces the screen. */
export const SESSION_ENDED_MESSAGE = "You are signed out. Taking you to the sign-in page…";

const sessionEndListeners = new Set<() => void>();
let sessionEnded = false;

/**
 * Runs `listener` when an API call answers 401 (the first since the last success): the session
 * ended (signed out in another tab, expired), so nothing this tab asks will work until the user
 * signs in again. Returns the function that removes it.
 */
export function onSessionEnd(listener: () => void): () => void {
  sessionEndListeners.add(listener);
  return () => void sessionEndListeners.delete(listener);
}

function endSession(): void {
  if (sessionEnded) return;
  sessionEnded = true;
  for (const listener of [...sessionEndListeners]) listener();
}

/**
 * Calls `/api/<path>`; resolves to the parsed body (undefined for 204). A 401 also ends the
 * session for the whole page ({@link onSessionEnd}).
 */
export async function api<T = unknown>(path: string, init: ApiInit<T> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...init.headers };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(`/api/${path.replace(/^\/+/, "")}`, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
      cache: "no-store",
      signal: init.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network_error", "Could not reach the server. Check your connection and try again.");
  }
  if (response.status === 401) {
    endSession();
    throw new ApiError(401, "unauthorized", SESSION_ENDED_MESSAGE);
  }
  if (response.ok) sessionEnded = false; // signed in (again): a later 401 is news
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw errorOf(response.status, body, response.headers.get("retry-after"));
  return init.schema ? init.schema.parse(body) : (body as T);
}
