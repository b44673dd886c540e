// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RecurrenceEditor } from "./recurrence-editor";

const preview = (dtstart: string | null) => ({
  rrule: "FREQ=WEEKLY;BYDAY=FR",
  description: "every Friday at 09:00",
  dtstart,
  tz: "UTC",
  // As the service answers: the due date first (here a Sunday), then the rule's dates.
  occurrences: ["2026-11-29T09:00:00Z", "2026-12-04T09:00:00Z", "2026-12-11T09:00:00Z"],
});

let body: ReturnType<typeof preview>;
beforeEach(() => {
  vi.stubGlobal("fetch", vi.fn(async () => Response.json(body)));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderEditor(dueDate: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RecurrenceEditor
        rrule="FREQ=WEEKLY;BYDAY=FR"
        onChange={() => {}}
        repeatFrom="due"
        onRepeatFromChange={() => {}}
        dueDate={dueDate}
        dueTime="09:00"
      />
    </QueryClientProvider>,
  );
}

describe("RecurrenceEditor preview", () => {
  it("marks the first date as this task's own due date, not a repeat", async () => {
    body = preview("2026-11-29T09:00:00Z");
    renderEditor("2026-11-29");
    const items = within(await screen.findByRole("list")).getAllByRole("listitem");
    expect(items[0].textContent).toMatch(/· this task$/);
    expect(items[1].textContent).not.toMatch(/this task/);
  });

  it("marks nothing when the task has no due date (the dates are all the rule's)", async () => {
    body = { ...preview(null), occurrences: ["2026-12-04T09:00:00Z", "2026-12-11T09:00:00Z"] };
    renderEditor("");
    const items = within(await screen.findByRole("list")).getAllByRole("listitem");
    expect(items.map((item) => item.textContent).join(" ")).not.toMatch(/this task/);
  });
});

describe("RecurrenceEditor: what a screen reader hears", () => {
  /** How changes to `element` are said: its nearest live region's politeness ("off" for none). */
  const liveness = (element: Element) => element.closest("[aria-live]")?.getAttribute("aria-live") ?? "off";

  it("does not read the preview out when a repeating task is opened, only once the user changes the rule", async () => {
    body = preview("2026-11-29T09:00:00Z");
    renderEditor("2026-11-29");
    const dates = await screen.findByRole("list");
    expect(liveness(dates)).toBe("off");
    fireEvent.change(screen.getByLabelText("Repeat pattern"), { target: { value: "FREQ=DAILY" } });
    expect(liveness(screen.getByRole("list"))).toBe("polite");
  });

  it("reads it after the user changes when the next one is due", async () => {
    body = preview("2026-11-29T09:00:00Z");
    renderEditor("2026-11-29");
    await screen.findByRole("list");
    fireEvent.change(screen.getByLabelText("Next one is due"), { target: { value: "completion" } });
    expect(liveness(screen.getByRole("list"))).toBe("polite");
  });
});

describe("RecurrenceEditor times", () => {
  it("says the rule's time and the next dates in the app's time style (1:28 AM, not 01:28)", async () => {
    body = { ...preview("2026-11-27T01:28:00Z"), description: "every Friday at 01:28", occurrences: ["2026-11-27T01:28:00Z"] };
    renderEditor("2026-11-27");
    // jsdom's locale and zone here: en-US, UTC (as the lists' formatDue would write it).
    expect(await screen.findByText("Repeats every Friday at 1:28 AM")).toBeTruthy();
    const date = within(screen.getByRole("list")).getByText(/Nov 27, 2026/);
    expect(date.textContent).toMatch(/ 1:28 AM$/);
  });
});
