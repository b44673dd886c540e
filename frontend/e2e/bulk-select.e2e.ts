/**
 * Ticking several tasks and acting on them at once (the selection bar), against the running stack:
 * at 1280 px with a mouse and the keyboard (hover shows a row's tick box, Shift+click ticks a
 * range, Complete / Undo, Priority, Escape, Delete of a repeating one keeps its series), and on a
 * 390 px touch phone (the Select button, the bar clear of the quick-add and the last row, toasts
 * above the bar).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { apiCall, desktopPage, focused, launch, phonePage, screenshot } from "./harness";

interface Task {
  id: string;
  title: string;
  completed: boolean;
  priority: string;
  rrule: string | null;
  series_id: string | null;
}

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});


/** `titles`, due one day apart from tomorrow on (the list's order: soonest first); `weekly` repeats. */
async function makeTasks(context: BrowserContext, titles: string[], weekly: string[] = []): Promise<Task[]> {
  const made: Task[] = [];
  for (const [i, title] of titles.entries()) {
    const due = new Date(Date.now() + (i + 1) * 86_400_000);
    due.setUTCHours(9, 0, 0, 0);
    made.push(
      await apiCall<Task>(context, "POST", "tasks", {
        title,
        due_at: due.toISOString(),
        ...(weekly.includes(title) && { rrule: "FREQ=WEEKLY" }),
      }),
    );
  }
  return made;
}

const rows = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("[aria-label$='. Open details']")].map((row) => row.getAttribute("aria-label")!.replace(". Open details", "")),
  );
const open = async (context: BrowserContext) =>
  (await apiCall<{ items: Task[] }>(context, "GET", "tasks?status=open&limit=100")).items;
const box = (page: Page, title: string) => page.getByRole("checkbox", { name: `Select “${title}”` });
const bar = (page: Page) => page.getByRole("region", { name: "Selected tasks" });
const opacityOf = (page: Page, title: string) =>
  box(page, title).evaluate((input) => getComputedStyle(input.closest("label")!).opacity);

describe("selecting several tasks at 1280 px", () => {
  it("hover shows a row's box; Shift+click ticks a range; Complete and its Undo act on all; Escape clears", async () => {
    const { context, page } = await desktopPage(browser, "bulk");
    await makeTasks(context, ["Pay rent", "Buy milk", "Call mom", "Water plants"]);
    await page.goto("/tasks");
    await page.getByRole("button", { name: "Water plants. Open details" }).waitFor();
    expect(await rows(page)).toEqual(["Pay rent", "Buy milk", "Call mom", "Water plants"]);

    // Quiet until wanted: the box shows on the row's hover.
    expect(await opacityOf(page, "Buy milk")).toBe("0");
    await page.getByRole("button", { name: "Buy milk. Open details" }).hover();
    await expect.poll(() => opacityOf(page, "Buy milk")).toBe("1");

    await box(page, "Pay rent").click();
    await box(page, "Call mom").click({ modifiers: ["Shift"] });
    await bar(page).getByText("3 selected").waitFor();
    // Once one is ticked, every row shows its box.
    await expect.poll(() => opacityOf(page, "Water plants")).toBe("1");
    await screenshot(page, "bulk-select-bar-1280");
    // One line at this width: every control's middle at the same height (the Priority select
    // took a line of its own, full width, when its class said both w-full and w-auto).
    const middles = await bar(page)
      .locator("button, select, input")
      .evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return Math.round(r.top + r.height / 2);
        }),
      );
    expect(new Set(middles).size, `control middles ${middles}`).toBe(1);

    await bar(page).getByRole("button", { name: "Complete" }).click();
    await page.locator("[data-toast-id]").filter({ hasText: "Completed 3 tasks" }).waitFor();
    await expect.poll(() => rows(page)).toEqual(["Water plants"]);
    await expect.poll(async () => (await open(context)).map((t) => t.title)).toEqual(["Water plants"]);
    await expect.poll(() => bar(page).count()).toBe(0);

    // z is the toast's Undo: all three back.
    await page.keyboard.press("z");
    await expect.poll(async () => (await open(context)).length, { timeout: 10_000 }).toBe(4);
    await expect.poll(() => rows(page)).toEqual(["Pay rent", "Buy milk", "Call mom", "Water plants"]);

    // Priority for two, then Escape from the list clears the selection.
    await box(page, "Pay rent").click();
    await box(page, "Water plants").click();
    // By keyboard: ↓ opens the menu on Urgent, ↓ moves to High (a <select> applied Urgent
    // here), Enter sets it.
    await bar(page).getByRole("button", { name: "Priority" }).focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await focused(page)).toBe("High");
    await screenshot(page, "bulk-select-priority-menu-1280");
    await page.keyboard.press("Enter");
    await page.locator("[data-toast-id]").filter({ hasText: "Set 2 tasks to High" }).waitFor();
    await expect
      .poll(async () => (await open(context)).filter((t) => t.priority === "HIGH").map((t) => t.title).sort())
      .toEqual(["Pay rent", "Water plants"]);
    // The same two stay ticked for a next action.
    await bar(page).getByText("2 selected").waitFor();
    await page.getByRole("button", { name: "Call mom. Open details" }).focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => bar(page).count()).toBe(0);
    await context.close();
  });

  it("Delete of a repeating task deletes this occurrence only, says so, and Undo brings them all back", async () => {
    const { context, page } = await desktopPage(browser, "bulk-delete");
    await makeTasks(context, ["Pay rent", "Buy milk", "Call mom"], ["Buy milk"]);
    await page.goto("/tasks");
    await page.getByRole("button", { name: "Call mom. Open details" }).waitFor();
    // s on a row ticks it, Shift+click the rest.
    await page.getByRole("button", { name: "Pay rent. Open details" }).focus();
    await page.keyboard.press("s");
    await box(page, "Call mom").click({ modifiers: ["Shift"] });
    await bar(page).getByText("3 selected").waitFor();
    await bar(page).getByRole("button", { name: "Delete" }).click();
    await page.locator("[data-toast-id]").filter({ hasText: "Deleted 3 tasks (repeats kept)" }).waitFor();
    // The series goes on: its next "Buy milk" comes (recurring-service, through events).
    await expect
      .poll(async () => (await open(context)).map((t) => t.title), { timeout: 20_000 })
      .toEqual(["Buy milk"]);
    await page.locator("[data-toast-id]").filter({ hasText: "Deleted 3 tasks" }).getByRole("button", { name: "Undo" }).click();
    await expect
      .poll(async () => (await open(context)).map((t) => t.title).sort(), { timeout: 15_000 })
      .toEqual(["Buy milk", "Call mom", "Pay rent"]);
    await context.close();
  });
});

