/**
 * What a first-time user tripped on, in Chromium against the running stack:
 * - a task quick-added while a filter hides it said nothing (it looked lost); now a toast says
 *   it was added and the filters hide it, and its button clears them (1280 px, light);
 * - the browser's Back with a task open left the page and dropped the edits; now Back closes the
 *   drawer, or asks first when it has unsaved changes (390 px, touch, dark: a phone's back gesture).
 * Screenshots of both (artifacts/) and an axe check of each screen.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { apiCall, axeCheck, eventually, launch, log, newAccount, newContext, screenshot, signUpByApi, type AxeFinding } from "./harness";

interface Task {
  id: string;
  title: string;
}

let browser: Browser;
const findings: AxeFinding[] = [];

describe("first use", () => {
  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    for (const f of findings) log(`axe ${f.impact} ${f.id} on ${f.screen}: ${f.help} → ${f.targets.join(" | ")}`);
    expect(findings).toEqual([]);
  });

  it("says a task quick-added under a filter was added, and shows it once the filter is cleared (1280 px, light)", async () => {
    const context = await newContext(browser, { width: 1280, theme: "light" });
    await signUpByApi(context, newAccount("hidden-add"));
    await apiCall(context, "POST", "tasks", { title: "Submit report", tags: ["Work"] });
    const page = await context.newPage();
    page.on("pageerror", (error) => log(`page error: ${error.message}`));
    await page.goto("/tasks");
    const list = page.getByRole("list", { name: "Tasks" });
    await list.getByRole("button", { name: "Submit report. Open details" }).waitFor();

    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByRole("group", { name: "Filters" }).getByRole("checkbox", { name: "#Work" }).click();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Remove filter #Work" }).waitFor();

    const input = page.getByLabel("Quick add a task");
    await input.fill("Buy bread tomorrow");
    await page.getByRole("list", { name: "Parsed from your text" }).waitFor();
    await input.press("Enter");
    const toast = page.locator("[data-toast-id]").filter({ hasText: "Added “Buy bread”" });
    await toast.waitFor();
    expect(await toast.textContent()).toContain("Your filters hide it.");
    await screenshot(page, "first-use-hidden-add-1280-light");
    findings.push(...(await axeCheck(page, "hidden add toast")));
    // It was saved once, and the list does not show it until the filter goes.
    const saved = await apiCall<{ items: Task[] }>(context, "GET", "tasks?status=open&search=bread");
    expect(saved.items.map((t) => t.title)).toEqual(["Buy bread"]);
    expect(await list.getByRole("button", { name: "Buy bread. Open details" }).count()).toBe(0);

    await toast.getByRole("button", { name: "Clear filters" }).click();
    await list.getByRole("button", { name: "Buy bread. Open details" }).waitFor();
    expect(await page.getByRole("button", { name: "Remove filter #Work" }).count()).toBe(0);
    await context.close();
  });

  it("closes the task drawer on Back, and asks first when it has unsaved changes (390 px, touch, dark)", async () => {
    const phone = await newContext(browser, { width: 390, theme: "dark" });
    await signUpByApi(phone, newAccount("back"));
    await apiCall(phone, "POST", "tasks", { title: "Buy milk" });
    const page = await phone.newPage();
    page.on("pageerror", (error) => log(`page error: ${error.message}`));
    // Came from the dashboard, as a user would: Back from the list leaves for it.
    await page.goto("/dashboard");
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Tasks" }).first().click();
    await page.waitForURL("**/tasks");
    const row = page.getByRole("list", { name: "Tasks" }).getByRole("button", { name: "Buy milk. Open details" });
    await row.click();
    const drawer = page.getByRole("dialog", { name: "Edit task" });
    await drawer.waitFor();
    await page.waitForURL(/\/tasks\?task=/);

    // Nothing changed: Back closes the drawer and stays on the list.
    await page.goBack();
    await drawer.waitFor({ state: "detached" });
    expect(new URL(page.url()).pathname).toBe("/tasks");

    // An edit: Back asks, and the edit is still there to keep.
    await row.click();
    await drawer.waitFor();
    await drawer.getByLabel("Title").fill("Buy milk and eggs");
    await page.goBack();
    const question = drawer.getByRole("group", { name: "Discard changes?" });
    await question.waitFor();
    await eventually(async () => new URL(page.url()).searchParams.get("task"), 5000, 100);
    await screenshot(page, "first-use-back-asks-390-dark");
    findings.push(...(await axeCheck(page, "back with unsaved changes")));
    await question.getByRole("button", { name: "Keep editing" }).click();
    expect(await drawer.getByLabel("Title").inputValue()).toBe("Buy milk and eggs");
    await drawer.getByRole("button", { name: "Save" }).click();
    await drawer.waitFor({ state: "detached" });
    await page.getByRole("list", { name: "Tasks" }).getByRole("button", { name: "Buy milk and eggs. Open details" }).waitFor();
    expect(new URL(page.url()).search).toBe("");

    // Closing left no entry behind: one Back now leaves the list for the dashboard.
    await page.goBack();
    await page.waitForURL("**/dashboard");
    await phone.close();
  });
});
