/**
 * Better Auth's error answers (/api/auth/*) in API.md's error shape as well. Better Auth
 * answers `{"message", "code"}` with its own codes and statuses (400 VALIDATION_ERROR,
 * 422 USER_ALREADY_EXISTS_..., a reason phrase that is the code); the browser's auth client
 * reads those two fields, so they stay, and `"error": {"code", "message", "fields"?}` is
 * added with the contract's codes and statuses. Pure: unit-tested in lib/auth-errors.test.ts.
 */
import type { ErrorBody, ErrorCode } from "./http";

interface Mapped {
  status: number;
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
}

interface BetterAuthError {
  code?: string;
  message?: string;
}

/** `[body.password] Invalid input: ...; [body.email] ...`: better-call's validation message. */
const ISSUE = /\[(?:body|query)(?:\.([^\]]+))?\] (.*?)(?=; \[|$)/g;

/** The fields a validation message names, with what is wrong with each. */
export function validationFields(message: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [, field = "body", problem] of message.matchAll(ISSUE)) {
    fields[field] ??= /received undefined$/.test(problem) ? "required" : problem;
  }
  return fields;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function mapError(status: number, error: BetterAuthError): Mapped {
  const code = error.code ?? "";
  const message = error.message ? sentence(error.message) : "";
  if (status === 429) return { status, code: "rate_limited", message: "Too many attempts; try again later." };
  if (status >= 500) {
    return { status: 503, code: "unavailable", message: "Sign-in is unavailable right now; try again shortly." };
  }
  if (code === "VALIDATION_ERROR") {
    const fields = validationFields(error.message ?? "");
    return { status: 422, code: "validation_error", message: "The request is not valid.", fields };
  }
  if (code === "PASSWORD_TOO_SHORT" || code === "PASSWORD_TOO_LONG") {
    return { status: 422, code: "validation_error", message, fields: { password: message } };
  }
  if (code === "INVALID_EMAIL") return { status: 422, code: "validation_error", message, fields: { email: message } };
  if (code.includes("ALREADY_EXISTS")) {
    return { status: 409, code: "conflict", message, fields: { email: "is already registered" } };
  }
  if (code === "BAD_REQUEST" && /json/i.test(message)) {
    return { status: 422, code: "validation_error", message: "The request body is not valid JSON." };
  }
  if (code === "UNAUTHORIZED") {
    return {
      status: 401,
      code: "unauthorized",
      message: "Sign in first: this endpoint needs the session cookie that sign-in sets (a Bearer JWT is not accepted here).",
    };
  }
  if (status === 401) return { status, code: "unauthorized", message: message || "Sign in first." };
  if (status === 403) return { status, code: "forbidden", message: message || "The request was refused." };
  if (status === 404) return { status, code: "not_found", message: "There is no such auth endpoint." };
  if (status === 409) return { status, code: "conflict", message: message || "The request conflicts with the current state." };
  if (status === 413) return { status, code: "payload_too_large", message: message || "The request is too large." };
  return { status: 422, code: "validation_error", message: message || "The request is not valid." };
}

async function readError(response: Response): Promise<BetterAuthError> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await response.text());
  } catch {
    return {};
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
  const { code, message } = parsed as Record<string, unknown>;
  return {
    code: typeof code === "string" ? code : undefined,
    message: typeof message === "string" ? message : undefined,
  };
}

/**
 * Better Auth's answer, with API.md's error added to an error (4xx, 5xx): the contract's
 * status (validation 422, an existing e-mail 409, a Better Auth failure 503), a standard
 * reason phrase, `Retry-After` on a 429, and Better Auth's own `message` and `code` kept at
 * the top level. Other answers pass through untouched.
 */
export async function withApiError(response: Response): Promise<Response> {
  if (response.status < 400) return response;
  const original = await readError(response);
  const mapped = mapError(response.status, original);
  const error: ErrorBody["error"] = { code: mapped.code, message: mapped.message };
  if (mapped.fields && Object.keys(mapped.fields).length) error.fields = mapped.fields;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("content-type", "application/json");
  headers.set("cache-control", "no-store");
  if (mapped.status === 429) headers.set("retry-after", headers.get("x-retry-after") ?? "60");
  if (mapped.status === 503) headers.set("retry-after", "5");
  const body = { ...original, error };
  // No statusText: node writes the standard reason phrase, not Better Auth's code.
  return new Response(JSON.stringify(body), { status: mapped.status, headers });
}
