// @vitest-environment jsdom
import { onlineManager } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Task } from "@/lib/tasks";
import { ownDeclarations, tailwindCss } from "@/lib/test-css";
import { TaskRow } from "./task-row";
import { testTask } from "./test-task";

afterEach(() => {
  cleanup();
  onlineManager.setOnline(true);
});

const base = testTask({ title: "Pay rent", priority: "HIGH", tags: ["Finance"] });

function row(task: Partial<Task>, search = "") {
  const onOpen = vi.fn();
  const onToggle = vi.fn();
  render(
    <TaskRow
      task={{ ...base, ...task }}
      search={search}
      active
      celebrate={false}
      leaving={false}
      onOpen={onOpen}
      onToggle={onToggle}
      onFocusRow={() => {}}
    />,
  );
  return { onOpen, onToggle };
}

describe("TaskRow", () => {
  it("marks an overdue task in words, not only in colour", () => {
    row({ due_at: new Date(Date.now() - 3_600_000).toISOString() });
    expect(screen.getByText("Overdue ·")).toBeTruthy();
  });

  it("does not call a future task overdue", () => {
    row({ due_at: new Date(Date.now() + 3 * 86_400_000).toISOString() });
    expect(screen.queryByText("Overdue ·")).toBeNull();
  });

  it("shows a recurring task's rule in words", () => {
    row({ rrule: "FREQ=MONTHLY;BYMONTHDAY=1", is_recurring: true });
    expect(screen.getByText("Every month on the 1st")).toBeTruthy();
  });

  it("names a monthly rule's placed weekday, not only 'Every month'", () => {
    // User test: the row said "Every month" while the drawer said "the last Friday of every month".
    row({ rrule: "FREQ=MONTHLY;BYDAY=-1FR", is_recurring: true });
    expect(screen.getByText(/^Every month/).textContent).toBe("Repeats: Every month on the last Fri");
  });

  it("says a repeat counted from completion, as quick-add's chip does", () => {
    // Re-test h152: the row said "Every 3 days" where the chip had said "Every 3 days, from completion".
    row({ rrule: "FREQ=DAILY;INTERVAL=3", is_recurring: true, repeat_from: "completion" });
    expect(screen.getByText(/^Every 3 days/).textContent).toBe("Repeats: Every 3 days, from completion");
  });

  it("says when a repeating task's instance is moved off its rule's days", () => {
    // Tuesday 8 January 2030 in the browser's zone; every Monday.
    row({ rrule: "FREQ=WEEKLY;BYDAY=MO", is_recurring: true, due_at: new Date(2030, 0, 8, 9, 0).toISOString() });
    // Before: "Every Mon" alone beside the Tuesday.
    expect(screen.getByText(/^Every Mon/).textContent).toBe("Repeats: Every Mon (this one moved)");
  });

  it("says nothing more for an instance on its rule's day (guard)", () => {
    row({ rrule: "FREQ=WEEKLY;BYDAY=MO", is_recurring: true, due_at: new Date(2030, 0, 7, 9, 0).toISOString() });
    expect(screen.getByText(/^Every Mon/).textContent).toBe("Repeats: Every Mon");
  });

  it("labels its controls and calls back with the task", () => {
    const { onOpen, onToggle } = row({});
    fireEvent.click(screen.getByRole("checkbox", { name: "Complete “Pay rent”" }));
    expect(onToggle).toHaveBeenCalledWith(expect.objectContaining({ id: "t1" }));
    fireEvent.click(screen.getByRole("button", { name: "Pay rent. Open details" }));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: "t1" }));
    expect(screen.getByText("High")).toBeTruthy();
  });

  it("marks a task added while offline as waiting to sync, until the browser is back online", () => {
    row({ id: "optimistic-abc" });
    expect(screen.queryByText("Waiting to sync")).toBeNull();
    act(() => onlineManager.setOnline(false));
    expect(screen.getByText("Waiting to sync")).toBeTruthy();
    act(() => onlineManager.setOnline(true));
    expect(screen.queryByText("Waiting to sync")).toBeNull();
  });

  it("does not mark a saved task while offline", () => {
    act(() => onlineManager.setOnline(false));
    row({});
    expect(screen.queryByText("Waiting to sync")).toBeNull();
  });

  it("highlights search matches in the title and tags", () => {
    row({}, "fin rent");
    const marks = [...document.querySelectorAll("mark")].map((m) => m.textContent);
    expect(marks).toEqual(["rent", "Fin"]);
  });

  it("wraps a long unbroken title instead of widening the page", () => {
    const url = `https://example.com/${"averyveryverylongpathsegment".repeat(5)}`;
    row({ title: `Check ${url}` });
    // jsdom has no layout: the title's button must carry the wrapping rule (overflow-wrap: anywhere).
    expect(screen.getByText(`Check ${url}`).closest(".wrap-anywhere")).not.toBeNull();
  });

  describe("priority", () => {
    // What a sighted user sees: the row's text without the screen-reader-only words.
    const visibleText = (root: HTMLElement) => {
      const copy = root.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(".sr-only").forEach((hidden) => hidden.remove());
      return copy.textContent ?? "";
    };
    const said = (root: HTMLElement) => (root.textContent ?? "").replace(/\s+/g, " ");

    it("shows no badge for Medium, the default, but still says it to a screen reader", () => {
      row({ priority: "MEDIUM" });
      const root = document.body;
      expect(visibleText(root)).not.toMatch(/Medium/);
      expect(said(root)).toContain("Priority Medium");
      expect(screen.getByText(/^Priority Medium$/).closest("[aria-hidden]")).toBeNull();
    });

    it.each([
      ["VERY_IMPORTANT", "Urgent"],
      ["HIGH", "High"],
      ["LOW", "Low"],
    ] as const)("shows a badge for %s (%s)", (priority, label) => {
      row({ priority });
      const badge = screen.getByText(label);
      expect(badge.closest(".sr-only")).toBeNull();
      expect(visibleText(badge)).toBe(label);
      expect(said(badge)).toBe(`Priority ${label}`);
    });
  });

  it("offers to reopen a completed task", () => {
    row({ completed: true, completed_at: "2030-01-02T00:00:00Z" });
    expect(screen.getByRole("checkbox", { name: "Reopen “Pay rent”" }).getAttribute("aria-checked")).toBe("true");
  });
});

