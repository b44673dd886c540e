// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_FILTERS, type TaskFilters } from "@/lib/tasks";
import { FilterChips } from "./filter-chips";

afterEach(cleanup);

const busy: TaskFilters = { status: "completed", priority: ["VERY_IMPORTANT", "LOW"], due: "today", tags: ["Work", "home"] };

describe("FilterChips", () => {
  it("shows nothing for the default view", () => {
    const { container } = render(<FilterChips filters={DEFAULT_FILTERS} onChange={() => {}} onClear={() => {}} />);
    expect(container.innerHTML).toBe("");
  });

  it("shows one chip per active filter value", () => {
    render(<FilterChips filters={busy} onChange={() => {}} onClear={() => {}} />);
    const list = screen.getByRole("list", { name: "Active filters" });
    const labels = within(list)
      .getAllByRole("button", { name: /^Remove filter / })
      .map((b) => b.getAttribute("aria-label"));
    expect(labels).toEqual([
      "Remove filter Status: Completed",
      "Remove filter Priority: Urgent",
      "Remove filter Priority: Low",
      "Remove filter Due: Today",
      "Remove filter #Work",
      "Remove filter #home",
    ]);
  });

  it("removes exactly the chip's value and keeps the others (AND)", () => {
    const onChange = vi.fn();
    render(<FilterChips filters={busy} onChange={onChange} onClear={() => {}} />);
    fireEvent.click(screen.getByRole("button", { name: "Remove filter Priority: Urgent" }));
    expect(onChange).toHaveBeenLastCalledWith({ ...busy, priority: ["LOW"] });
    fireEvent.click(screen.getByRole("button", { name: "Remove filter #Work" }));
    expect(onChange).toHaveBeenLastCalledWith({ ...busy, tags: ["home"] });
    fireEvent.click(screen.getByRole("button", { name: "Remove filter Status: Completed" }));
    expect(onChange).toHaveBeenLastCalledWith({ ...busy, status: "open" });
    fireEvent.click(screen.getByRole("button", { name: "Remove filter Due: Today" }));
    expect(onChange).toHaveBeenLastCalledWith({ ...busy, due: null });
  });

  it("offers Clear all only when there are several chips", () => {
    const onClear = vi.fn();
    const { rerender } = render(
      <FilterChips filters={{ ...DEFAULT_FILTERS, due: "overdue" }} onChange={() => {}} onClear={onClear} />,
    );
    expect(screen.queryByRole("button", { name: "Clear all" })).toBeNull();
    rerender(<FilterChips filters={busy} onChange={() => {}} onClear={onClear} />);
    fireEvent.click(screen.getByRole("button", { name: "Clear all" }));
    expect(onClear).toHaveBeenCalledOnce();
  });
});
