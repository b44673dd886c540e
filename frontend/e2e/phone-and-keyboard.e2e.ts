/**
 * Problems found by using the app on a phone (390×844, touch) and with the keyboard only, each
 * checked here in Chromium against the running stack.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { apiCall, BASE_URL, eventually, launch, log, newAccount, newContext, signUpByApi } from "./harness";

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

async function desktop(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { width: 1280 });
  await signUpByApi(context, newAccount("keyboard"));
  const page = await context.newPage();
  page.on("pageerror", (error) => log(`page error: ${error.message}`));
  return { context, page };
}

/** What has focus: its id, else its accessible name, else its tag. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "body";
    return element.id || element.getAttribute("aria-label") || element.textContent?.trim() || element.tagName;
  });

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

describe("with the keyboard only", () => {
  it("tabs from the edit drawer's Tags to the due date, not to the page behind", async () => {
    const { context, page } = await desktop();
    // Enough tags (with the suggested ones) that the suggestion list scrolls.
    await apiCall(context, "POST", "tasks", { title: "Plant tomatoes", tags: ["Home", "Garden", "Errands"] });
    await apiCall(context, "POST", "tasks", { title: "Call the bank" });
    await page.goto("/tasks");
    const row = page.getByRole("button", { name: "Call the bank. Open details" });
    await row.focus();
    await page.keyboard.press("Enter");
    const drawer = page.getByRole("dialog", { name: "Edit task" });
    await drawer.waitFor();
    await drawer.getByLabel("Tags").focus();
    await drawer.getByRole("listbox", { name: "Tag suggestions" }).waitFor();
    await page.keyboard.press("Tab");
    await page.waitForTimeout(300); // the suggestions close 120 ms after the box loses focus
    expect(await focused(page)).toBe("task-due-date");
    await context.close();
  });
});

describe("with the keyboard only: Undo", () => {
  it("keeps the toast while its Undo has focus, and gives focus back to the list after Undo", async () => {
    const { context, page } = await desktop();
    await apiCall(context, "POST", "tasks", { title: "Pay rent", priority: "HIGH" });
    await apiCall(context, "POST", "tasks", { title: "Read a book" });
    await page.goto("/tasks");
    await page.getByRole("button", { name: "Read a book. Open details" }).waitFor();
    await page.getByRole("button", { name: "Pay rent. Open details" }).focus();
    await page.keyboard.press("x");
    // Focus moves on to the next row; the toast's Undo is the next Tab stop.
    await expect.poll(() => focused(page)).toBe("Read a book. Open details");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("Undo");
    // Longer than the toast's 8 s: it stays while it has focus.
    await page.waitForTimeout(9000);
    expect(await focused(page)).toBe("Undo");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Pay rent. Open details" }).waitFor();
    await expect.poll(() => focused(page)).toBe("Read a book. Open details");
    await page.keyboard.press("ArrowUp");
    expect(await focused(page)).toBe("Pay rent. Open details");
    await context.close();
  });
});
