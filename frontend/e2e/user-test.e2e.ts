/**
 * Things a user test found on the Tasks screen, each checked here in Chromium against the
 * running stack (Europe/Paris, en-US).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { apiCall, desktopPage, launch } from "./harness";

interface Task {
  id: string;
  title: string;
  due_at: string | null;
  rrule: string | null;
}

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const desktop = () => desktopPage(browser, "usertest");

describe("a repeating task moved to another weekday in the edit drawer", () => {
  it("says the move is this time only, and the row says this one moved", async () => {
    const { context, page } = await desktop();
    // Monday 7 January 2030, 9:00 in Paris; every Monday.
    const task = await apiCall<Task>(context, "POST", "tasks", {
      title: "Standup",
      due_at: "2030-01-07T08:00:00Z",
      rrule: "FREQ=WEEKLY;BYDAY=MO",
    });
    await page.goto("/tasks");
    await page.getByRole("button", { name: "Standup. Open details" }).click();
    const drawer = page.getByRole("dialog", { name: "Edit task" });
    await drawer.getByLabel("Due date").fill("2030-01-08");
    await drawer.getByText("Only this time. The series stays every Monday.").waitFor();
    await drawer.getByRole("button", { name: "Save" }).click();
    await drawer.waitFor({ state: "detached" });
    const moved = await apiCall<Task>(context, "GET", `tasks/${task.id}`);
    expect([moved.due_at, moved.rrule]).toEqual(["2030-01-08T08:00:00Z", "FREQ=WEEKLY;BYDAY=MO"]);
    await page.getByText("Every Mon (this one moved)").waitFor();
    await context.close();
  });
});

describe("a repeat chosen in the edit drawer whose days leave out the due day", () => {
  it("moves the due date to the rule's first day, same time, says so, and saves that", async () => {
    const { context, page } = await desktop();
    // Saturday 12 January 2030, 9:00 in Paris.
    const task = await apiCall<Task>(context, "POST", "tasks", { title: "Weekly report", due_at: "2030-01-12T08:00:00Z" });
    await page.goto("/tasks");
    await page.getByRole("button", { name: "Weekly report. Open details" }).click();
    const drawer = page.getByRole("dialog", { name: "Edit task" });
    await drawer.getByLabel("Repeat pattern").selectOption({ label: "Every weekday (Mon–Fri)" });
    await drawer.getByText("Starts Mon, Jan 14, the first weekday (was Sat, Jan 12).").waitFor();
    expect(await drawer.getByLabel("Due date").inputValue()).toBe("2030-01-14");
    expect(await drawer.getByLabel("Due time").inputValue()).toBe("09:00");
    await drawer.getByRole("button", { name: "Save" }).click();
    await drawer.waitFor({ state: "detached" });
    const saved = await apiCall<Task>(context, "GET", `tasks/${task.id}`);
    expect([saved.due_at, saved.rrule]).toEqual(["2030-01-14T08:00:00Z", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"]);
    await context.close();
  });
});

describe("a task added for a time already past", () => {
  it("says so in the add confirmation, and Move to tomorrow moves it to tomorrow at that time", async () => {
    const { context, page } = await desktop();
    // Monday 7 January 2030, 5:17 PM in Paris in the page (its clock only; timers run).
    await page.clock.setFixedTime(new Date("2030-01-07T16:17:00Z"));
    await page.goto("/tasks");
    const box = page.getByLabel("Quick add a task");
    await box.fill("Pay bill today 3pm");
    await page.getByText("Adds Pay bill").waitFor();
    await box.press("Enter");
    const toast = page.locator("[data-toast-id]").filter({ hasText: "Added “Pay bill”" });
    await toast.getByText("Due 3:00 PM today, which has passed.").waitFor();
    await toast.getByRole("button", { name: "Move to tomorrow" }).click();
    const moved = async () => (await apiCall<{ items: Task[] }>(context, "GET", "tasks?search=pay%20bill")).items[0];
    await expect.poll(async () => (await moved())?.due_at, { timeout: 10_000 }).toBe("2030-01-08T14:00:00Z");
    await context.close();
  });
});

describe("the sort direction button", () => {
  it("says what the order means for the sort, and a saved 'Created, oldest first' stays after a reload", async () => {
    const { context, page } = await desktop();
    await apiCall(context, "POST", "tasks", { title: "First" });
    await apiCall(context, "POST", "tasks", { title: "Second" });
    await page.goto("/tasks");
    await page.getByRole("button", { name: "Second. Open details" }).waitFor();
    const sort = page.getByLabel("Sort by");
    const direction = page.getByRole("button", { name: /^Sort direction/ });
    expect(await direction.isDisabled()).toBe(true);
    await sort.selectOption("created_at");
    await page.getByRole("button", { name: "Sort direction: Newest first" }).waitFor();
    await direction.click();
    await page.getByRole("button", { name: "Sort direction: Oldest first" }).waitFor();
    expect(await direction.innerText()).toBe("Oldest first");
    await page.reload();
    await page.getByRole("button", { name: "Sort direction: Oldest first" }).waitFor();
    // The button is back before the list is: wait for the rows.
    const titles = () => page.locator("[aria-label$='. Open details']").evaluateAll((rows) => rows.map((row) => row.getAttribute("aria-label")));
    await expect.poll(titles, { timeout: 10_000 }).toEqual(["First. Open details", "Second. Open details"]);
    await sort.selectOption("title");
    await page.getByRole("button", { name: "Sort direction: A to Z" }).waitFor();
    expect(await direction.innerText()).toBe("A to Z");
    await context.close();
  });
});

describe("the keyboard shortcuts", () => {
  it("? lists them in a dialog; Escape closes it and focus goes back to the row", async () => {
    const { context, page } = await desktop();
    await apiCall(context, "POST", "tasks", { title: "Water plants" });
    await page.goto("/tasks");
    const row = page.getByRole("button", { name: "Water plants. Open details" });
    await row.focus();
    await page.keyboard.press("Shift+Slash");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await dialog.getByText("Complete or reopen the task").waitFor();
    expect(await dialog.getByRole("button", { name: "Close" }).evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await row.evaluate((button) => button === document.activeElement)).toBe(true);
    await context.close();
  });

  it("g then d goes to the Dashboard, g then t back to Tasks, a opens the assistant (focus in its message box)", async () => {
    const { context, page } = await desktop();
    await apiCall(context, "POST", "tasks", { title: "Book dentist" });
    await page.goto("/tasks");
    await page.getByRole("button", { name: "Book dentist. Open details" }).focus();
    await page.keyboard.press("g");
    await page.keyboard.press("d");
    await page.waitForURL("**/dashboard");
    await page.keyboard.press("g");
    await page.keyboard.press("t");
    await page.waitForURL("**/tasks");
    await page.getByRole("button", { name: "Book dentist. Open details" }).focus();
    await page.keyboard.press("a");
    const box = page.getByRole("dialog", { name: "Assistant" }).getByLabel("Message the assistant");
    await expect.poll(() => box.evaluate((el) => el === document.activeElement), { timeout: 10_000 }).toBe(true);
    await context.close();
  });
});

