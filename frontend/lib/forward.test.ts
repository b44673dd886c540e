/**
 * The forwarding rules, checked through both ways a request can take: the catch-all route
 * handler (app/api/[...path]/route.ts, called with a Fetch API Request) and the server's
 * fast path for Bearer requests (lib/forward-node.ts, over real HTTP), each against a
 * stand-in sidecar. Both must answer alike.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { autoImplementMethods } from "next/dist/server/route-modules/app-route/helpers/auto-implement-methods";
import type { AppRouteHandlers } from "next/dist/server/route-modules/app-route/module";
import * as route from "@/app/api/[...path]/route";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as healthRoute from "@/app/api/health/route";
import { createApiForwarder, fastPathRequest, readNodeBodyLimited } from "./forward-node";
import { MAX_BODY_BYTES } from "./http";
import { closedPort, json, startServer, type Handler, type TestServer } from "./test-servers";

interface Call {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body without a Content-Length (chunked). */
  chunked?: boolean;
  signal?: AbortSignal;
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

type Caller = (path: string, call?: Call) => Promise<Reply>;

const TOKEN = "Bearer header.payload.signature";

// --- the route handler, called as Next.js calls it -------------------------------------

const routeCaller: Caller = async (path, call = {}) => {
  const method = call.method ?? "GET";
  const handler = (route as unknown as Record<string, (request: Request) => Promise<Response>>)[method];
  let body: BodyInit | undefined;
  if (call.body !== undefined) {
    const bytes = typeof call.body === "string" ? new TextEncoder().encode(call.body) : new Uint8Array(call.body);
    body = call.chunked
      ? new ReadableStream({
          start(controller) {
            for (let i = 0; i < bytes.byteLength; i += 65536) controller.enqueue(bytes.slice(i, i + 65536));
            controller.close();
          },
        })
      : bytes;
  }
  const headers = new Headers(call.headers);
  if (call.body !== undefined && !call.chunked) headers.set("content-length", String(Buffer.byteLength(call.body)));
  const request = new Request(`http://localhost:3000${path}`, {
    method,
    headers,
    body,
    signal: call.signal,
    ...(body ? { duplex: "half" } : {}),
  } as RequestInit);
  const response = await handler(request);
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  };
};

// --- the fast path, over HTTP; what it leaves to Next.js answers 418 "next" -----------------

let front: http.Server;
let frontPort = 0;

beforeAll(async () => {
  const forward = createApiForwarder();
  front = http.createServer((req, res) => {
    if (forward(req, res)) return;
    res.writeHead(418, { "content-type": "text/plain" });
    res.end("next");
  });
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  frontPort = (front.address() as AddressInfo).port;
});

afterAll(async () => {
  front.closeAllConnections();
  await new Promise<void>((resolve) => front.close(() => resolve()));
});

function rawCall(path: string, call: Call = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...call.headers };
    if (call.body !== undefined && !call.chunked) headers["content-length"] = String(Buffer.byteLength(call.body));
    const req = http.request(
      { host: "127.0.0.1", port: frontPort, path, method: call.method ?? "GET", headers, signal: call.signal, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (call.body !== undefined && call.chunked) {
      const bytes = typeof call.body === "string" ? Buffer.from(call.body) : call.body;
      for (let i = 0; i < bytes.byteLength; i += 65536) req.write(bytes.subarray(i, i + 65536));
      req.end();
    } else {
      req.end(call.body);
    }
  });
}

/**
 * Headers as the route's Response shows them: the forwarder's, without the server's own
 * (node's framing; the compression middleware's Vary, which Next.js adds to the route's too).
 */
const SERVER_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "vary"]);

const fastCaller: Caller = async (path, call = {}) => {
  const reply = await rawCall(path, call);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.headers)) {
    if (!SERVER_HEADERS.has(name) && value !== undefined) headers[name] = String(value);
  }
  return { status: reply.status, headers, body: reply.body.toString() };
};

