// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubResizeObserver } from "@/lib/test-stubs";
import type { Task } from "@/lib/tasks";
import { TaskList } from "./task-list";
import { testTask } from "./test-task";

const task = (id: string, title: string, completed = false): Task =>
  testTask({ id, title, completed, completed_at: completed ? "2030-01-02T00:00:00Z" : null });

beforeEach(() => {
  // jsdom has no CSS.escape; these ids need no escaping.
  vi.stubGlobal("CSS", { escape: (value: string) => value });
  stubResizeObserver();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderList(tasks: Task[], leaves: (task: Task) => boolean) {
  const onToggle = vi.fn();
  render(
    <TaskList
      stale={false}
      tasks={tasks}
      search=""
      recent={new Set()}
      leaves={leaves}
      hasMore={false}
      loadingMore={false}
      onLoadMore={() => {}}
      onOpen={() => {}}
      onToggle={onToggle}
    />,
  );
  return onToggle;
}

const rowButton = (title: string) => screen.getByRole("button", { name: `${title}. Open details` });
const openView = (t: Task) => t.completed;

async function pressX(title: string) {
  const button = rowButton(title);
  fireEvent.focus(button);
  button.focus();
  fireEvent.keyDown(button, { key: "x" });
  await new Promise((resolve) => setTimeout(resolve, 100)); // the focus waits for animation frames
}

describe("TaskList keyboard", () => {
  const tasks = [task("a", "Alpha"), task("b", "Bravo"), task("c", "Charlie")];

  it("moves focus to the next row after x completes a task that leaves the view", async () => {
    const onToggle = renderList(tasks, openView);
    await pressX("Bravo");
    expect(onToggle).toHaveBeenCalledWith(expect.objectContaining({ id: "b" }));
    expect(document.activeElement).toBe(rowButton("Charlie"));
  });

  it("moves to the previous row when the last one leaves", async () => {
    renderList(tasks, openView);
    await pressX("Charlie");
    expect(document.activeElement).toBe(rowButton("Bravo"));
  });

  it("stays on the row when the task stays in the view (All)", async () => {
    renderList(tasks, () => false);
    await pressX("Bravo");
    expect(document.activeElement).toBe(rowButton("Bravo"));
  });
});

describe("TaskList: a row's Complete box does what x does", () => {
  const tasks = [task("a", "Alpha"), task("b", "Bravo"), task("c", "Charlie")];
  const checkBox = (title: string) => screen.getByRole("checkbox", { name: `Complete “${title}”` });

  async function pressBox(title: string) {
    const box = checkBox(title);
    box.focus();
    fireEvent.click(box); // Space or Enter on the focused box
    await new Promise((resolve) => setTimeout(resolve, 100)); // the focus waits for animation frames
  }

  it("moves focus to the next row's box when the task leaves the view (not to <body> as the row goes)", async () => {
    const onToggle = renderList(tasks, openView);
    await pressBox("Bravo");
    expect(onToggle).toHaveBeenCalledWith(expect.objectContaining({ id: "b" }));
    expect(document.activeElement).toBe(checkBox("Charlie"));
    // The roving tab stop went with it: Tab into the list lands on Charlie's row.
    expect(rowButton("Charlie").tabIndex).toBe(0);
    expect(rowButton("Bravo").tabIndex).toBe(-1);
  });

  it("moves to the previous row when the last one leaves", async () => {
    renderList(tasks, openView);
    await pressBox("Charlie");
    expect(document.activeElement).toBe(checkBox("Bravo"));
  });

  it("stays on the box when the task stays in the view (All)", async () => {
    const onToggle = renderList(tasks, () => false);
    await pressBox("Bravo");
    expect(onToggle).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(checkBox("Bravo"));
  });
});

describe("TaskList keyboard with no row focused", () => {
  const tasks = [task("a", "Alpha"), task("b", "Bravo"), task("c", "Charlie")];
  const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

  it.each(["j", "ArrowDown", "k", "ArrowUp"])("%s from the page focuses the first row", async (key) => {
    renderList(tasks, () => false);
    fireEvent.keyDown(document.body, { key });
    await settle();
    expect(document.activeElement).toBe(rowButton("Alpha"));
  });

  it("then moves from row to row as before", async () => {
    renderList(tasks, () => false);
    fireEvent.keyDown(document.body, { key: "j" });
    await settle();
    fireEvent.keyDown(document.activeElement!, { key: "j" });
    await settle();
    expect(document.activeElement).toBe(rowButton("Bravo"));
  });

  it("leaves the keys alone while the user types in a field or a dialog is open", async () => {
    renderList(tasks, () => false);
    const field = document.body.appendChild(document.createElement("input"));
    field.focus();
    fireEvent.keyDown(field, { key: "j" });
    await settle();
    expect(document.activeElement).toBe(field);
    field.remove();

    const dialog = document.body.appendChild(document.createElement("div"));
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    fireEvent.keyDown(document.body, { key: "ArrowDown" });
    await settle();
    expect(document.activeElement).toBe(document.body);
    dialog.remove();
  });

  it("leaves Up and Down alone in a toolbar (the filter menu's Priority and Tags)", async () => {
    renderList(tasks, () => false);
    const toolbar = document.body.appendChild(document.createElement("div"));
    toolbar.setAttribute("role", "toolbar");
    const option = toolbar.appendChild(document.createElement("button"));
    option.focus();
    for (const key of ["ArrowDown", "ArrowUp"]) {
      fireEvent.keyDown(option, { key });
      await settle();
      expect([key, document.activeElement]).toEqual([key, option]);
    }
    toolbar.remove();
  });
});
