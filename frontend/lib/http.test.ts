import { describe, expect, it } from "vitest";
import {
  ambiguousPath,
  daprClientError,
  MAX_BODY_BYTES,
  bearerAuthorization,
  daprErrorMessage,
  declaresTooLarge,
  describeFetchError,
  downstreamResponseHeaders,
  invokePath,
  isNullBodyStatus,
  jsonError,
  readBodyLimited,
  retryableOnNewConnection,
  upstreamRequestHeaders,
} from "./http";

function streamOf(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

describe("jsonError", () => {
  it("uses the API error shape", async () => {
    const response = jsonError(401, "unauthorized", "Sign in first.");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Sign in first." } });
  });

  it("adds extra headers", () => {
    expect(jsonError(503, "unavailable", "x", { "retry-after": "5" }).headers.get("retry-after")).toBe("5");
  });
});

describe("bearerAuthorization", () => {
  it("returns a Bearer header exactly as sent", () => {
    expect(bearerAuthorization(new Headers({ authorization: "Bearer abc.def.ghi" }))).toBe("Bearer abc.def.ghi");
    expect(bearerAuthorization(new Headers({ authorization: "bearer abc" }))).toBe("bearer abc");
  });

  it.each(["", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc", "Bearer a b"])("ignores %j", (value) => {
    expect(bearerAuthorization(new Headers(value ? { authorization: value } : {}))).toBeNull();
  });
});

describe("invokePath", () => {
  it("targets the local sidecar's invocation API", () => {
    expect(invokePath("task-service", "tasks/abc/complete", "")).toBe(
      "/v1.0/invoke/task-service/method/api/tasks/abc/complete",
    );
  });

  it("keeps the query string", () => {
    expect(invokePath("task-service", "tasks", "?status=all&tags=Work,Urgent")).toBe(
      "/v1.0/invoke/task-service/method/api/tasks?status=all&tags=Work,Urgent",
    );
    expect(invokePath("task-service", "tasks/abc", "?limit=5")).toBe("/v1.0/invoke/task-service/method/api/tasks/abc?limit=5");
  });
});

describe("upstreamRequestHeaders", () => {
  const incoming = new Headers({
    "content-type": "application/json",
    accept: "application/json",
    "idempotency-key": "k-1",
    "if-match": "3",
    traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    tracestate: "congo=t61rcWkgMzE",
    "x-request-id": "req-1",
    cookie: "better-auth.session_token=secret",
    authorization: "Bearer from-browser",
    host: "localhost:3000",
    "x-forwarded-for": "10.0.0.1",
    "dapr-api-token": "forged",
  });

  it("forwards the allow-listed headers and nothing else", () => {
    const out = upstreamRequestHeaders(incoming, {
      authorization: "Bearer minted",
      daprApiToken: "sidecar-token",
      requestId: "generated",
    });
    expect(out).toEqual({
      "content-type": "application/json",
      accept: "application/json",
      "idempotency-key": "k-1",
      "if-match": "3",
      traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
      tracestate: "congo=t61rcWkgMzE",
      "x-request-id": "req-1",
      authorization: "Bearer minted",
      "dapr-api-token": "sidecar-token",
    });
  });

  it("asks the sidecar for any type instead of an event stream and passes Last-Event-ID on", () => {
    const sse = new Headers({ accept: "text/event-stream", "last-event-id": "n-41" });
    const out = upstreamRequestHeaders(sse, { authorization: "Bearer t", requestId: "r" });
    expect(out.accept).toBe("*/*");
    expect(out["last-event-id"]).toBe("n-41");
  });

  it("adds a request id when the browser sent none and omits an empty Dapr token", () => {
    const out = upstreamRequestHeaders(new Headers(), { authorization: "Bearer t", daprApiToken: "", requestId: "gen-1" });
    expect(out).toEqual({ authorization: "Bearer t", "x-request-id": "gen-1" });
  });

  it("keeps an empty x-request-id as sent", () => {
    const out = upstreamRequestHeaders(new Headers({ "x-request-id": "" }), { authorization: "Bearer t", requestId: "gen-1" });
    expect(out["x-request-id"]).toBe("");
  });
});

describe("downstreamResponseHeaders", () => {
  it("copies only the headers that matter", () => {
    const upstream = new Headers({
      "content-type": "application/json",
      etag: '"7"',
      "retry-after": "30",
      location: "/api/tasks/abc",
      allow: "GET, HEAD, POST",
      "content-length": "12",
      "content-encoding": "gzip",
      "set-cookie": "x=y",
      server: "uvicorn",
      traceparent: "00-abc",
    });
    expect(downstreamResponseHeaders(upstream, "req-9")).toEqual({
      "content-type": "application/json",
      etag: '"7"',
      "retry-after": "30",
      location: "/api/tasks/abc",
      allow: "GET, HEAD, POST",
      "x-request-id": "req-9",
    });
  });

  it("reads node:http's header object the same way", () => {
    const upstream = {
      "content-type": "application/json",
      etag: '"7"',
      "content-length": "12",
      "set-cookie": ["x=y", "z=w"],
      "cache-control": ["no-store", "private"],
      location: undefined,
    };
    expect(downstreamResponseHeaders(upstream, "req-9")).toEqual({
      "content-type": "application/json",
      etag: '"7"',
      "cache-control": "no-store, private",
      "x-request-id": "req-9",
    });
    expect(downstreamResponseHeaders({ "x-request-id": "svc-1" }, "req-9")["x-request-id"]).toBe("svc-1");
  });

  it("marks event streams as not to be buffered or compressed", () => {
    const out = downstreamResponseHeaders(new Headers({ "content-type": "text/event-stream; charset=utf-8" }));
    expect(out["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(out["cache-control"]).toBe("no-cache, no-transform");
    expect(out["x-accel-buffering"]).toBe("no");
  });
});

describe("body limits", () => {
  it("flags a declared Content-Length over 1 MiB", () => {
    expect(declaresTooLarge(new Headers({ "content-length": String(MAX_BODY_BYTES + 1) }))).toBe(true);
    expect(declaresTooLarge(new Headers({ "content-length": String(MAX_BODY_BYTES) }))).toBe(false);
    expect(declaresTooLarge(new Headers())).toBe(false);
    expect(declaresTooLarge(new Headers({ "content-length": "junk" }))).toBe(false);
  });

  it("reads a body up to the limit", async () => {
    const result = await readBodyLimited(streamOf(new Uint8Array([1, 2]), new Uint8Array([3])), 3);
    expect(result).toEqual({ ok: true, body: new Uint8Array([1, 2, 3]) });
  });

  it("refuses a body over the limit", async () => {
    const result = await readBodyLimited(streamOf(new Uint8Array(2), new Uint8Array(2)), 3);
    expect(result).toEqual({ ok: false });
  });

  it("refuses a streamed body over 1 MiB by default", async () => {
    const chunk = new Uint8Array(256 * 1024);
    expect(await readBodyLimited(streamOf(chunk, chunk, chunk, chunk, new Uint8Array(1)))).toEqual({ ok: false });
  });

  it("treats a missing or empty body as none", async () => {
    expect(await readBodyLimited(null)).toEqual({ ok: true, body: null });
    expect(await readBodyLimited(streamOf())).toEqual({ ok: true, body: null });
  });
});

describe("isNullBodyStatus", () => {
  it.each([[204, true], [304, true], [200, false], [404, false]])("%i → %s", (status, expected) => {
    expect(isNullBodyStatus(status)).toBe(expected);
  });
});

describe("daprErrorMessage", () => {
  it("recognises Dapr's own invocation errors", () => {
    expect(daprErrorMessage('{"errorCode":"ERR_DIRECT_INVOKE","message":"failed to invoke"}')).toBe(
      "ERR_DIRECT_INVOKE: failed to invoke",
    );
  });

  it.each(['{"error":{"code":"conflict","message":"x"}}', "not json", "null", '{"errorCode":"OTHER"}'])(
    "leaves %j alone",
    (text) => {
      expect(daprErrorMessage(text)).toBeNull();
    },
  );
});

describe("describeFetchError", () => {
  it("includes undici's cause code", () => {
    const error = new TypeError("fetch failed", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) });
    expect(describeFetchError(error)).toBe("fetch failed (ECONNREFUSED)");
  });

  it("includes node's own error code once", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:3500"), { code: "ECONNREFUSED" });
    expect(describeFetchError(refused)).toBe("connect ECONNREFUSED 127.0.0.1:3500");
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    expect(describeFetchError(reset)).toBe("socket hang up (ECONNRESET)");
    expect(describeFetchError("odd")).toBe("odd");
  });
});