// --- the stand-in sidecar ----------------------------------------------------------------

let sidecar: TestServer | null = null;

async function sidecarAnswering(handler: Handler): Promise<TestServer> {
  sidecar = await startServer(handler);
  process.env.DAPR_HTTP_PORT = String(sidecar.port);
  process.env.DAPR_API_TOKEN = "sidecar-token";
  return sidecar;
}

afterEach(async () => {
  await sidecar?.close();
  sidecar = null;
});

const TASK = { id: "t1", title: "Water plants" };

describe.each([
  ["the route handler", routeCaller],
  ["the fast path", fastCaller],
])("forwarding through %s", (name, call) => {
  it("invokes the owning service with the allow-listed headers and passes its answer on", async () => {
    const side = await sidecarAnswering((_req, res) =>
      json(res, 200, { items: [TASK] }, { etag: '"3"', server: "uvicorn", "set-cookie": "x=y", traceparent: "00-x" }),
    );
    const reply = await call("/api/tasks?limit=5&tags=Work,Home", {
      headers: {
        authorization: TOKEN,
        cookie: "better-auth.session_token=secret",
        "x-request-id": "req-1",
        "idempotency-key": "k-1",
        "x-forwarded-for": "10.0.0.1",
        "dapr-api-token": "forged",
        accept: "application/json",
      },
    });
    expect(reply).toEqual({
      status: 200,
      headers: { "content-type": "application/json", etag: '"3"', "x-request-id": "req-1" },
      body: JSON.stringify({ items: [TASK] }),
    });
    expect(side.received).toHaveLength(1);
    const [got] = side.received;
    expect(got.method).toBe("GET");
    expect(got.url).toBe("/v1.0/invoke/task-service/method/api/tasks?limit=5&tags=Work,Home");
    expect(got.headers).toMatchObject({
      authorization: TOKEN,
      "dapr-api-token": "sidecar-token",
      "x-request-id": "req-1",
      "idempotency-key": "k-1",
      accept: "application/json",
    });
    expect(got.headers.cookie).toBeUndefined();
    expect(got.headers["x-forwarded-for"]).toBeUndefined();
  });

  it("gives a request without an id one of its own, sent on and returned", async () => {
    const side = await sidecarAnswering((_req, res) => json(res, 200, {}));
    const reply = await call("/api/stats?days=30", { headers: { authorization: TOKEN } });
    const sent = side.received[0].headers["x-request-id"];
    expect(sent).toMatch(/^[0-9a-f-]{36}$/);
    expect(reply.headers["x-request-id"]).toBe(sent);
    expect(side.received[0].url).toBe("/v1.0/invoke/audit-service/method/api/stats?days=30");
  });

  it("sends a body on and keeps the service's status and Location", async () => {
    const side = await sidecarAnswering((_req, res) => json(res, 201, TASK, { location: "/api/tasks/t1" }));
    const body = JSON.stringify({ title: "Water plants ✓" });
    const reply = await call("/api/tasks", {
      method: "POST",
      headers: { authorization: TOKEN, "content-type": "application/json" },
      body,
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.location).toBe("/api/tasks/t1");
    expect(side.received[0].body).toBe(body);
    expect(side.received[0].headers["content-type"]).toBe("application/json");
  });

  it("passes a PATCH's If-Match on", async () => {
    const side = await sidecarAnswering((_req, res) => json(res, 200, TASK));
    await call("/api/tasks/t1", {
      method: "PATCH",
      headers: { authorization: TOKEN, "content-type": "application/json", "if-match": "3" },
      body: "{}",
    });
    expect(side.received[0].headers["if-match"]).toBe("3");
    expect(side.received[0].method).toBe("PATCH");
  });

  it("passes complete's and reopen's If-Match on", async () => {
    const side = await sidecarAnswering((_req, res) => json(res, 200, TASK));
    for (const action of ["complete", "reopen"]) {
      await call(`/api/tasks/t1/${action}`, { method: "POST", headers: { authorization: TOKEN, "if-match": '"3"' } });
    }
    expect(side.received.map((r) => [r.method, r.headers["if-match"]])).toEqual([
      ["POST", '"3"'],
      ["POST", '"3"'],
    ]);
  });

  it("passes a 405's Allow on, which names the methods the path has", async () => {
    const refused = { error: { code: "method_not_allowed", message: "PUT is not allowed here." } };
    await sidecarAnswering((_req, res) => json(res, 405, refused, { allow: "GET, HEAD, POST" }));
    const reply = await call("/api/tasks", { method: "PUT", headers: { authorization: TOKEN }, body: "{}" });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe("GET, HEAD, POST");
    expect(JSON.parse(reply.body)).toEqual(refused);
  });

  it("answers a 204 without a body", async () => {
    await sidecarAnswering((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const reply = await call("/api/tasks/t1", { method: "DELETE", headers: { authorization: TOKEN } });
    expect(reply.status).toBe(204);
    expect(reply.body).toBe("");
  });

  it("answers 404 for a path the sidecar would read another way, without calling it", async () => {
    const side = await sidecarAnswering((_req, res) => json(res, 200, {}));
    const reply = await call("/api/tasks/a%23b/complete", { method: "POST", headers: { authorization: TOKEN } });
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body)).toEqual({
      error: { code: "not_found", message: "There is no API endpoint at /api/tasks/a%23b/complete." },
    });
    expect(reply.headers["cache-control"]).toBe("no-store");
    expect(side.received).toHaveLength(0);
  });

  it("answers 413 for a declared body over 1 MiB", async () => {
    const side = await sidecarAnswering((_req, res) => json(res, 201, {}));
    const reply = await call("/api/tasks", {
      method: "POST",
      headers: { authorization: TOKEN, "content-type": "application/json" },
      body: Buffer.alloc(MAX_BODY_BYTES + 1, 0x20),
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error.code).toBe("payload_too_large");
    expect(side.received).toHaveLength(0);
  });

  it("answers 413 for a streamed body that passes 1 MiB", async () => {
    const side = await sidecarAnswering((_req, res) => json(res, 201, {}));
    const reply = await call("/api/tasks", {
      method: "POST",
      headers: { authorization: TOKEN, "content-type": "application/json" },
      body: Buffer.alloc(MAX_BODY_BYTES + 1, 0x20),
      chunked: true,
    });
    expect(reply.status).toBe(413);
    expect(side.received).toHaveLength(0);
  });

  it("forwards a body of exactly 1 MiB", async () => {
    const side = await sidecarAnswering((_req, res) => json(res, 201, {}));
    const reply = await call("/api/tasks", {
      method: "POST",
      headers: { authorization: TOKEN, "content-type": "application/json" },
      body: Buffer.alloc(MAX_BODY_BYTES, 0x20),
      chunked: true,
    });
    expect(reply.status).toBe(201);
    expect(side.received[0].body).toHaveLength(MAX_BODY_BYTES);
  });

  it("answers 503 with Retry-After when the sidecar is not there", async () => {
    process.env.DAPR_HTTP_PORT = String(await closedPort());
    const reply = await call("/api/notifications", { headers: { authorization: TOKEN } });
    expect(reply.status).toBe(503);
    expect(reply.headers["retry-after"]).toBe("5");
    expect(JSON.parse(reply.body)).toEqual({
      error: { code: "unavailable", message: "The notifications service is unavailable right now; try again shortly." },
    });
  });

  it("answers 503 for a failed invocation (Dapr's own 5xx)", async () => {
    await sidecarAnswering((_req, res) =>
      json(res, 500, { errorCode: "ERR_DIRECT_INVOKE", message: "failed to invoke, id: task-service" }),
    );
    const reply = await call("/api/tasks", { headers: { authorization: TOKEN } });
    expect(reply.status).toBe(503);
    expect(reply.headers["retry-after"]).toBe("5");
    expect(JSON.parse(reply.body).error.code).toBe("unavailable");
  });

  it("keeps the status of Dapr's own refusal, in the API's error shape", async () => {
    await sidecarAnswering((_req, res) => json(res, 431, { errorCode: "ERR_HEADERS_TOO_LARGE", message: "x" }));
    const reply = await call("/api/tasks", { headers: { authorization: TOKEN } });
    expect(reply.status).toBe(431);
    expect(JSON.parse(reply.body)).toEqual({
      error: { code: "validation_error", message: "The request's address or headers are too long." },
    });
  });

  it("passes the service's own errors on as they are", async () => {
    const error = { error: { code: "conflict", message: "Idempotency-Key reused", fields: { key: "k" } } };
    await sidecarAnswering((_req, res) => json(res, 409, error, { "x-request-id": "svc-7" }));
    const reply = await call("/api/tasks", { method: "POST", headers: { authorization: TOKEN }, body: "{}" });
    expect(reply).toEqual({
      status: 409,
      headers: { "content-type": "application/json", "x-request-id": "svc-7" },
      body: JSON.stringify(error),
    });
  });

  it("passes the service's 401 on with its WWW-Authenticate challenge (an expired token)", async () => {
    const message = "The bearer token has expired; get a new one from GET /api/auth/token.";
    const challenge = `Bearer error="invalid_token", error_description="${message}"`;
    await sidecarAnswering((_req, res) =>
      json(res, 401, { error: { code: "unauthorized", message } }, { "www-authenticate": challenge }),
    );
    const reply = await call("/api/tasks", { headers: { authorization: TOKEN } });
    expect(reply.status).toBe(401);
    expect(reply.headers["www-authenticate"]).toBe(challenge);
    expect(JSON.parse(reply.body)).toEqual({ error: { code: "unauthorized", message } });
  });

  it("passes a 429's Retry-After on", async () => {
    await sidecarAnswering((_req, res) => json(res, 429, { error: { code: "rate_limited", message: "x" } }, { "retry-after": "2" }));
    const reply = await call("/api/tasks", { headers: { authorization: TOKEN } });
    expect(reply.status).toBe(429);
    expect(reply.headers["retry-after"]).toBe("2");
  });

  it("streams an event stream, asking the sidecar for any type", async () => {
    let finish = () => {};
    const side = await sidecarAnswering((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store" });
      res.write("id: n-1\ndata: {}\n\n");
      finish = () => res.end("id: n-2\ndata: {}\n\n");
    });
    const pending = call("/api/notifications/stream", {
      headers: { authorization: TOKEN, accept: "text/event-stream", "last-event-id": "n-0" },
    });
    // The stream is still open: the first event must not wait for its end.
    await new Promise((resolve) => setTimeout(resolve, 50));
    finish();
    const reply = await pending;
    expect(reply.status).toBe(200);
    expect(reply.headers).toEqual({
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
      "x-request-id": expect.any(String),
    });
    expect(reply.body).toBe("id: n-1\ndata: {}\n\nid: n-2\ndata: {}\n\n");
    expect(side.received[0].headers.accept).toBe("*/*");
    expect(side.received[0].headers["last-event-id"]).toBe("n-0");
  });

  it("drops the call to the sidecar when the browser goes away", async () => {
    let closed: () => void = () => {};
    const sidecarSawClose = new Promise<void>((resolve) => (closed = resolve));
    await sidecarAnswering((_req, res) => res.on("close", () => closed())); // never answers
    const controller = new AbortController();
    const pending = call("/api/tasks", { headers: { authorization: TOKEN }, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const reply = await pending.catch((error: unknown) => error);
    await sidecarSawClose;
    // The route answers 499 to a browser that is gone; over HTTP nobody is left to read it.
    if (name === "the route handler") expect((reply as Reply).status).toBe(499);
    else expect(reply).toMatchObject({ name: "AbortError" });
  });
});

describe("the route handler alone", () => {
  it("answers 401 without a token or a session cookie", async () => {
    const reply = await routeCaller("/api/tasks");
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toEqual({ error: { code: "unauthorized", message: "Sign in first." } });
    // RFC 6750 3.1: no credentials, so the challenge carries no error code.
    expect(reply.headers["www-authenticate"]).toBe("Bearer");
  });

  it("answers 401 invalid_token for an Authorization header that is no usable Bearer token", async () => {
    const message = "The bearer token is not valid.";
    for (const authorization of ["Bearer two parts", "Bearer\ttoken\tmore"]) {
      const reply = await routeCaller("/api/tasks", { headers: { authorization } });
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toEqual({ error: { code: "unauthorized", message } });
      expect(reply.headers["www-authenticate"]).toBe(`Bearer error="invalid_token", error_description="${message}"`);
    }
  });

  it("answers a plain 401 for another scheme or an empty Bearer header", async () => {
    for (const authorization of ["Basic dTpw", "Bearer "]) {
      const reply = await routeCaller("/api/tasks", { headers: { authorization } });
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body).error.message).toBe("Sign in first.");
      expect(reply.headers["www-authenticate"]).toBe("Bearer");
    }
  });

  it("answers 404 for an unknown prefix", async () => {
    const reply = await routeCaller("/api/nothing", { headers: { authorization: TOKEN } });
    expect(reply.status).toBe(404);
  });

  it("asks the service which methods a path has for OPTIONS (Next.js would list every export)", async () => {
    const side = await sidecarAnswering((_req, res) => {
      res.writeHead(204, { allow: "GET, HEAD, OPTIONS, POST" });
      res.end();
    });
    const reply = await routeCaller("/api/tasks", { method: "OPTIONS", headers: { authorization: TOKEN } });
    expect(reply.status).toBe(204);
    expect(reply.headers.allow).toBe("GET, HEAD, OPTIONS, POST");
    expect(side.received[0].method).toBe("OPTIONS");
  });
  it("answers OPTIONS without credentials: the service lists the path's methods, no token sent on", async () => {
    const side = await sidecarAnswering((_req, res) => {
      res.writeHead(204, { allow: "GET, HEAD, OPTIONS, POST" });
      res.end();
    });
    const sent: Record<string, string>[] = [{}, { authorization: "Basic dTpw" }, { authorization: TOKEN }];
    for (const headers of sent) {
      const reply = await routeCaller("/api/tasks", { method: "OPTIONS", headers });
      expect(reply.status).toBe(204);
      expect(reply.headers.allow).toBe("GET, HEAD, OPTIONS, POST");
    }
    expect(side.received.map((r) => [r.method, r.headers.authorization])).toEqual([
      ["OPTIONS", undefined],
      ["OPTIONS", undefined],
      ["OPTIONS", undefined],
    ]);
  });
});

describe("the fast path alone", () => {
  it("compresses for a browser that accepts gzip, as Next.js does", async () => {
    const big = { items: Array.from({ length: 40 }, (_, i) => ({ ...TASK, id: `t${i}` })) };
    await sidecarAnswering((_req, res) => json(res, 200, big));
    const reply = await rawCall("/api/tasks", { headers: { authorization: TOKEN, "accept-encoding": "gzip, deflate, br" } });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-encoding"]).toBe("gzip");
    expect(reply.headers.vary).toBe("Accept-Encoding");
    expect(JSON.parse(gunzipSync(reply.body).toString())).toEqual(big);
  });

  it("compresses an error answer too, as Next.js does", async () => {
    await sidecarAnswering((_req, res) => json(res, 500, { errorCode: "ERR_DIRECT_INVOKE" }));
    const reply = await rawCall("/api/tasks", { headers: { authorization: TOKEN, "accept-encoding": "gzip" } });
    expect(reply.status).toBe(503);
    expect(reply.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(reply.body).toString()).error.code).toBe("unavailable");
  });

  it("leaves an event stream uncompressed", async () => {
    await sidecarAnswering((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end("data: " + "x".repeat(4000) + "\n\n");
    });
    const reply = await rawCall("/api/notifications/stream", { headers: { authorization: TOKEN, "accept-encoding": "gzip" } });
    expect(reply.headers["content-encoding"]).toBeUndefined();
    expect(reply.body.toString()).toContain("data: xxx");
  });

  it.each([
    ["TRACE", "/api/tasks", {}],
    ["PROPFIND", "/api/tasks/t1", { authorization: TOKEN }],
    ["TRACE", "/api/tasks/t1/complete?x=1", { cookie: "better-auth.session_token=s" }],
  ])("answers %s %s with API.md's 405 and the path's methods, never sending the method on", async (method, path, headers) => {
    const side = await sidecarAnswering((_req, res) => {
      res.writeHead(204, { allow: "GET, HEAD, OPTIONS, POST" });
      res.end();
    });
    const reply = await fastCaller(path, { method, headers });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe("GET, HEAD, OPTIONS, POST");
    expect(reply.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(reply.body)).toEqual({
      error: { code: "method_not_allowed", message: `${method} is not allowed here.` },
    });
    // Dapr 1.16 turns a verb it does not know into POST: only the service's OPTIONS is asked.
    expect(side.received.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([
      ["OPTIONS", `/v1.0/invoke/task-service/method${path.split("?")[0]}`, undefined],
    ]);
  });

  it.each([
    ["/api/health", healthRoute],
    ["/api/auth/sign-in/email", authRoute],
  ])("answers an unknown method on %s with what Next.js's OPTIONS lists for its route", async (path, module) => {
    const side = await sidecarAnswering((_req, res) => json(res, 200, {}));
    const options = autoImplementMethods(module as unknown as AppRouteHandlers).OPTIONS as unknown as () => Response;
    const reply = await fastCaller(path, { method: "TRACE" });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe(options().headers.get("allow"));
    expect(JSON.parse(reply.body).error.code).toBe("method_not_allowed");
    expect(side.received).toHaveLength(0);
  });

  it.each(["/", "/tasks", "/_next/static/x.js"])("answers TRACE on %s 405 with Allow: GET, HEAD (Next.js: 500)", async (path) => {
    const reply = await rawCall(path, { method: "TRACE" });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe("GET, HEAD");
    expect(reply.body.toString()).toBe("TRACE is not allowed here.\n");
  });

  it("answers an unknown method on a path nobody has, or while the service is away, as any request", async () => {
    let reply = await fastCaller("/api/nothing", { method: "TRACE" });
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body).error.code).toBe("not_found");
    await sidecarAnswering((_req, res) => json(res, 404, { error: { code: "not_found", message: "Not found." } }));
    reply = await fastCaller("/api/tasks/t1/nothing", { method: "TRACE" });
    expect(reply.status).toBe(404);
    await sidecar?.close();
    sidecar = null;
    process.env.DAPR_HTTP_PORT = String(await closedPort());
    reply = await fastCaller("/api/tasks", { method: "TRACE" });
    expect(reply.status).toBe(503);
    expect(reply.headers["retry-after"]).toBe("5");
  });

  it.each([
    ["a session cookie instead of a token", "GET", "/api/tasks", { cookie: "better-auth.session_token=s" }],
    ["a HEAD", "HEAD", "/api/tasks", { authorization: TOKEN }],
    ["an OPTIONS", "OPTIONS", "/api/tasks", { authorization: TOKEN }],
    ["Better Auth", "GET", "/api/auth/token", { authorization: TOKEN }],
    ["the health check", "GET", "/api/health", { authorization: TOKEN }],
    ["an unknown prefix", "GET", "/api/nothing", { authorization: TOKEN }],
    ["a trailing slash", "GET", "/api/tasks/", { authorization: TOKEN }],
    ["an empty segment", "GET", "/api//tasks", { authorization: TOKEN }],
    ["a dot segment", "GET", "/api/tasks/../stats", { authorization: TOKEN }],
    ["an escaped dot segment", "GET", "/api/tasks/%2e%2e/stats", { authorization: TOKEN }],
    ["a page", "GET", "/tasks", { authorization: TOKEN }],
  ])("leaves %s to Next.js", async (_what, method, path, headers) => {
    const side = await sidecarAnswering((_req, res) => json(res, 200, {}));
    const reply = await rawCall(path, { method, headers });
    expect(reply.status).toBe(418);
    expect(side.received).toHaveLength(0);
  });
});

