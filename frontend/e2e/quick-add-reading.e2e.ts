/**
 * What a user found in the quick-add box (Paris, Friday 27 Nov 2026), typed in the browser and
 * saved through the running stack: "starting <day>" starts a repeat there, the word "urgent" is
 * Very important where it says the priority (not "Reply to urgent emails"), "every weeknight"
 * repeats Monday to Friday, "by 10 december" with a tag after it and "10.12." are 10 December,
 * "on the last day of the month" is one task, "until march" ends a series at the end of March,
 * and "every month on the 45th" is no rule. The clock is the real one, so the
 * dates are checked by what they are (a Monday, a month's last day), not by a fixed date.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { apiCall, desktopPage, eventually, launch } from "./harness";

interface Task {
  id: string;
  title: string;
  priority: string;
  due_at: string | null;
  rrule: string | null;
}

let browser: Browser;
let context: BrowserContext;
let page: Page;

/** The day in Paris of an instant: year, month, day, weekday (0 Sunday). */
function inParis(iso: string): { year: number; month: number; day: number; weekday: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Paris", year: "numeric", month: "numeric", day: "numeric", weekday: "short" })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday),
  };
}

const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Types the line, waits for its preview, saves it and returns the task the server made. */
async function quickAdd(text: string, title: string, chips = true): Promise<Task> {
  const input = page.getByLabel("Quick add a task");
  await input.fill(text);
  if (chips) await page.getByRole("list", { name: "Parsed from your text" }).waitFor();
  else await page.getByText(title, { exact: true }).first().waitFor();
  await input.press("Enter");
  return eventually(async () => {
    const { items } = await apiCall<{ items: Task[] }>(context, "GET", "tasks?status=open&limit=100");
    return items.find((task) => task.title === title && !task.id.startsWith("optimistic"));
  }, 10_000, 300);
}

describe("the quick-add box reads what a user typed", () => {
  beforeAll(async () => {
    browser = await launch();
    ({ context, page } = await desktopPage(browser, "quick-add-reading"));
    await page.goto("/tasks");
    await page.getByLabel("Quick add a task").waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("starts 'Yoga every monday starting monday' on a Monday, titled Yoga", async () => {
    const task = await quickAdd("Yoga every monday starting monday", "Yoga");
    expect(task.rrule).toBe("FREQ=WEEKLY;BYDAY=MO");
    expect(inParis(task.due_at ?? "").weekday).toBe(1);
  });

  it("makes 'Call the plumber urgent' Very important, titled Call the plumber", async () => {
    const task = await quickAdd("Call the plumber urgent", "Call the plumber");
    expect(task.priority).toBe("VERY_IMPORTANT");
  });

  it("keeps 'Reply to urgent emails' whole, not Very important (an adjective of the title)", async () => {
    const text = "Reply to urgent emails";
    const task = await quickAdd(text, text, false);
    expect(task.priority).not.toBe("VERY_IMPORTANT");
  });

  it("repeats 'Pack lunches every weeknight 8pm' Monday to Friday at 20:00, titled Pack lunches", async () => {
    const task = await quickAdd("Pack lunches every weeknight 8pm", "Pack lunches");
    expect(task.rrule).toBe("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    const due = new Date(task.due_at ?? "");
    expect(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" }).format(due)).toBe("20:00");
    expect([1, 2, 3, 4, 5]).toContain(inParis(task.due_at ?? "").weekday);
  });

  it("dates 'File VAT return (Umsatzsteuer) by 10 december #admin !urgent' and 'Quote for Kessler logo 10.12.' on 10 December", async () => {
    const vat = await quickAdd("File VAT return (Umsatzsteuer) by 10 december #admin !urgent", "File VAT return (Umsatzsteuer)");
    expect(inParis(vat.due_at ?? "")).toMatchObject({ month: 12, day: 10 });
    expect(vat.priority).toBe("VERY_IMPORTANT");
    const quote = await quickAdd("Quote for Kessler logo 10.12.", "Quote for Kessler logo");
    expect(inParis(quote.due_at ?? "")).toMatchObject({ month: 12, day: 10 });
  });

  it("makes 'Pay rent on the last day of the month' one task due this month's last day", async () => {
    const task = await quickAdd("Pay rent on the last day of the month", "Pay rent");
    expect(task.rrule).toBeNull();
    const due = inParis(task.due_at ?? "");
    const today = inParis(new Date().toISOString());
    expect(due).toMatchObject({ year: today.year, month: today.month, day: lastDayOf(today.year, today.month) });
  });

  it("ends 'Pay bills every last day of the month until march' at the end of March", async () => {
    const task = await quickAdd("Pay bills every last day of the month until march", "Pay bills");
    // The task service stores the rule's parts in its own order: compare them as a set.
    const parts = Object.fromEntries((task.rrule ?? "").split(";").map((part) => part.split("=")));
    expect(parts).toMatchObject({ FREQ: "MONTHLY", BYMONTHDAY: "-1" });
    expect(parts.UNTIL).toMatch(/^\d{4}0331T2[12]5959Z$/);
    expect(Object.keys(parts).sort()).toEqual(["BYMONTHDAY", "FREQ", "UNTIL"]);
  });

  it("keeps 'Pay rent every month on the 45th' as its title, with no repeat", async () => {
    const text = "Pay rent every month on the 45th";
    const task = await quickAdd(text, text, false);
    expect(task).toMatchObject({ rrule: null, due_at: null });
  });
});
