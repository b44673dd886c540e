import { afterEach, describe, expect, it, vi } from "vitest";
import { readDaprSecret, readSecret } from "./secrets";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("readDaprSecret", () => {
  it("asks the local sidecar's secret store with the Dapr API token", async () => {
    const fetchImpl = vi.fn(async () => Response.json({ "auth-db-url": "postgresql://u@h/db" }));
    const value = await readDaprSecret("auth-db-url", {
      daprHttpPort: "3555",
      daprApiToken: "tok",
      fetchImpl: fetchImpl as unknown as typeof fetch,
    });
    expect(value).toBe("postgresql://u@h/db");
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("http://127.0.0.1:3555/v1.0/secrets/secretstore/auth-db-url");
    expect((init.headers as Record<string, string>)["dapr-api-token"]).toBe("tok");
  });

  it("retries while the sidecar starts", async () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    let calls = 0;
    const fetchImpl = vi.fn(async () => {
      calls += 1;
      if (calls === 1) throw new TypeError("fetch failed");
      if (calls === 2) return new Response("not ready", { status: 500 });
      return Response.json({ s: "v" });
    });
    const value = await readDaprSecret("s", {
      daprHttpPort: "1",
      retryDelayMs: 1,
      timeoutMs: 5_000,
      fetchImpl: fetchImpl as unknown as typeof fetch,
    });
    expect(value).toBe("v");
    expect(calls).toBe(3);
  });

  it("gives up after the timeout with the last error", async () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const fetchImpl = vi.fn(async () => new Response("nope", { status: 403 }));
    await expect(
      readDaprSecret("s", { daprHttpPort: "1", retryDelayMs: 5, timeoutMs: 20, fetchImpl: fetchImpl as unknown as typeof fetch }),
    ).rejects.toThrow(/Could not read secret "s".*HTTP 403/);
  });
});

describe("readSecret", () => {
  it("prefers the dev-only environment override", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.stubEnv("TEST_SECRET_OVERRIDE", "from-env");
    const fetchImpl = vi.fn();
    expect(await readSecret("s", "TEST_SECRET_OVERRIDE", { fetchImpl: fetchImpl as unknown as typeof fetch })).toBe("from-env");
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});
