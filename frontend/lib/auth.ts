/**
 * Better Auth, created lazily on first use: its database URL and secret come
 * from the Dapr secret store (lib/secrets.ts), which is only reachable once the
 * sidecar is up — never at build time, never at module load.
 */
import { betterAuth, type BetterAuthOptions } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { getMigrations } from "better-auth/db/migration";
import { jwt } from "better-auth/plugins";
import { Pool } from "pg";
import { log } from "./log";
import { readSecret } from "./secrets";

export const JWT_ISSUER = "todo-platform";
export const JWT_AUDIENCE = "todo-api";

/** Any constant works; it only has to be the same for every replica. */
const MIGRATION_LOCK_KEY = 7_310_420_001;

export function authBaseUrl(): string {
  return process.env.BETTER_AUTH_URL || "http://localhost:3000";
}

export function trustedOrigins(baseURL: string = authBaseUrl()): string[] {
  const extra = (process.env.BETTER_AUTH_TRUSTED_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  return [...new Set(["http://localhost:3000", "http://127.0.0.1:3000", new URL(baseURL).origin, ...extra])];
}

function authAttemptsPerMinute(): number {
  const value = Number(process.env.AUTH_RATE_LIMIT_PER_MINUTE ?? "20");
  return Number.isInteger(value) && value > 0 ? value : 20;
}

/** The endpoints that set a person's name. */
const NAME_PATHS = new Set(["/sign-up/email", "/update-user"]);

/** The longest name, in characters, as the sign-up form says (components/shell/auth-form.tsx). */
export const NAME_MAX = 100;

/**
 * A name is what the sign-up form asks for: not blank, at most NAME_MAX characters, kept
 * without the spaces around it (Better Auth takes any string, "" or a megabyte too). One that
 * is not is refused the way Better Auth refuses a field (lib/auth-errors.ts makes it 422 with
 * fields.name); a name that is not a string is left to Better Auth's own check.
 */
export const checkName = createAuthMiddleware(async (ctx) => {
  if (!NAME_PATHS.has(ctx.path)) return;
  const body: unknown = ctx.body;
  if (typeof body !== "object" || body === null || !("name" in body) || typeof body.name !== "string") return;
  const name = body.name.trim();
  if (!name) throw new APIError("BAD_REQUEST", { code: "VALIDATION_ERROR", message: "[body.name] must not be blank" });
  if ([...name].length > NAME_MAX) {
    const message = `[body.name] must be at most ${NAME_MAX} characters`;
    throw new APIError("BAD_REQUEST", { code: "VALIDATION_ERROR", message });
  }
  return { context: { body: { ...body, name } } };
});

export function authOptions(pool: Pool, secret: string) {
  return {
    appName: "Todo Platform",
    baseURL: authBaseUrl(),
    basePath: "/api/auth",
    secret,
    database: pool,
    trustedOrigins: trustedOrigins(),
    emailAndPassword: { enabled: true },
    hooks: { before: checkName },
    // Per client IP. Better Auth's default for sign-in/sign-up is 3 per 10 s; a local stack
    // and its test suite (every request from 127.0.0.1) set AUTH_RATE_LIMIT_PER_MINUTE.
    rateLimit: {
      enabled: true,
      window: 60,
      max: 600,
      customRules: {
        "/sign-in/email": { window: 60, max: authAttemptsPerMinute() },
        "/sign-up/email": { window: 60, max: authAttemptsPerMinute() },
      },
    },
    telemetry: { enabled: false },
    logger: {
      log: (level: "debug" | "info" | "warn" | "error", message: string, ...args: unknown[]) =>
        log(level, message, args.length ? { source: "better-auth", args: args.map(String) } : { source: "better-auth" }),
    },
    plugins: [
      jwt({
        jwks: { keyPairConfig: { alg: "EdDSA", crv: "Ed25519" } },
        jwt: { issuer: JWT_ISSUER, audience: JWT_AUDIENCE, expirationTime: "15m" },
      }),
    ],
  } satisfies BetterAuthOptions;
}

function createAuth(pool: Pool, secret: string) {
  return betterAuth(authOptions(pool, secret));
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * Creates or updates Better Auth's tables. Replicas starting together take a
 * PostgreSQL advisory lock so only one migrates at a time.
 */
async function migrate(pool: Pool, options: BetterAuthOptions): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      const { toBeCreated, toBeAdded, toBeAddedIndexes, runMigrations } = await getMigrations(options);
      if (toBeCreated.length || toBeAdded.length || toBeAddedIndexes.length) {
        await runMigrations();
        log("info", "auth database migrated", {
          created: toBeCreated.map((t) => t.table),
          altered: toBeAdded.map((t) => t.table),
          indexes: toBeAddedIndexes.map((i) => i.name),
        });
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

async function initAuth(): Promise<Auth> {
  const [databaseUrl, secret] = await Promise.all([
    readSecret("auth-db-url", "AUTH_DB_URL"),
    readSecret("better-auth-secret", "BETTER_AUTH_SECRET"),
  ]);
  const pool = new Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", (error) => log("error", "auth database pool error", { error: error.message }));
  try {
    await migrate(pool, authOptions(pool, secret));
    return createAuth(pool, secret);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}

const globalForAuth = globalThis as typeof globalThis & { __todoAuth?: Promise<Auth> };

/**
 * The process-wide Better Auth instance. The first call reads the secrets,
 * opens the pool and migrates; a failed attempt is forgotten so the next
 * request tries again.
 */
export function getAuth(): Promise<Auth> {
  if (!globalForAuth.__todoAuth) {
    globalForAuth.__todoAuth = initAuth().catch((error: unknown) => {
      globalForAuth.__todoAuth = undefined;
      log("error", "auth initialisation failed", {
        error: error instanceof Error ? error.message : String(error),
      });
      throw error;
    });
  }
  return globalForAuth.__todoAuth;
}