describe("fastPathRequest", () => {
  const bearer = { authorization: TOKEN };

  it("takes a Bearer request to a known prefix, path and query as sent", () => {
    expect(fastPathRequest("GET", "/api/tasks?limit=5&tags=a,b", bearer)).toEqual({
      pathname: "/api/tasks",
      search: "?limit=5&tags=a,b",
      authorization: TOKEN,
    });
    expect(fastPathRequest("POST", "/api/tasks/caf%C3%A9/complete", bearer)?.pathname).toBe("/api/tasks/caf%C3%A9/complete");
    expect(fastPathRequest("DELETE", "/api/mcp", { authorization: "bearer x" })?.authorization).toBe("bearer x");
  });

  it.each([
    ["/api/tasks?q=a b"],
    ['/api/tasks?q="x"'],
    ["/api/tasks?"],
    ["/api/tasks/a\\b"],
    ["/api/tasks/./a"],
    ["/api/tasks/%2E%2E"],
    ["/api/tasks/é"],
    ["http://localhost/api/tasks"],
    ["/apis/tasks"],
    ["/api/"],
  ])("leaves %j to Next.js, which normalises it first", (url) => {
    expect(fastPathRequest("GET", url, bearer)).toBeNull();
  });

  it("leaves a request without a usable Bearer token to Next.js", () => {
    expect(fastPathRequest("GET", "/api/tasks", {})).toBeNull();
    expect(fastPathRequest("GET", "/api/tasks", { authorization: "Basic dXNlcjpwYXNz" })).toBeNull();
    expect(fastPathRequest("GET", "/api/tasks", { authorization: "Bearer a b" })).toBeNull();
    expect(fastPathRequest(undefined, "/api/tasks", bearer)).toBeNull();
    expect(fastPathRequest("GET", undefined, bearer)).toBeNull();
  });
});