describe("z after completing a task with x", () => {
  it("presses the toast's Undo: the task is open again", async () => {
    const { context, page } = await desktop();
    const task = await apiCall<Task & { completed: boolean }>(context, "POST", "tasks", { title: "Renew passport" });
    await page.goto("/tasks");
    await page.getByRole("button", { name: "Renew passport. Open details" }).focus();
    await page.keyboard.press("x");
    const toast = page.locator("[data-toast-id]").filter({ hasText: "Completed “Renew passport”" });
    await toast.waitFor();
    const completed = async () => (await apiCall<Task & { completed: boolean }>(context, "GET", `tasks/${task.id}`)).completed;
    await expect.poll(completed, { timeout: 10_000 }).toBe(true);
    await page.keyboard.press("z");
    await toast.waitFor({ state: "detached" });
    await expect.poll(completed, { timeout: 10_000 }).toBe(false);
    await page.getByRole("button", { name: "Renew passport. Open details" }).waitFor();
    await context.close();
  });
});

describe("↓ from the search box", () => {
  it("goes to the first result; ↑ on it comes back to the box", async () => {
    const { context, page } = await desktop();
    await apiCall(context, "POST", "tasks", { title: "Book dentist" });
    await apiCall(context, "POST", "tasks", { title: "Book flights" });
    await page.goto("/tasks");
    const search = page.getByLabel("Search tasks");
    // Both tasks match, so "2 tasks" is on screen before the search is answered: wait for the
    // answer, or the list's reorder to best match can land between the ↓ and the ↑ (seen under
    // load: ↑ on 'Book flights' stayed there).
    const answered = page.waitForResponse((r) => new URL(r.url()).searchParams.get("search") === "book" && r.ok());
    await search.fill("book");
    await answered;
    await page.getByText("2 tasks").waitFor();
    await page.locator("mark").first().waitFor();
    const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.id);
    const first = await page.locator("[aria-label$='. Open details']").first().getAttribute("aria-label");
    await page.keyboard.press("ArrowDown");
    await expect.poll(focusedLabel).toBe(first);
    await page.keyboard.press("ArrowUp");
    await expect.poll(focusedLabel).toBe("task-search");
    await context.close();
  });
});
