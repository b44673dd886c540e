// /api/auth/* through the route, with the real Better Auth (this app's options, an in-memory
// database): its errors carry API.md's shape and statuses, and the browser's auth client still
// reads them (user test: a client written against API.md got Better Auth's own codes).
import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { createAuthClient } from "better-auth/client";
import type { Pool } from "pg";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { authErrorMessage } from "@/components/shell/auth-form";
import { type Auth, authOptions } from "@/lib/auth";
import { DELETE, GET, POST } from "./route";

const auth = vi.hoisted(() => ({ current: null as unknown as Promise<Auth> }));
vi.mock("@/lib/auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth")>()),
  getAuth: () => auth.current,
}));
vi.mock("@/lib/auth-client", () => ({ authClient: {} }));
vi.mock("@/lib/log", () => ({ log: () => undefined }));

const ORIGIN = "http://localhost:3000";
let ip = 0;

function freshAuth(): Auth {
  const db = { user: [], session: [], account: [], verification: [], jwks: [] };
  const options = authOptions({} as Pool, "a-test-secret-that-is-long-enough-0123456789");
  return betterAuth({ ...options, database: memoryAdapter(db) }) as unknown as Auth;
}

beforeEach(() => {
  auth.current = Promise.resolve(freshAuth());
  ip += 1;
});

/** A request as curl sends it: JSON, no Origin, no cookie unless given. */
function call(method: "GET" | "POST", path: string, body?: string, headers: Record<string, string> = {}) {
  const request = new Request(`${ORIGIN}/api/auth${path}`, {
    method,
    headers: { "content-type": "application/json", "x-forwarded-for": `10.0.0.${ip}`, ...headers },
    body,
  });
  return method === "GET" ? GET(request) : POST(request);
}

const json = (value: unknown) => JSON.stringify(value);
const ALICE = { name: "Alice", email: "alice@example.com", password: "correct-horse-1" };

async function signUp(): Promise<string> {
  const response = await call("POST", "/sign-up/email", json(ALICE));
  expect(response.status).toBe(200);
  return response.headers.get("set-cookie")!.split(";")[0];
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.statusText).toBe("");
  expect(response.headers.get("content-type")).toBe("application/json");
  const body = await response.json();
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  return body;
}

