import type http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { readText, sidecarRequest } from "./sidecar";
import { closedPort, json, startServer, type TestServer } from "./test-servers";

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function server(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const started = await startServer(handler);
  servers.push(started);
  return started;
}

function get(port: number, extra: Partial<Parameters<typeof sidecarRequest>[0]> = {}): Promise<http.IncomingMessage> {
  return sidecarRequest({ port: String(port), path: "/v1.0/x", method: "GET", headers: {}, body: null, ...extra });
}

describe("sidecarRequest", () => {
  it("sends the method, path, headers and body, with its length", async () => {
    const sidecar = await server((_req, res) => json(res, 201, { ok: true }));
    const answer = await sidecarRequest({
      port: String(sidecar.port),
      path: "/v1.0/invoke/task-service/method/api/tasks?limit=5",
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer t" },
      body: new TextEncoder().encode('{"title":"é"}'),
    });
    expect(answer.statusCode).toBe(201);
    expect(await readText(answer)).toBe('{"ok":true}');
    const [got] = sidecar.received;
    expect(got.method).toBe("POST");
    expect(got.url).toBe("/v1.0/invoke/task-service/method/api/tasks?limit=5");
    expect(got.body).toBe('{"title":"é"}');
    expect(got.headers["content-length"]).toBe("14");
    expect(got.headers.authorization).toBe("Bearer t");
  });

  it("sends a POST without a body as an empty one", async () => {
    const sidecar = await server((_req, res) => json(res, 200, {}));
    await readText(await get(sidecar.port, { method: "POST" }));
    expect(sidecar.received[0].headers["content-length"]).toBe("0");
    expect(sidecar.received[0].headers["transfer-encoding"]).toBeUndefined();
  });

  it("reuses its connection", async () => {
    const sidecar = await server((req, res) => json(res, 200, { port: req.socket.remotePort }));
    const first = JSON.parse(await readText(await get(sidecar.port)));
    const second = JSON.parse(await readText(await get(sidecar.port)));
    expect(second.port).toBe(first.port);
  });

  it("rejects when nothing listens", async () => {
    await expect(get(await closedPort())).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  it("rejects an invalid path at once", async () => {
    await expect(get(1, { path: "/a b" })).rejects.toThrow();
  });

  it("gives up on a silent sidecar after the idle timeout", async () => {
    const sidecar = await server(() => undefined); // never answers
    await expect(get(sidecar.port, { idleTimeoutMs: 50 })).rejects.toMatchObject({ code: "ETIMEDOUT" });
  });

  it("rejects when aborted", async () => {
    const sidecar = await server(() => undefined);
    const controller = new AbortController();
    const pending = get(sidecar.port, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  describe("a kept-alive connection the sidecar closed", () => {
    // Answers the first request on each connection; destroys the connection at the second,
    // as a sidecar that closed an idle connection just as it was reused.
    async function closingSidecar(): Promise<TestServer> {
      const seen = new WeakSet<object>();
      return server((req, res) => {
        if (seen.has(req.socket)) {
          req.socket.destroy();
          return;
        }
        seen.add(req.socket);
        json(res, 200, { n: 1 });
      });
    }

    it("is retried once on a new one for an idempotent request", async () => {
      const sidecar = await closingSidecar();
      await readText(await get(sidecar.port));
      const answer = await get(sidecar.port, { method: "DELETE" });
      expect(answer.statusCode).toBe(200);
      await readText(answer);
      expect(sidecar.received.map((r) => r.method)).toEqual(["GET", "DELETE", "DELETE"]);
    });

    it("is not retried for a POST", async () => {
      const sidecar = await closingSidecar();
      await readText(await get(sidecar.port));
      await expect(get(sidecar.port, { method: "POST" })).rejects.toMatchObject({ code: "ECONNRESET" });
      expect(sidecar.received.map((r) => r.method)).toEqual(["GET", "POST"]);
    });
  });
});