describe("readNodeBodyLimited", () => {
  async function fromChunks(...chunks: Buffer[]) {
    const { PassThrough } = await import("node:stream");
    const stream = new PassThrough();
    const result = readNodeBodyLimited(stream, 3);
    for (const chunk of chunks) stream.write(chunk);
    stream.end();
    return { stream, result: await result };
  }

  it("reads a body up to the limit", async () => {
    expect((await fromChunks(Buffer.from([1, 2]), Buffer.from([3]))).result).toEqual({
      ok: true,
      body: Buffer.from([1, 2, 3]),
    });
  });

  it("refuses a body over the limit and drains the rest", async () => {
    const { stream, result } = await fromChunks(Buffer.alloc(2), Buffer.alloc(2), Buffer.alloc(5));
    expect(result).toEqual({ ok: false });
    expect(stream.readableFlowing).toBe(true);
  });

  it("treats an empty body as none", async () => {
    expect((await fromChunks()).result).toEqual({ ok: true, body: null });
  });

  it("rejects a body cut short", async () => {
    const { PassThrough } = await import("node:stream");
    const stream = new PassThrough();
    const result = readNodeBodyLimited(stream, 10);
    stream.write(Buffer.alloc(2));
    stream.destroy();
    await expect(result).rejects.toThrow();
  });
});
