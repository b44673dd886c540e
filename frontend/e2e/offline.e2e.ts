/**
 * Quick-add with the network down (Playwright's context.setOffline): the app shell says so, the
 * task is in the list at once marked "Waiting to sync", and once the browser is back online it is
 * saved, once. At 1280 px (light) and 390 px (dark), with a screenshot of each offline screen (artifacts/) and an
 * axe check of it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Request } from "playwright-core";
import { apiCall, axeCheck, eventually, launch, log, newAccount, newContext, screenshot, signUpByApi, type AxeFinding } from "./harness";

interface Task {
  id: string;
  title: string;
}

let browser: Browser;
const findings: AxeFinding[] = [];

describe("offline quick-add", () => {
  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const { width, theme } of [
    { width: 1280, theme: "light" },
    { width: 390, theme: "dark" },
  ] as const) {
    it(`adds a task offline and saves it once back online, at ${width} px (${theme})`, async () => {
      const context = await newContext(browser, { width, theme });
      await signUpByApi(context, newAccount("offline"));
      await apiCall(context, "POST", "tasks", { title: "Renew passport", priority: "HIGH" });
      const page = await context.newPage();
      page.on("pageerror", (error) => log(`page error: ${error.message}`));
      const creates: Request[] = [];
      page.on("request", (request) => {
        if (request.method() === "POST" && new URL(request.url()).pathname === "/api/tasks") creates.push(request);
      });

      await page.goto("/tasks");
      const list = page.getByRole("list", { name: "Tasks" });
      await list.getByRole("button", { name: "Renew passport. Open details" }).waitFor();
      // The quick-add parser is a chunk of its own, preloaded when idle: have it before the
      // network goes (a page that never fetched it cannot, offline).
      const input = page.getByLabel("Quick add a task");
      await input.fill("Check #parser tomorrow");
      await page.getByRole("list", { name: "Parsed from your text" }).waitFor();
      await input.fill("");

      const banner = page.getByRole("status").filter({ hasText: "You are offline" });
      expect(await banner.count()).toBe(0);
      await context.setOffline(true);
      await banner.waitFor();
      expect(await banner.textContent()).toBe("You are offline. Changes will be sent when you are back online.");

      await input.fill("Buy stamps #Errands");
      await input.press("Enter");
      const row = list.locator('[role="listitem"]').filter({ hasText: "Buy stamps" });
      await row.waitFor();
      await row.getByText("Waiting to sync").waitFor();
      const pendingId = await row.getAttribute("data-task-id");
      expect(pendingId).toMatch(/^optimistic-./);
      expect(await input.inputValue()).toBe("");
      await page.waitForTimeout(1000);
      expect(creates).toHaveLength(0); // it waits; nothing was tried (and failed) while offline
      await screenshot(page, `offline-quick-add-${theme}-${width}`);
      findings.push(...(await axeCheck(page, `offline quick-add ${theme} ${width}`)));

      await context.setOffline(false);
      await banner.waitFor({ state: "detached" });
      const saved = await eventually(async () => {
        const items = (await apiCall<{ items: Task[] }>(context, "GET", "tasks?status=open&limit=100")).items;
        return items.some((t) => t.title === "Buy stamps") ? items : null;
      }, 15_000, 300);
      expect(saved.filter((t) => t.title === "Buy stamps")).toHaveLength(1);
      // The list swaps the pending row for the saved task.
      await expect
        .poll(() => row.getAttribute("data-task-id"), { timeout: 10_000 })
        .toBe(saved.find((t) => t.title === "Buy stamps")!.id);
      expect(await row.getByText("Waiting to sync").count()).toBe(0);
      // Sent once, with the key the pending row was made with.
      expect(creates).toHaveLength(1);
      expect(`optimistic-${creates[0].headers()["idempotency-key"]}`).toBe(pendingId);

      await page.reload();
      await list.getByRole("button", { name: "Renew passport. Open details" }).waitFor();
      expect(await list.getByRole("button", { name: "Buy stamps. Open details" }).count()).toBe(1);
      const after = (await apiCall<{ items: Task[] }>(context, "GET", "tasks?status=open&limit=100")).items;
      expect(after.filter((t) => t.title === "Buy stamps")).toHaveLength(1);
      await context.close();
    });
  }

  it("finds no serious or critical accessibility violation offline", () => {
    for (const f of findings) log(`axe ${f.impact} ${f.id} on ${f.screen}: ${f.help} → ${f.targets.join(" | ")}`);
    expect(findings).toEqual([]);
  });
});
