// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { taskKeys } from "@/lib/tasks";
import { ActionChips } from "./action-chips";
import { namedActions } from "./chat";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));
vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

afterEach(cleanup);

describe("ActionChips", () => {
  it("wraps a long unbroken task title inside the chip instead of widening the panel", () => {
    const title = `Check https://example.com/${"averyveryverylongpathsegment".repeat(5)}`;
    render(<ActionChips actions={[{ tool: "add_task", arguments: { title }, ok: true }]} />);
    const label = screen.getByText(new RegExp(title.slice(0, 40).replace(/[.?]/g, "\\$&")));
    // jsdom has no layout: the label carries the wrapping rule (overflow-wrap: anywhere), not truncation.
    expect(label.classList).toContain("wrap-anywhere");
    expect(label.classList).not.toContain("truncate");
  });

  it("names the tasks it moved by id from the tasks on screen, so two chips are not both 'Due date'", () => {
    const client = new QueryClient();
    const page = (items: Array<{ id: string; title: string }>) => ({ pages: [{ items, next_cursor: null }], pageParams: [null] });
    client.setQueryData(taskKeys.list({ status: "open" } as never), page([{ id: "t1", title: "Prepare slides" }]));
    client.setQueryData(taskKeys.detail("t2"), { id: "t2", title: "Call mom about the trip" });
    render(
      <QueryClientProvider client={client}>
        <ActionChips
          actions={[
            { tool: "list_tasks", arguments: {}, ok: true },
            { tool: "set_due_date", arguments: { task_id: "t1", due_at: "2030-03-15T14:00:00Z" }, ok: true },
            { tool: "set_due_date", arguments: { task_id: "t2", due_at: "2030-03-15T22:59:00Z" }, ok: true },
            { tool: "set_due_date", arguments: { task_id: "gone" }, ok: true },
          ]}
        />
      </QueryClientProvider>,
    );
    const chips = screen.getAllByRole("listitem").map((item) => item.textContent);
    expect(chips).toEqual(["Listed tasks", "Due date “Prepare slides”", "Due date “Call mom about the trip”", "Due date"]);
    expect(screen.getByRole("link", { name: "Due date “Prepare slides”" }).getAttribute("href")).toBe("/tasks?task=t1");
  });

  it("namedActions: a task's title from the tasks loaded, else from an earlier action on it; what names itself stays", () => {
    const loaded = new Map([["t1", "Prepare slides"]]);
    const earlier = [
      { tool: "add_task", arguments: { title: "Buy milk" }, ok: true, task_id: "t7" },
      { tool: "complete_task", arguments: { task_id: "t8" }, ok: true, title: "Call the bank" },
    ];
    const named = namedActions(
      [
        { tool: "complete_task", arguments: { task_id: "t1" }, ok: true },
        { tool: "delete_task", arguments: { task_id: "t7" }, ok: true },
        { tool: "reopen_task", arguments: { task_id: "t8" }, ok: true },
        { tool: "update_task", arguments: { task_id: "t1", title: "Prepare the slides" }, ok: true },
        { tool: "delete_task", arguments: { task_id: "gone" }, ok: true },
        { tool: "list_tasks", arguments: {}, ok: true },
      ],
      loaded,
      earlier,
    );
    expect(named.map((action) => action.title)).toEqual(["Prepare slides", "Buy milk", "Call the bank", "Prepare slides", undefined, undefined]);
    // A rename's chip says its new title (its arguments' title comes first).
    render(<ActionChips actions={named} />);
    expect(screen.getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Completed “Prepare slides”",
      "Deleted “Buy milk”",
      "Reopened “Call the bank”",
      "Updated “Prepare the slides”",
      "Deleted",
      "Listed tasks",
    ]);
  });
});
