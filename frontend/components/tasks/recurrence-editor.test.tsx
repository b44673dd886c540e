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
/** The server refuses the rule (422, as recurrence/preview answers one it cannot read). */
let refused: string | null = null;
beforeEach(() => {
  refused = null;
  vi.stubGlobal(
    "fetch",
    vi.fn(async () =>
      refused
        ? Response.json({ error: { code: "validation_error", message: "Invalid input.", fields: { rrule: refused } } }, { status: 422 })
        : Response.json(body),
    ),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderEditor(dueDate: string, { error }: { error?: string } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RecurrenceEditor
        rrule="FREQ=WEEKLY;BYDAY=FR"
        error={error}
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

describe("RecurrenceEditor: a rule the server refuses", () => {
  const liveness = (element: Element) => element.closest("[aria-live]")?.getAttribute("aria-live") ?? "off";
  /** The editor showing `rrule`, as the drawer renders it again after each change. */
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const editor = (rrule: string) => (
    <QueryClientProvider client={client}>
      <RecurrenceEditor rrule={rrule} onChange={() => {}} repeatFrom="due" onRepeatFromChange={() => {}} dueDate="2026-11-29" dueTime="09:00" />
    </QueryClientProvider>
  );
  beforeEach(() => client.clear());

  it("shows the error of a stored rule when the drawer opens without saying it; says it once the user changes the rule", async () => {
    refused = "FREQ=SOMETIMES is not a frequency.";
    const view = render(editor("FREQ=SOMETIMES"));
    const shown = await screen.findByText("FREQ=SOMETIMES is not a frequency.");
    // Before: role=alert, read out as the drawer opened.
    expect(screen.queryByRole("alert")).toBeNull();
    expect(liveness(shown)).toBe("off");
    // The user edits the rule (still refused): now it is said, as an alert only (not a polite region's too).
    refused = "FREQ=SOMETIMES;INTERVAL=2 is not a frequency.";
    fireEvent.change(screen.getByLabelText("Custom rule"), { target: { value: "FREQ=SOMETIMES;INTERVAL=2" } });
    view.rerender(editor("FREQ=SOMETIMES;INTERVAL=2"));
    // The edited rule's own error (the old one goes while the new rule is looked at).
    const alert = await vi.waitFor(() => {
      const found = screen.getByRole("alert");
      expect(found.textContent).toBe("FREQ=SOMETIMES;INTERVAL=2 is not a frequency.");
      return found;
    }, 3_000);
    expect(liveness(alert)).toBe("off");
  });

  it("says the error a Save found at once (the user asked for it)", async () => {
    renderEditor("2026-11-29", { error: "Enter a rule or choose “Does not repeat”." });
    expect((await screen.findByRole("alert")).textContent).toBe("Enter a rule or choose “Does not repeat”.");
  });

  it("says the preview again once the user has fixed the rule", async () => {
    refused = "FREQ=SOMETIMES is not a frequency.";
    const view = render(editor("FREQ=SOMETIMES"));
    await screen.findByText("FREQ=SOMETIMES is not a frequency.");
    refused = null;
    body = preview("2026-11-29T09:00:00Z");
    fireEvent.change(screen.getByLabelText("Custom rule"), { target: { value: "FREQ=WEEKLY;BYDAY=FR" } });
    view.rerender(editor("FREQ=WEEKLY;BYDAY=FR"));
    expect(liveness(await screen.findByRole("list"))).toBe("polite");
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