describe("/api/auth errors in API.md's shape", () => {
  it("GET /token without the session cookie: 401 unauthorized, saying the cookie is needed", async () => {
    const body = await expectError(await call("GET", "/token"), 401, "unauthorized");
    expect(body.error.message).toMatch(/session cookie/);
    expect(body).toMatchObject({ message: "Unauthorized", code: "UNAUTHORIZED" }); // Better Auth's, kept
  });

  it("GET /token with a Bearer JWT instead of the cookie: the same 401", async () => {
    await expectError(await call("GET", "/token", undefined, { authorization: "Bearer abc.def.ghi" }), 401, "unauthorized");
  });

  it("a missing field: 422 validation_error naming the field", async () => {
    const body = await expectError(
      await call("POST", "/sign-in/email", json({ email: ALICE.email })),
      422,
      "validation_error",
    );
    expect(body.error.fields).toEqual({ password: "required" });
    expect(body.code).toBe("VALIDATION_ERROR");
  });

  it("several bad fields are all named", async () => {
    const body = await expectError(
      await call("POST", "/sign-up/email", json({ name: 5, email: "not-an-address" })),
      422,
      "validation_error",
    );
    expect(Object.keys(body.error.fields).sort()).toEqual(["email", "name", "password"]);
    expect(body.error.fields.password).toBe("required");
  });

  it("a body that is not JSON: 422 validation_error", async () => {
    const body = await expectError(await call("POST", "/sign-in/email", "{bad"), 422, "validation_error");
    expect(body.error.message).toMatch(/JSON/);
  });

  it("a body that is a list: 422 validation_error", async () => {
    await expectError(await call("POST", "/sign-in/email", "[]"), 422, "validation_error");
  });

  it("a password that is too short: 422 validation_error on fields.password", async () => {
    const body = await expectError(
      await call("POST", "/sign-up/email", json({ ...ALICE, password: "short" })),
      422,
      "validation_error",
    );
    expect(body.error.fields).toEqual({ password: expect.stringMatching(/too short/i) });
    expect(body.code).toBe("PASSWORD_TOO_SHORT");
  });

  it("a blank name: 422 validation_error on fields.name, and no account made", async () => {
    for (const name of ["", "   ", "\t\n\u00a0"]) {
      const body = await expectError(
        await call("POST", "/sign-up/email", json({ ...ALICE, name })),
        422,
        "validation_error",
      );
      expect(body.error.fields).toEqual({ name: "must not be blank" });
    }
    await signUp(); // the address is still free
  });

  it("a name over 100 characters: 422 validation_error on fields.name, as the form says", async () => {
    const body = await expectError(
      await call("POST", "/sign-up/email", json({ ...ALICE, name: "A".repeat(101) })),
      422,
      "validation_error",
    );
    expect(body.error.fields).toEqual({ name: "must be at most 100 characters" });
    const response = await call("POST", "/sign-up/email", json({ ...ALICE, name: "Å".repeat(100) }));
    expect(response.status).toBe(200);
  });

  it("a name is kept without the spaces around it", async () => {
    const response = await call("POST", "/sign-up/email", json({ ...ALICE, name: "  Alice Liddell \n" }));
    expect(response.status).toBe(200);
    expect((await response.json()).user.name).toBe("Alice Liddell");
  });

  it("changing the name to a blank one: 422 validation_error on fields.name", async () => {
    const cookie = await signUp();
    const body = await expectError(
      await call("POST", "/update-user", json({ name: " " }), { cookie, origin: ORIGIN }),
      422,
      "validation_error",
    );
    expect(body.error.fields).toEqual({ name: "must not be blank" });
    const session = await (await call("GET", "/get-session", undefined, { cookie })).json();
    expect(session.user.name).toBe(ALICE.name);
  });

  it("a wrong password: 401 unauthorized", async () => {
    await signUp();
    const body = await expectError(
      await call("POST", "/sign-in/email", json({ email: ALICE.email, password: "wrong-password-1" })),
      401,
      "unauthorized",
    );
    expect(body.code).toBe("INVALID_EMAIL_OR_PASSWORD");
  });

  it("an e-mail that already has an account: 409 conflict on fields.email", async () => {
    await signUp();
    const body = await expectError(await call("POST", "/sign-up/email", json(ALICE)), 409, "conflict");
    expect(body.error.fields).toEqual({ email: expect.any(String) });
    expect(body.code).toMatch(/ALREADY_EXISTS/);
  });

  it("too many sign-ins: 429 rate_limited with Retry-After", async () => {
    vi.stubEnv("AUTH_RATE_LIMIT_PER_MINUTE", "2");
    auth.current = Promise.resolve(freshAuth());
    vi.unstubAllEnvs();
    let response: Response | undefined;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      response = await call("POST", "/sign-in/email", json({ email: ALICE.email, password: "wrong-password-1" }));
      if (response.status === 429) break;
    }
    await expectError(response!, 429, "rate_limited");
    expect(Number(response!.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("an unknown endpoint: 404 not_found", async () => {
    await expectError(await call("GET", "/no-such-endpoint"), 404, "not_found");
  });

  it("Better Auth failing: 503 unavailable, never a 500", async () => {
    auth.current = Promise.resolve({
      handler: () => Promise.reject(new Error("database gone")),
    } as unknown as Auth);
    await expectError(await call("POST", "/sign-in/email", json(ALICE)), 503, "unavailable");
    auth.current = Promise.resolve({
      handler: () => Promise.resolve(new Response(json({ message: "boom" }), { status: 500 })),
    } as unknown as Auth);
    const response = await call("POST", "/sign-in/email", json(ALICE));
    await expectError(response, 503, "unavailable");
    expect(response.headers.get("retry-after")).toBe("5");
  });

  it("success answers pass through as Better Auth gives them", async () => {
    const response = await call("POST", "/sign-up/email", json(ALICE));
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/session_token=/);
    expect(await response.json()).toMatchObject({ user: { email: ALICE.email }, token: expect.any(String) });
  });
});

describe("the Bearer JWT from GET /api/auth/token", () => {
  it("lives 15 minutes (as the README says)", async () => {
    const cookie = await signUp();
    const response = await call("GET", "/token", undefined, { cookie });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    const claims = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()) as { iat: number; exp: number };
    expect(claims.exp - claims.iat).toBe(15 * 60);
  });
});

describe("the sign-in and sign-up forms read the new answers as before", () => {
  const client = createAuthClient({
    baseURL: `${ORIGIN}/api/auth`,
    fetchOptions: {
      customFetchImpl: async (input, init) => {
        const request = new Request(input, init);
        request.headers.set("x-forwarded-for", `10.0.1.${ip}`);
        request.headers.set("origin", ORIGIN);
        const handlers = { GET, POST, DELETE } as Record<string, (request: Request) => Promise<Response>>;
        return handlers[request.method](request);
      },
    },
  });

  it("an e-mail that has an account: said on the e-mail field", async () => {
    await signUp();
    const { error } = await client.signUp.email(ALICE);
    expect(error?.status).toBe(409);
    expect(authErrorMessage("sign-up", error!)).toEqual({
      email: "An account with this e-mail already exists. Sign in instead?",
    });
  });

  it("a wrong password: said on the form", async () => {
    await signUp();
    const { error } = await client.signIn.email({ email: ALICE.email, password: "wrong-password-1" });
    expect(authErrorMessage("sign-in", error!)).toEqual({ form: "Wrong e-mail or password. Check both and try again." });
  });

  it("a short password: said on the password field", async () => {
    const { error } = await client.signUp.email({ ...ALICE, password: "short" });
    expect(error?.status).toBe(422);
    expect(authErrorMessage("sign-up", error!)).toEqual({ password: "Use at least 8 characters." });
  });

  it("a blank name: said on the name field", async () => {
    const { error } = await client.signUp.email({ ...ALICE, name: "  " });
    expect(error?.status).toBe(422);
    expect(authErrorMessage("sign-up", error!)).toEqual({ name: "Tell us what to call you." });
  });

  it("an address Better Auth refuses: said on the e-mail field", async () => {
    const { error } = await client.signIn.email({ email: "not-an-address", password: "x" });
    expect(authErrorMessage("sign-in", error!)).toEqual({ email: "Enter a valid e-mail address." });
  });
});