describe("selecting on a 390 px touch phone", () => {
  it("Select shows the boxes; the bar covers neither the quick-add nor the last row; toasts sit above it", async () => {
    const { context, page } = await phonePage(browser, "bulk-phone");
    const titles = Array.from({ length: 12 }, (_, i) => `Errand ${String(i + 1).padStart(2, "0")}`);
    await makeTasks(context, titles);
    await page.goto("/tasks");
    await page.getByRole("button", { name: "Errand 01. Open details" }).waitFor();
    // No hover on a phone: the boxes are not shown (and take no room) until Select.
    expect(await opacityOf(page, "Errand 01")).toBe("0");
    await page.getByRole("button", { name: "Select", exact: true }).tap();
    await expect.poll(() => opacityOf(page, "Errand 01")).toBe("1");
    await box(page, "Errand 01").tap();
    await box(page, "Errand 02").tap();
    await bar(page).getByText("2 selected").waitFor();

    // At the top: the bar is at the bottom of the screen, clear of the quick-add.
    const quickAdd = (await page.getByLabel("Quick add a task").boundingBox())!;
    let shown = (await bar(page).boundingBox())!;
    expect(shown.y).toBeGreaterThan(quickAdd.y + quickAdd.height);
    expect(shown.y + shown.height).toBeLessThanOrEqual(844);
    expect(shown.width).toBeLessThanOrEqual(390);
    await screenshot(page, "bulk-select-bar-390");

    // At the end: the last row is above the bar, not under it.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const lastRow = page.getByRole("button", { name: "Errand 12. Open details" });
    await lastRow.waitFor();
    await page.waitForTimeout(300);
    const last = (await lastRow.boundingBox())!;
    shown = (await bar(page).boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(shown.y);
    await page.evaluate(() => window.scrollTo(0, 0));

    await bar(page).getByRole("button", { name: "Complete" }).tap();
    const toast = page.locator("[data-toast-id]").filter({ hasText: "Completed 2 tasks" });
    await toast.waitFor();
    await expect.poll(async () => (await open(context)).length).toBe(10);
    // The bar went with the selection; the toast is on screen.
    await expect.poll(() => bar(page).count()).toBe(0);
    expect(await toast.isVisible()).toBe(true);

    // With a selection again (Select once more: done, it turned off), a toast sits above the bar.
    await page.getByRole("button", { name: "Select", exact: true }).tap();
    await box(page, "Errand 03").tap();
    await bar(page).getByRole("button", { name: "Priority" }).tap();
    await page.getByRole("menuitem", { name: "Low" }).tap();
    const said = page.locator("[data-toast-id]").filter({ hasText: "Set 1 task to Low" });
    await said.waitFor();
    // Still selected (and in select mode): one more tap adds to it.
    await box(page, "Errand 04").tap();
    await bar(page).getByText("2 selected").waitFor();
    const [toastBox, barBox] = [(await said.boundingBox())!, (await bar(page).boundingBox())!];
    expect(toastBox.y + toastBox.height).toBeLessThanOrEqual(barBox.y + 1);
    await context.close();
  });
});
