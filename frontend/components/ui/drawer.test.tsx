// @vitest-environment jsdom
/** The modal side panel (the task drawer's frame). */
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Drawer } from "./drawer";
import { ToastProvider, useToast } from "./toast";

const focus = HTMLElement.prototype.focus;
beforeEach(() => {
  // As in browsers (jsdom does not model it): an element in an inert subtree cannot take focus.
  HTMLElement.prototype.focus = function (this: HTMLElement, options?: FocusOptions) {
    if (this.closest("[inert]")) return;
    focus.call(this, options);
  };
});
afterEach(() => {
  cleanup();
  HTMLElement.prototype.focus = focus;
});

const frames = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));

/** The app's shell as the tasks page has it: the drawer beside the list in <main>, the toasts beside it all. */
function Page({ undo }: { undo: () => void }) {
  const [open, setOpen] = useState(false);
  const { toast } = useToast();
  return (
    <>
      <a href="#main">Skip to content</a>
      <header data-testid="header">
        <button type="button">Assistant</button>
      </header>
      <main data-testid="main">
        <ul data-testid="list">
          <li>
            <button type="button" onClick={() => setOpen(true)}>
              Pay rent. Open details
            </button>
          </li>
        </ul>
        <Drawer open={open} onClose={() => setOpen(false)} title="Edit task">
          <input aria-label="Title" data-autofocus />
          <button type="button" onClick={() => toast({ title: "Completed “Pay rent”", action: { label: "Undo", onClick: undo } })}>
            Complete
          </button>
          <button type="button">Save</button>
        </Drawer>
      </main>
    </>
  );
}

function renderPage() {
  const undo = vi.fn();
  render(
    <ToastProvider>
      <Page undo={undo} />
    </ToastProvider>,
  );
  return undo;
}

/** Whether `element` or one of its ancestors is inert / aria-hidden. */
const behind = (element: Element) => [Boolean(element.closest("[inert]")), Boolean(element.closest('[aria-hidden="true"]'))];
const pageParts = () => [
  screen.getByText("Skip to content"),
  screen.getByTestId("header"),
  screen.getByRole("button", { name: "Assistant", hidden: true }),
  screen.getByTestId("list"),
];

async function openFromRow() {
  const row = screen.getByRole("button", { name: "Pay rent. Open details" });
  row.focus();
  fireEvent.click(row);
  const dialog = screen.getByRole("dialog", { name: "Edit task" });
  await frames(); // the drawer focuses its first field in the next frame
  expect(document.activeElement).toBe(screen.getByLabelText("Title"));
  return { row, dialog };
}

describe("Drawer: modal to screen readers too", () => {
  it("makes the page behind it inert and aria-hidden while open, and on Escape gives it back with focus on the row", async () => {
    renderPage();
    const { row, dialog } = await openFromRow();
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    for (const element of pageParts()) expect([element.textContent, ...behind(element)]).toEqual([element.textContent, true, true]);
    expect(behind(dialog)).toEqual([false, false]);
    expect(behind(screen.getByRole("region", { name: "Notifications" }))).toEqual([false, false]);

    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    // It plays its closing animation, inert itself meanwhile; the page is back at once.
    await waitFor(() => expect(dialog.closest("[inert]")).not.toBeNull());
    for (const element of pageParts()) expect([element.textContent, ...behind(element)]).toEqual([element.textContent, false, false]);
    expect(document.activeElement).toBe(row);
  });

  it("gives the page back and focus to the row when closed by its Close button too", async () => {
    renderPage();
    const { row } = await openFromRow();
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    await waitFor(() => expect(behind(row)).toEqual([false, false]));
    expect(document.activeElement).toBe(row);
  });

  it("leaves a toast shown while it is open reachable, the page behind it inert: its Undo is neither inert nor hidden, and works", async () => {
    const undo = renderPage();
    await openFromRow();
    fireEvent.click(screen.getByRole("button", { name: "Complete" }));
    const toast = await vi.waitFor(() => {
      const shown = document.querySelector<HTMLElement>("[data-toast-id]");
      if (!shown) throw new Error("no toast yet");
      return shown;
    });
    const button = screen.getByRole("button", { name: "Undo" });
    expect(behind(toast)).toEqual([false, false]);
    expect(behind(button)).toEqual([false, false]);
    button.focus();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    expect(undo).toHaveBeenCalledTimes(1);
    // The drawer is still open and the page behind it still inert.
    expect(behind(screen.getByTestId("list"))).toEqual([true, true]);
  });
});

describe("Drawer: Tab goes round it and the toasts above it", () => {
  it("reaches a toast's Undo shown while it is open: Save, Undo, Dismiss, then back to its first control; Shift+Tab the other way", async () => {
    const user = userEvent.setup();
    renderPage();
    await openFromRow();
    await user.click(screen.getByRole("button", { name: "Complete" }));
    await screen.findByRole("button", { name: "Undo" });
    screen.getByRole("button", { name: "Save" }).focus();
    const name = () => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent;
    const round: Array<string | null | undefined> = [];
    for (let i = 0; i < 3; i++) {
      await user.tab();
      round.push(name());
    }
    expect(round).toEqual(["Undo", "Dismiss notification", "Close"]);
    const back: Array<string | null | undefined> = [];
    for (let i = 0; i < 3; i++) {
      await user.tab({ shift: true });
      back.push(name());
    }
    expect(back).toEqual(["Dismiss notification", "Undo", "Save"]);
  });

  it("goes round the drawer alone when no toast is shown (guard)", async () => {
    const user = userEvent.setup();
    renderPage();
    await openFromRow();
    screen.getByRole("button", { name: "Save" }).focus();
    await user.tab();
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Close");
    await user.tab({ shift: true });
    expect(document.activeElement?.textContent).toBe("Save");
  });
});

describe("Drawer", () => {
  it("has no footer slot: the task drawer's Delete/Cancel/Save bar is its own, sticky, in its children", () => {
    // The slot was never used (its toast clearance had to move to the task drawer's bar, 493a2b2).
    const stray = { footer: <button type="button">Stray</button> };
    render(
      <Drawer open onClose={() => {}} title="Edit task" {...stray}>
        <p>body</p>
      </Drawer>,
    );
    screen.getByRole("dialog", { name: "Edit task" });
    expect(screen.queryByRole("button", { name: "Stray" })).toBeNull();
  });
});
