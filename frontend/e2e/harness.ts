/**
 * End-to-end harness: playwright-core driving Debian's Chromium (no browser download) against
 * the running stack (`make run`), with axe and screenshot helpers. Used by *.e2e.ts under
 * vitest.e2e.config.mts.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const BASE_URL = (process.env.E2E_BASE_URL ?? "http://localhost:3000").replace(/\/$/, "");
export const ARTIFACTS = path.join(import.meta.dirname, "artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export type Theme = "light" | "dark";
export const WIDTHS = [1280, 360] as const;
export const THEMES: Theme[] = ["light", "dark"];

export async function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Everything runs as root here; Chromium refuses root without --no-sandbox.
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
}

/** Cookies and storage of a signed-in profile (BrowserContext.storageState()). */
export type Session = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** A fresh browser profile at this width and theme (the app follows the system theme). */
export async function newContext(
  browser: Browser,
  { width = 1280, theme = "light", session }: { width?: number; theme?: Theme; session?: Session } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    storageState: session,
    baseURL: BASE_URL,
    viewport: { width, height: width < 640 ? 780 : 860 },
    deviceScaleFactor: 1,
    colorScheme: theme,
    timezoneId: "Europe/Paris",
    locale: "en-US",
  });
  context.setDefaultTimeout(15_000);
  return context;
}

export interface Account {
  name: string;
  email: string;
  password: string;
}

export function newAccount(label = "e2e"): Account {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { name: "Robin Tester", email: `${label}+${stamp}@example.com`, password: "correct-horse-battery" };
}

/** Signs up through the API with the context's cookie jar (for setups, not the journey). */
export async function signUpByApi(context: BrowserContext, account: Account): Promise<void> {
  const response = await context.request.post("/api/auth/sign-up/email", {
    data: account,
    headers: { origin: BASE_URL },
  });
  if (!response.ok()) throw new Error(`sign-up failed: ${response.status()} ${await response.text()}`);
}

/**
 * Calls /api/<path> with the context's session cookie; returns the parsed JSON body. A 503 (the
 * API's "try again shortly") or a refused connection is retried for up to 30 s.
 */
export async function apiCall<T = unknown>(
  context: BrowserContext,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  apiPath: string,
  data?: unknown,
): Promise<T> {
  const until = Date.now() + 30_000;
  // A retried create must not make a second task (POST /api/tasks honours Idempotency-Key).
  const idempotency: Record<string, string> = method === "POST" ? { "idempotency-key": crypto.randomUUID() } : {};
  for (;;) {
    let status = 0;
    let text = "";
    try {
      const response = await context.request.fetch(`/api/${apiPath}`, {
        method,
        data,
        headers: { origin: BASE_URL, accept: "application/json", ...idempotency },
      });
      status = response.status();
      text = await response.text();
    } catch (error) {
      text = String(error);
    }
    if (status >= 200 && status < 300) return (text ? JSON.parse(text) : undefined) as T;
    if ((status !== 0 && status !== 503) || Date.now() > until) {
      throw new Error(`${method} /api/${apiPath}: ${status || "no answer"} ${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

export interface AxeFinding {
  screen: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Serious and critical axe violations (WCAG 2.x A/AA and best practices) on the page as it is now. */
export async function axeCheck(page: Page, screen: string): Promise<AxeFinding[]> {
  // After a client-side navigation Next.js streams the new page's metadata: the heading
  // can be on screen a moment before <title> is. Check the page as it settles; a title
  // that never comes still fails (the wait times out).
  await page.waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 10_000 });
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      screen,
      id: v.id,
      impact: v.impact ?? "",
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
}

/** Saves artifacts/<name>.png (the viewport; `full` for the whole page). */
export async function screenshot(page: Page, name: string, full = false): Promise<string> {
  const file = path.join(ARTIFACTS, `${name}.png`);
  // Let transitions (drawers, toasts) settle before the picture.
  await page.waitForTimeout(400);
  await page.screenshot({ path: file, fullPage: full, animations: "disabled" });
  return file;
}

/** Largest contentful paint of the page just loaded, in ms (null if the browser reported none). */
export async function largestContentfulPaint(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        let last: number | null = null;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) last = entry.startTime;
        });
        observer.observe({ type: "largest-contentful-paint", buffered: true });
        // LCP is final once the page has settled; buffered entries arrive on the next task.
        setTimeout(() => {
          observer.disconnect();
          resolve(last);
        }, 1000);
      }),
  );
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes. */
export async function eventually<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  everyMs = 1000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms${lastError ? `: ${String(lastError)}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export function log(message: string): void {
  process.stdout.write(`  [e2e] ${message}\n`);
}

/** A signed-up account's page at 1280 px, its page errors logged. */
export async function desktopPage(browser: Browser, label: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { width: 1280 });
  await signUpByApi(context, newAccount(label));
  const page = await context.newPage();
  page.on("pageerror", (error) => log(`page error: ${error.message}`));
  return { context, page };
}

/** A signed-up account's page on a touch phone (390×844, Paris, en-US), its page errors logged. */
export async function phonePage(browser: Browser, label: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    timezoneId: "Europe/Paris",
    locale: "en-US",
  });
  context.setDefaultTimeout(15_000);
  await signUpByApi(context, newAccount(label));
  const page = await context.newPage();
  page.on("pageerror", (error) => log(`page error: ${error.message}`));
  return { context, page };
}

/** What has focus: its id, else its accessible name, else its text, else its tag ("body" for none). */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "body";
    return element.id || element.getAttribute("aria-label") || element.textContent?.trim() || element.tagName;
  });
