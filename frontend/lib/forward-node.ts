/**
 * The server's fast path (server.ts): a public /api/<prefix>/... request that carries a
 * Bearer token is forwarded straight from node's request to node's response, by the same
 * rules as the route handler (lib/forward.ts), without Next.js's per-request machinery
 * (routing, the app-route runtime, Request/Response and web-stream adapters): about a
 * quarter of the CPU of the same request through app/api/[...path]/route.ts.
 *
 * It also answers an /api request whose method no route handler exports (TRACE, PROPFIND...),
 * which Next.js would answer with a bare 400 or 500: 405 in API.md's shape with `Allow`
 * (lib/forward.ts methodNotAllowed); and TRACE on any other path (a page: Next.js's 500) with a
 * plain 405, `Allow: GET, HEAD`.
 *
 * Everything else goes to Next.js: the session-cookie requests (they need Better Auth,
 * which lives in the Next.js bundle), /api/auth/*, /api/health, the pages, and any URL that
 * Next.js would first normalise or redirect (a trailing slash, "//", dot segments,
 * characters URL parsing escapes), so that what reaches the fast path is what the route
 * handler would have seen. Its answers are written the way Next.js writes a route
 * handler's `Response` (flushHeaders at the first chunk, a compression flush after each),
 * with Next.js's own `compression` middleware, so clients see the same statuses, headers,
 * encodings and streaming.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { Duplex, type Readable } from "node:stream";
import compression from "next/dist/compiled/compression";
import { type Answer, CLIENT_GONE, forwardToService, methodNotAllowed, ROUTED_METHODS } from "./forward";
import { bearerAuthorization, type BodyResult, type HeaderSource, MAX_BODY_BYTES } from "./http";
import { log } from "./log";
import { resolveTarget } from "./routes";

/**
 * The methods app/api/[...path]/route.ts exports, but OPTIONS (rare: it takes the route
 * handler, which forwards it too); HEAD stays with Next.js.
 */
const FORWARDED_METHODS = new Set(["GET", "POST", "PATCH", "PUT", "DELETE"]);

export interface FastPathRequest {
  pathname: string;
  search: string;
  /** The Authorization header as sent. */
  authorization: string;
}

/**
 * What the fast path forwards, or null to leave the request to Next.js: a method the route
 * exports, a Bearer token, and a URL under a known /api/<prefix>/ that Next.js would route
 * to app/api/[...path] as it is (its path and query unchanged by URL parsing, no trailing
 * slash or empty segment, which Next.js answers with a 308).
 */
export function fastPathRequest(
  method: string | undefined,
  rawUrl: string | undefined,
  headers: HeaderSource,
): FastPathRequest | null {
  if (method === undefined || !FORWARDED_METHODS.has(method)) return null;
  if (rawUrl === undefined || !rawUrl.startsWith("/api/")) return null;
  const authorization = bearerAuthorization(headers);
  if (authorization === null) return null;
  let url: URL;
  try {
    url = new URL(rawUrl, "http://localhost");
  } catch {
    return null;
  }
  const { pathname, search } = url;
  if (pathname + search !== rawUrl || pathname.endsWith("/") || pathname.includes("//")) return null;
  if (resolveTarget(pathname) === null) return null;
  return { pathname, search, authorization };
}

/**
 * Reads a node request body into memory, up to `limit` bytes (readBodyLimited's rules: an
 * absent or empty body gives null). Past the limit it stops keeping the bytes and lets the
 * rest drain, so the 413 can still be answered on the connection.
 */
export function readNodeBodyLimited(stream: Readable, limit: number = MAX_BODY_BYTES): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", onError);
      stream.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        done();
        stream.resume();
        resolve({ ok: false });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      if (size === 0) resolve({ ok: true, body: null });
      else resolve({ ok: true, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size) });
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onClose = () => {
      done();
      reject(Object.assign(new Error("the request body ended early"), { code: "ECONNRESET" }));
    };
    stream.on("data", onData);
    stream.on("end", onEnd);
    stream.on("error", onError);
    stream.on("close", onClose);
  });
}

type Compress = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

function noop(): void {}

/** What the `compression` middleware adds to a response: flush what it has compressed. */
function flush(res: ServerResponse): void {
  const { flush } = res as ServerResponse & { flush?: () => void };
  if (typeof flush === "function") flush.call(res);
}

/**
 * A response the browser left before its end never ends its zlib stream, which then outlives
 * the response (next/dist/server/lib/release-compression-stream.js, which Next.js runs for
 * its own responses): `res.on("drain")` is forwarded to that stream and returns it.
 */
function releaseCompressionStream(res: ServerResponse): void {
  const stream: unknown = res.on("drain", noop);
  if (stream === res || !(stream instanceof Duplex)) {
    res.off("drain", noop);
    return;
  }
  stream.destroy();
}

