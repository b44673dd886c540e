/**
 * Deleting a task from the edit drawer with the keyboard only: focus never falls to <body>, the
 * toast's Undo brings the task back where it was, with its fields, and focus goes to it. The task
 * is a weekly one: its delete made the series' next instance, which Undo moves back (one open
 * 'Buy milk', due when it was; not a second series beside the next one).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { apiCall, desktopPage, focused, launch } from "./harness";

interface Task {
  id: string;
  title: string;
  description: string;
  completed: boolean;
  priority: string;
  tags: string[];
  due_at: string | null;
  remind_at: string | null;
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

const desktop = () => desktopPage(browser, "delete");


const rows = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll("[aria-label$='. Open details']")].map((row) => row.getAttribute("aria-label")));

/**
 * From the task's row: Enter opens it, the bin (by keyboard) asks, `answer` answers: "Delete",
 * or for a repeating task "Delete this one" (two Shift+Tabs back from "Keep", past "Delete and
 * stop repeating").
 */
async function deleteByKeyboard(page: Page, title: string, answer: "Delete" | "Delete this one" = "Delete") {
  await page.getByRole("button", { name: `${title}. Open details` }).focus();
  await page.keyboard.press("Enter");
  const drawer = page.getByRole("dialog", { name: "Edit task" });
  await drawer.waitFor();
  await drawer.getByRole("button", { name: "Delete task" }).focus();
  await page.keyboard.press("Enter");
  // The question's safe answer has focus (before: <body>).
  await expect.poll(() => focused(page)).toBe("Keep");
  await page.keyboard.press("Shift+Tab");
  if (answer === "Delete this one") {
    expect(await focused(page)).toBe("Delete and stop repeating");
    await page.keyboard.press("Shift+Tab");
  }
  expect(await focused(page)).toBe(answer);
  await page.keyboard.press("Enter");
}

describe("deleting from the edit drawer with the keyboard", () => {
  it("focuses the next task, and Undo brings the task back where it was, with its fields, focused", async () => {
    const { context, page } = await desktop();
    await apiCall(context, "POST", "tasks", { title: "Pay rent" });
    const due = new Date(Date.now() + 3 * 86_400_000);
    due.setUTCHours(16, 0, 0, 0);
    const milk = await apiCall<Task>(context, "POST", "tasks", {
      title: "Buy milk",
      description: "2 litres",
      tags: ["Shopping"],
      due_at: due.toISOString(),
      remind_at: new Date(due.getTime() - 30 * 60_000).toISOString(),
      rrule: "FREQ=WEEKLY",
    });
    await apiCall(context, "POST", "tasks", { title: "Call mom", due_at: new Date(due.getTime() + 86_400_000).toISOString() });
    await page.goto("/tasks");
    await page.getByRole("button", { name: "Call mom. Open details" }).waitFor();
    expect(await rows(page)).toEqual(["Buy milk. Open details", "Call mom. Open details", "Pay rent. Open details"]);

    await deleteByKeyboard(page, "Buy milk", "Delete this one");
    await page.locator("[data-toast-id]").filter({ hasText: "Deleted “Buy milk”" }).waitFor();
    await expect.poll(() => focused(page)).toBe("Call mom. Open details");

    // The toast's Undo is the next Tab stop after the list.
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("Undo");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page), { timeout: 10_000 }).toBe("Buy milk. Open details");
    await expect.poll(() => rows(page)).toEqual(["Buy milk. Open details", "Call mom. Open details", "Pay rent. Open details"]);
    const milks = async () => (await apiCall<{ items: Task[] }>(context, "GET", "tasks")).items.filter((t) => t.title === "Buy milk");
    const [back, ...more] = await milks();
    expect(more).toEqual([]); // before: also 'Buy milk' a week later, the series' next instance
    expect(back?.id).not.toBe(milk.id);
    expect(back).toMatchObject({
      series_id: milk.series_id,
      description: "2 litres",
      priority: "MEDIUM",
      tags: ["Shopping"],
      due_at: milk.due_at,
      remind_at: milk.remind_at,
      rrule: milk.rrule,
      completed: false,
    });
    // The shortcuts work from there.
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => focused(page)).toBe("Call mom. Open details");
    // Still one 'Buy milk' a while later (no next instance made after the Undo), due as it was.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect((await milks()).map((t) => [t.id, t.due_at])).toEqual([[back?.id, milk.due_at]]);
    await page.reload();
    await page.getByRole("button", { name: "Call mom. Open details" }).waitFor();
    expect(await rows(page)).toEqual(["Buy milk. Open details", "Call mom. Open details", "Pay rent. Open details"]);
    await context.close();
  });

  it("focuses the previous task when the last one goes, the quick-add when none is left", async () => {
    const { context, page } = await desktop();
    await apiCall(context, "POST", "tasks", { title: "Pay rent" });
    await apiCall(context, "POST", "tasks", { title: "Read a book" });
    await page.goto("/tasks");
    await page.getByRole("button", { name: "Read a book. Open details" }).waitFor();
    await deleteByKeyboard(page, "Read a book");
    await expect.poll(() => focused(page)).toBe("Pay rent. Open details");
    await deleteByKeyboard(page, "Pay rent");
    await page.getByText("Nothing to do. Yet.").waitFor();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim()))
      .toBe("Quick add a task");
    await context.close();
  });
});
