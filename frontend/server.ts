/**
 * `npm start`: the production server. Next.js serves everything, as `next start` would,
 * except the public API requests that carry a Bearer token, which lib/forward-node.ts
 * forwards to the services itself (same rules as app/api/[...path]/route.ts, a quarter of
 * the CPU), and /api requests with a method no route handler has (TRACE...), which it
 * answers 405 with the path's methods (Next.js would give a bare 400 or 500). Compiled by `npm run build` (tsconfig.server.json) to build/server.js:
 *
 *   node build/server.js [--hostname HOST] [--port PORT]
 *
 * Options as `next start`'s: the port defaults to $PORT, then 3000; without a hostname it
 * listens on every interface. `next dev` does not use this file.
 */
import http from "node:http";
import path from "node:path";
import { createApiForwarder } from "./lib/forward-node";
import { log } from "./lib/log";
import { parseServerOptions } from "./lib/server-options";

async function main(): Promise<void> {
  const options = parseServerOptions(process.argv.slice(2), process.env);
  // As `next start` does before it loads Next.js.
  const env = process.env as Record<string, string | undefined>;
  env.NODE_ENV = env.NODE_ENV || "production";
  const { default: next } = await import("next");
  const { version } = (await import("next/package.json")) as { version: string };
  process.title = `next-server (v${version})`;

  const app = next({ dev: false, dir: path.join(__dirname, ".."), hostname: options.hostname, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const forwardApi = createApiForwarder();

  const server = http.createServer((req, res) => {
    if (forwardApi(req, res)) return;
    handle(req, res).catch((error: unknown) => {
      // As `next start` answers an error that escaped Next.js.
      log("error", `failed to handle request for ${req.url}`, { error: error instanceof Error ? error.stack : String(error) });
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end("Internal Server Error");
      }
    });
  });
  server.on("error", (error) => {
    log("error", "the server failed", { error: error.message });
    process.exit(1);
  });

  // Graceful stop, as `next start`: no new connections, the open requests finish, then
  // Next.js closes; exit 128 + the signal's number.
  let stopping = false;
  const stop = (signal: "SIGINT" | "SIGTERM") => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      app
        .close()
        .catch((error: unknown) => log("error", "closing Next.js failed", { error: String(error) }))
        .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  server.listen(options.port, options.hostname, () => {
    log("info", `ready on http://${options.hostname ?? "0.0.0.0"}:${options.port}`, { next: version });
  });
}

main().catch((error: unknown) => {
  log("error", "the server did not start", { error: error instanceof Error ? error.stack : String(error) });
  process.exit(1);
});