/**
 * Streams the sidecar's answer body on, as Next.js pipes a route handler's body: headers at
 * the first chunk, backpressure, and (when the length is not known beforehand, so the answer
 * may trickle: a stream) a compression flush after each chunk so that it reaches the browser
 * at once. An answer of a declared length (the services' JSON) ends as soon as its bytes are
 * in; flushing its gzip stream chunk by chunk would only cost CPU (about 0.1 ms a request).
 */
function pipeToResponse(body: IncomingMessage, res: ServerResponse): void {
  if (res.destroyed) {
    body.destroy(); // the browser left while the sidecar answered
    return;
  }
  const flushEachChunk = body.headers["content-length"] === undefined;
  let started = false;
  let paused = false;
  // One drain listener for the whole response: with compression active it is added to the
  // zlib stream, and `off` cannot reach it there (see Next.js's pipe-readable.js).
  const onDrain = () => {
    if (!paused || body.destroyed) return;
    paused = false;
    body.resume();
  };
  res.on("drain", onDrain);
  res.once("close", () => {
    res.off("drain", onDrain);
    body.destroy();
  });
  body.on("data", (chunk: Buffer) => {
    if (!started) {
      started = true;
      res.flushHeaders();
    }
    const ok = res.write(chunk);
    if (flushEachChunk) flush(res);
    if (!ok) {
      paused = true;
      body.pause();
    }
  });
  body.on("end", () => {
    if (!res.writableFinished) res.end();
  });
  body.on("error", (error) => {
    res.destroy(error);
  });
}

/** Writes an answer to node's response the way Next.js sends a route handler's `Response`. */
export function writeAnswer(res: ServerResponse, answer: Answer): void {
  res.statusCode = answer.status;
  for (const name in answer.headers) res.setHeader(name, answer.headers[name]);
  const { body } = answer;
  if (body === null || body === "") {
    res.end();
  } else if (typeof body === "string") {
    res.flushHeaders();
    res.write(body);
    flush(res);
    res.end();
  } else {
    pipeToResponse(body, res);
  }
}

/**
 * The server's request hook: forwards a request on the fast path and returns true, or
 * returns false at once (nothing read, nothing written) for Next.js to handle it.
 */
export function createApiForwarder(): (req: IncomingMessage, res: ServerResponse) => boolean {
  // Next.js's own instance, with its defaults (next.config.ts leaves `compress` on).
  const compress: Compress = compression();
  return (req, res) => {
    const request = fastPathRequest(req.method, req.url, req.headers);
    if (request !== null) {
      void answerNode(req, res, request.pathname, compress, (signal) => forwardRequest(req, request, signal));
      return true;
    }
    if (req.method === "TRACE" && !req.url?.startsWith("/api/")) {
      // Next.js answers TRACE on a page with a bare 500: the request echoed back is never sent.
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
      res.end("TRACE is not allowed here.\n");
      return true;
    }
    const pathname = unroutedMethodPath(req.method, req.url);
    if (pathname === null) return false;
    void answerNode(req, res, pathname, compress, (signal) =>
      methodNotAllowed({ method: req.method ?? "", pathname, headers: req.headers, signal }),
    );
    return true;
  };
}

/**
 * The path of an /api request whose method no route handler exports (TRACE, PROPFIND...),
 * which this server answers (lib/forward.ts methodNotAllowed) instead of Next.js; else null.
 */
export function unroutedMethodPath(method: string | undefined, rawUrl: string | undefined): string | null {
  if (method === undefined || ROUTED_METHODS.has(method)) return null;
  if (rawUrl === undefined || !rawUrl.startsWith("/api/")) return null;
  try {
    return new URL(rawUrl, "http://localhost").pathname;
  } catch {
    return null;
  }
}

function forwardRequest(req: IncomingMessage, request: FastPathRequest, signal: AbortSignal): Promise<Answer> {
  const method = req.method ?? "GET";
  return forwardToService({
    method,
    pathname: request.pathname,
    search: request.search,
    headers: req.headers,
    signal,
    authorize: () => ({ ok: true, authorization: request.authorization }),
    // As Next.js builds the route's Request: no body for a GET.
    readBody: () => (method === "GET" ? Promise.resolve({ ok: true, body: null }) : readNodeBodyLimited(req)),
  });
}

async function answerNode(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  compress: Compress,
  answer: (signal: AbortSignal) => Promise<Answer>,
): Promise<void> {
  req.on("error", noop);
  res.on("error", noop);
  compress(req, res, noop);
  const browserGone = new AbortController();
  res.once("close", () => {
    if (res.writableFinished) return;
    releaseCompressionStream(res);
    browserGone.abort();
  });
  try {
    writeAnswer(res, await answer(browserGone.signal));
  } catch (error) {
    if (browserGone.signal.aborted) {
      writeAnswer(res, CLIENT_GONE);
      return;
    }
    log("error", "could not forward a request", {
      path: pathname,
      error: error instanceof Error ? error.message : String(error),
    });
    if (res.headersSent) {
      res.destroy();
    } else {
      writeAnswer(res, { status: 500, headers: {}, body: null });
    }
  }
}
