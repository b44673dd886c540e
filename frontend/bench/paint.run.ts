/**
 * Benchmark, not a test (`make bench`, against the running stack): how fast /tasks paints.
 * Largest contentful paint of /tasks for a signed-in user with 40 tasks, in Debian's
 * Chromium: 10 loads in fresh profiles (cold HTTP cache) and 10 more pages in one profile
 * (warm cache), after one warm-up load. Prints one JSON object. A paint time is a reading of
 * the machine's speed at that moment, so it is measured here and written in BENCHMARKS.md,
 * never asserted in a test (make e2e checks only that the page paints and the bytes it loads).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { apiCall, largestContentfulPaint, launch, newAccount, newContext, signUpByApi, type Session } from "../e2e/harness";

const LOADS = Number(process.env.BENCH_LOADS ?? 10);
let browser: Browser;
let session: Session;

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { n: sorted.length, p50: Math.round(at(0.5)), p95: Math.round(at(0.95)), max: Math.round(sorted.at(-1)!) };
}

async function paint(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  await page.goto("/tasks", { waitUntil: "load" });
  await page.getByRole("list", { name: "Tasks" }).waitFor();
  const lcp = await largestContentfulPaint(page);
  await page.close();
  if (lcp === null) throw new Error("the browser reported no largest contentful paint for /tasks");
  return lcp;
}

beforeAll(async () => {
  browser = await launch();
  const context = await newContext(browser);
  await signUpByApi(context, newAccount("bench-paint"));
  for (let i = 0; i < 40; i += 1) {
    await apiCall(context, "POST", "tasks", {
      title: `Benchmark task ${i + 1}`,
      priority: ["LOW", "MEDIUM", "HIGH", "VERY_IMPORTANT"][i % 4],
      tags: i % 3 === 0 ? ["Work"] : ["Personal"],
      due_at: new Date(Date.now() + (i - 5) * 86_400_000).toISOString(),
    });
  }
  session = await context.storageState();
  await paint(context); // warm-up: the server's first render of the route
  await context.close();
});

afterAll(async () => {
  await browser?.close();
});

it("measures the largest contentful paint of /tasks", async () => {
  const cold: number[] = [];
  for (let i = 0; i < LOADS; i += 1) {
    const context = await newContext(browser, { session });
    cold.push(await paint(context));
    await context.close();
  }
  const warm: number[] = [];
  const context = await newContext(browser, { session });
  for (let i = 0; i < LOADS; i += 1) warm.push(await paint(context));
  await context.close();
  const result = { lcp_tasks_cold_cache_ms: summary(cold), lcp_tasks_warm_cache_ms: summary(warm) };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  expect(cold).toHaveLength(LOADS);
  expect(warm).toHaveLength(LOADS);
});