describe("a row's edge, overdue or not", () => {
  const endOfToday = new Date();
  endOfToday.setHours(23, 59, 59, 0);
  const dues: Record<string, string | null> = {
    overdue: new Date(Date.now() - 3_600_000).toISOString(),
    today: endOfToday.toISOString(),
    later: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    none: null,
  };

  /** The outer element of a row due at `due_at`, and what its own classes make of its edges. */
  async function edges(due_at: string | null) {
    const { container } = render(
      <TaskRow task={{ ...base, due_at }} search="" active={false} celebrate={false} leaving={false} onOpen={() => {}} onToggle={() => {}} onFocusRow={() => {}} />,
    );
    const outer = container.firstElementChild!;
    const all = ownDeclarations(outer, await tailwindCss((outer.getAttribute("class") ?? "").split(/\s+/)));
    cleanup();
    return {
      all,
      // What moves the row's content: border widths and padding.
      room: all.filter((declaration) => /^(border(-[a-z]+)*-width|padding(-[a-z]+)*):/.test(declaration)).sort(),
    };
  }

  it("takes the same room on every row, so the titles line up (user test: overdue text 3 px to the right)", async () => {
    const shown = Object.fromEntries(await Promise.all(Object.entries(dues).map(async ([name, due]) => [name, await edges(due)] as const)));
    expect(shown.none.room.length).toBeGreaterThan(0);
    // Before: overdue and due-today rows also had border-left-width: 4px.
    for (const name of ["overdue", "today", "later"]) expect(shown[name].room, name).toEqual(shown.none.room);
    // Still marked at the edge in colour (besides the words): danger overdue, warning today.
    expect(shown.overdue.all.join(";")).toContain("var(--color-danger)");
    expect(shown.today.all.join(";")).toContain("var(--color-warning)");
    expect(shown.none.all.join(";")).not.toMatch(/var\(--color-(danger|warning)\)/);
  });
});
