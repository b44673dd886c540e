/**
 * The Tasks view in the address (components/tasks/view-url.ts): a link names the view (filters
 * and sort) and shows exactly it; the chips and the sort write the address in place; a reload
 * keeps it; the app bar's Tasks (plain /tasks) shows the saved view and the address then says it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { apiCall, desktopPage, launch } from "./harness";

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const rows = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll("[aria-label$='. Open details']")].map((row) => row.getAttribute("aria-label")));
const chips = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("[aria-label^='Remove filter ']")].map((b) => b.getAttribute("aria-label")!.replace("Remove filter ", "")),
  );
const here = (page: Page) => page.evaluate(() => window.location.pathname + window.location.search);

describe("the Tasks view in the address", () => {
  it("shows a linked view, follows the chips in place, keeps it on reload, and the app bar's Tasks shows the saved one", async () => {
    const { context, page } = await desktopPage(browser, "view-url");
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    await apiCall(context, "POST", "tasks", { title: "Send invoice", priority: "HIGH", tags: ["Work"], due_at: inDays(3) });
    await apiCall(context, "POST", "tasks", { title: "Book review", priority: "HIGH", tags: ["Work"], due_at: inDays(1) });
    await apiCall(context, "POST", "tasks", { title: "Plan offsite", priority: "LOW", tags: ["Work"], due_at: inDays(2) });
    await apiCall(context, "POST", "tasks", { title: "Buy milk", priority: "HIGH", tags: ["Shopping"] });

    // A bookmark: my HIGH work tasks due this week, latest first. A bad value is left out.
    await page.goto("/tasks?priority=HIGH,URGENT&tags=Work&due=week&sort=due_at&order=desc");
    await page.getByRole("button", { name: "Send invoice. Open details" }).waitFor();
    expect(await rows(page)).toEqual(["Send invoice. Open details", "Book review. Open details"]);
    expect(await chips(page)).toEqual(["Priority: High", "Due: Next 7 days", "#Work"]);
    await expect.poll(() => here(page)).toBe("/tasks?priority=HIGH&tags=Work&due=week&sort=due_at&order=desc");

    // A chip taken off: the address follows, in place (Back still leaves the page).
    const entries = await page.evaluate(() => window.history.length);
    await page.getByRole("button", { name: "Remove filter Priority: High" }).click();
    await expect.poll(() => here(page)).toBe("/tasks?tags=Work&due=week&sort=due_at&order=desc");
    await expect.poll(() => rows(page)).toEqual(["Send invoice. Open details", "Plan offsite. Open details", "Book review. Open details"]);
    expect(await page.evaluate(() => window.history.length)).toBe(entries);

    // A reload shows the same list.
    await page.reload();
    await page.getByRole("button", { name: "Plan offsite. Open details" }).waitFor();
    expect(await chips(page)).toEqual(["Due: Next 7 days", "#Work"]);

    // Another link's view, then the app bar's Tasks: the saved view (the last one changed here).
    await page.goto("/tasks?tags=Shopping");
    await page.getByRole("button", { name: "Buy milk. Open details" }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tasks", exact: true }).click();
    await expect.poll(() => chips(page)).toEqual(["Due: Next 7 days", "#Work"]);
    await expect.poll(() => here(page)).toBe("/tasks?tags=Work&due=week&sort=due_at&order=desc");
    await expect.poll(() => rows(page)).toEqual(["Send invoice. Open details", "Plan offsite. Open details", "Book review. Open details"]);
    await context.close();
  });
});
