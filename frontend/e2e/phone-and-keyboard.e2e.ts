/**
 * Problems found by using the app on a phone (390×844, touch) and with the keyboard only, each
 * checked here in Chromium against the running stack.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { apiCall, BASE_URL, eventually, launch, log, newAccount, signUpByApi } from "./harness";

interface Task {
  id: string;
  title: string;
  completed: boolean;
  version: number;
}

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function phone(): Promise<{ context: BrowserContext; page: Page }> {
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
  await signUpByApi(context, newAccount("phone"));
  const page = await context.newPage();
  page.on("pageerror", (error) => log(`page error: ${error.message}`));
  return { context, page };
}

describe("on a phone", () => {
  it("keeps a task open when Undo is tapped while its completion is still on a slow network", async () => {
    const { context, page } = await phone();
    const task = await apiCall<Task>(context, "POST", "tasks", { title: "Pay rent" });
    await page.goto("/tasks");
    await page.getByRole("button", { name: "Pay rent. Open details" }).waitFor();
    // A slow connection: the completion reaches the server 1.5 s after the tap.
    await page.route(`**/api/tasks/${task.id}/complete`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.getByRole("checkbox", { name: "Complete “Pay rent”" }).tap();
    await page.getByRole("status").filter({ hasText: "Completed “Pay rent”" }).getByRole("button", { name: "Undo" }).tap();
    // Both requests have reached the server (the task's version moved on) and settled.
    await eventually(async () => (await apiCall<Task>(context, "GET", `tasks/${task.id}`)).version > 1, 10_000, 300);
    await page.waitForTimeout(2500);
    const after = await apiCall<Task>(context, "GET", `tasks/${task.id}`);
    expect(after.completed).toBe(false);
    expect(await page.getByRole("button", { name: "Pay rent. Open details" }).count()).toBe(1);
    await context.close();
  });
});