describe("retryableOnNewConnection", () => {
  const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
  const pipe = Object.assign(new Error("write EPIPE"), { code: "EPIPE" });

  it.each(["GET", "HEAD", "PUT", "DELETE", "get"])("retries an idempotent %s on a closed connection", (method) => {
    expect(retryableOnNewConnection(method, reset)).toBe(true);
    expect(retryableOnNewConnection(method, pipe)).toBe(true);
  });

  it("never sends a POST or PATCH twice", () => {
    expect(retryableOnNewConnection("POST", reset)).toBe(false);
    expect(retryableOnNewConnection("PATCH", reset)).toBe(false);
  });

  it("does not retry other failures", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(retryableOnNewConnection("GET", refused)).toBe(false);
    expect(retryableOnNewConnection("GET", new Error("aborted"))).toBe(false);
  });
});

describe("ambiguousPath", () => {
  it("passes ordinary ids and nested paths", () => {
    expect(ambiguousPath("tasks/0b6f2c1e-9d7a-4c1b-8e0f-3a2b1c4d5e6f/complete")).toBe(false);
    expect(ambiguousPath("recurrence/preview")).toBe(false);
    expect(ambiguousPath("tasks/caf%C3%A9")).toBe(false);
  });

  it("refuses segments the sidecar would read another way", () => {
    expect(ambiguousPath("tasks/a%23b/complete")).toBe(true); // '#'
    expect(ambiguousPath("tasks/a%3Fb")).toBe(true); // '?'
    expect(ambiguousPath("tasks/a%2Fb")).toBe(true); // '/'
    expect(ambiguousPath("tasks/a%2523")).toBe(true); // '%', decoded twice
    expect(ambiguousPath("tasks/a%09b")).toBe(true); // a control character
    expect(ambiguousPath("tasks/%E0%A4%A")).toBe(true); // does not decode
  });
});

describe("daprClientError", () => {
  it("keeps the status and names it in the API's codes", () => {
    expect(daprClientError(431).code).toBe("validation_error");
    expect(daprClientError(404).code).toBe("not_found");
    expect(daprClientError(413).code).toBe("payload_too_large");
    expect(daprClientError(403)).toEqual({ code: "validation_error", message: "The request was refused." });
  });
});
