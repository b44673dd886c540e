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
