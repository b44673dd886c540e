// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useEffect, useRef } from "react";
import { classesIn, minSize, tailwindCss } from "@/lib/test-css";
import { ToastProvider, useToast, useToastClearance } from "./toast";

afterEach(cleanup);

/** The toasts on screen, oldest first. */
const toasts = () => [...document.querySelectorAll<HTMLElement>("[data-toast-id]")];

const long = `Completed “Check https://example.com/${"averyveryverylongpathsegment".repeat(5)}”`;

function Trigger() {
  const { toast } = useToast();
  return (
    <button type="button" onClick={() => toast({ title: long, description: long, tone: "success" })}>
      go
    </button>
  );
}

describe("toasts", () => {
  it("wrap a long unbroken title and description instead of running off the screen", () => {
    render(
      <ToastProvider>
        <Trigger />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "go" }));
    const texts = screen.getAllByText(long);
    expect(texts).toHaveLength(2);
    // jsdom has no layout: each carries the wrapping rule (overflow-wrap: anywhere).
    for (const text of texts) expect(text.classList).toContain("wrap-anywhere");
  });
});

describe("toasts and a screen reader", () => {
  // User test (screen reader): each toast was a role="status" inside the aria-live region, two
  // live regions for one message, which a reader may say twice.
  /** The live regions that say `element`'s changes: it and its ancestors that are live. */
  const liveRegionsOf = (element: Element) => {
    const live: string[] = [];
    for (let at: Element | null = element; at; at = at.parentElement) {
      const role = at.getAttribute("role");
      const politeness = at.getAttribute("aria-live") ?? (role === "status" || role === "log" ? "polite" : role === "alert" ? "assertive" : null);
      if (politeness) live.push(politeness);
    }
    return live;
  };
  function Page() {
    const { toast } = useToast();
    return (
      <>
        <button type="button" onClick={() => toast({ title: "Completed “Pay rent”", action: { label: "Undo", onClick: () => {} } })}>
          complete
        </button>
        <button type="button" onClick={() => toast({ title: "Could not save", tone: "error" })}>
          fail
        </button>
      </>
    );
  }

  it("are each in one live region, there before they come: polite, errors assertive", () => {
    render(
      <ToastProvider>
        <Page />
      </ToastProvider>,
    );
    const region = screen.getByRole("region", { name: "Notifications" });
    const before = [...region.querySelectorAll("[aria-live]")];
    fireEvent.click(screen.getByRole("button", { name: "complete" }));
    fireEvent.click(screen.getByRole("button", { name: "fail" }));
    expect(liveRegionsOf(screen.getByText("Completed “Pay rent”"))).toEqual(["polite"]);
    expect(liveRegionsOf(screen.getByText("Could not save"))).toEqual(["assertive"]);
    // The regions were on the page already (one added with its message may not be read at all).
    expect([...region.querySelectorAll("[aria-live]")]).toEqual(before);
  });
});

describe("toasts over a drawer's bottom bar", () => {
  // On a phone a toast ("Completed … Undo", 8 s) sat over the open task drawer's Save and Cancel,
  // and took their taps; now the toasts sit above a bar that asks for it while the bar is there.
  function Bar() {
    const bar = useRef<HTMLDivElement>(null);
    useToastClearance(bar, true);
    return (
      <div ref={bar}>
        <button type="button">Save</button>
      </div>
    );
  }
  function Page({ open }: { open: boolean }) {
    const { toast } = useToast();
    return (
      <>
        <button type="button" onClick={() => toast({ title: "Completed “Buy milk”", action: { label: "Undo", onClick: () => {} } })}>
          complete
        </button>
        {open && <Bar />}
      </>
    );
  }

  it("lift above the bar while it is open, and come back down when it goes", () => {
    // jsdom has no layout: the bar is the bottom 65 px of the 768 px window.
    const rect = vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (this: HTMLElement) {
      const top = this.textContent === "Save" ? window.innerHeight - 65 : 0;
      return { top, bottom: top + 65, left: 0, right: 0, width: 0, height: 65, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
    });
    const { rerender } = render(
      <ToastProvider>
        <Page open={false} />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "complete" }));
    const region = screen.getByRole("region", { name: "Notifications" });
    expect(region.style.bottom).toBe("0px");
    rerender(
      <ToastProvider>
        <Page open />
      </ToastProvider>,
    );
    expect(region.style.bottom).toBe("65px");
    rerender(
      <ToastProvider>
        <Page open={false} />
      </ToastProvider>,
    );
    expect(region.style.bottom).toBe("0px");
    rect.mockRestore();
  });
});

describe("toasts and the keyboard", () => {
  // Keyboard only on /tasks: x completes a task, Tab reaches the toast's Undo. Pressing it (or
  // Dismiss) dropped focus to <body>, so the next Tab began again at the top of the page; left on
  // Undo for 8 s, the toast went from under the focus the same way, Undo gone with it.
  function List({ onUndo = () => {}, undoMovesFocus = false }: { onUndo?: () => void; undoMovesFocus?: boolean }) {
    const { toast } = useToast();
    return (
      <>
        <button
          type="button"
          onClick={() =>
            toast({
              title: "Completed “Pay rent”",
              action: {
                label: "Undo",
                onClick: () => {
                  onUndo();
                  if (undoMovesFocus) document.getElementById("title")?.focus();
                },
              },
            })
          }
        >
          Gym. Open details
        </button>
        <input id="title" aria-label="Title" />
      </>
    );
  }

  function renderList(props: Parameters<typeof List>[0] = {}) {
    render(
      <ToastProvider>
        <List {...props} />
      </ToastProvider>,
    );
    const row = screen.getByRole("button", { name: "Gym. Open details" });
    row.focus();
    fireEvent.click(row);
    const undo = screen.getByRole("button", { name: "Undo" });
    undo.focus(); // Tab from the row
    expect(document.activeElement).toBe(undo);
    return { row, undo };
  }

  it("give focus back to where it was when Undo is pressed", () => {
    const onUndo = vi.fn();
    const { row, undo } = renderList({ onUndo });
    fireEvent.click(undo);
    expect(onUndo).toHaveBeenCalledOnce();
    expect(toasts()).toEqual([]);
    expect(document.activeElement).toBe(row);
  });

  it("give focus back when dismissed", () => {
    const { row } = renderList();
    const dismiss = screen.getByRole("button", { name: "Dismiss notification" });
    dismiss.focus();
    fireEvent.click(dismiss);
    expect(toasts()).toEqual([]);
    expect(document.activeElement).toBe(row);
  });

  it("leave focus where the action put it", () => {
    const { undo } = renderList({ undoMovesFocus: true });
    fireEvent.click(undo);
    expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Title" }));
  });

  it("stay while focus is on them, and go their full time after it leaves", () => {
    vi.useFakeTimers();
    try {
      const { row } = renderList();
      act(() => vi.advanceTimersByTime(20_000));
      expect(screen.getByRole("button", { name: "Undo" })).toBe(document.activeElement);
      row.focus();
      act(() => vi.advanceTimersByTime(7_900));
      expect(toasts()).toHaveLength(1);
      act(() => vi.advanceTimersByTime(200));
      expect(toasts()).toEqual([]);
      expect(document.activeElement).toBe(row);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("a toast's buttons on a phone", () => {
  function UndoTrigger() {
    const { toast } = useToast();
    return (
      <button type="button" onClick={() => toast({ title: "Completed “Pay rent”", action: { label: "Undo", onClick: () => {} } })}>
        go
      </button>
    );
  }

  it("are 44 px tap targets on a touch screen and stay at least 24 px with a mouse", async () => {
    // The phone review measured the close button 24 x 24 and Undo 57 x 28.
    render(
      <ToastProvider>
        <UndoTrigger />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "go" }));
    const [toast] = toasts();
    const css = await tailwindCss(classesIn(toast));
    const undo = screen.getByRole("button", { name: "Undo" });
    const close = screen.getByRole("button", { name: "Dismiss notification" });
    expect(minSize(undo, css, "height", true)).toBeGreaterThanOrEqual(44);
    expect(minSize(close, css, "height", true)).toBeGreaterThanOrEqual(44);
    expect(minSize(close, css, "width", true)).toBeGreaterThanOrEqual(44);
    expect(minSize(undo, css, "height", false)).toBeGreaterThanOrEqual(24);
    expect(minSize(close, css, "height", false)).toBeGreaterThanOrEqual(24);
    expect(minSize(close, css, "width", false)).toBeGreaterThanOrEqual(24);
  });
});

describe("z, Ctrl+Z or Cmd+Z: the newest toast's Undo", () => {
  function Page({ onUndo }: { onUndo: (which: string) => void }) {
    const { toast } = useToast();
    return (
      <>
        <button type="button" onClick={() => toast({ title: "Completed “A”", action: { label: "Undo", onClick: () => onUndo("A") } })}>
          Complete A
        </button>
        <button type="button" onClick={() => toast({ title: "Completed “B”", action: { label: "Undo", onClick: () => onUndo("B") } })}>
          Complete B
        </button>
        <button type="button" onClick={() => toast({ title: "Saved" })}>
          Save
        </button>
        <input aria-label="Title" />
      </>
    );
  }
  function renderPage() {
    const onUndo = vi.fn();
    render(
      <ToastProvider>
        <Page onUndo={onUndo} />
      </ToastProvider>,
    );
    return onUndo;
  }
  const press = (name: string) => fireEvent.click(screen.getByRole("button", { name }));
  const titles = () => toasts().map((el) => el.querySelector("p")?.textContent);

  it("presses the newest Undo shown (a newer toast without one notwithstanding), one per press", () => {
    const onUndo = renderPage();
    press("Complete A");
    press("Complete B");
    press("Save");
    const key = fireEvent.keyDown(document.body, { key: "z" });
    expect(key).toBe(false); // default prevented
    expect(onUndo.mock.calls).toEqual([["B"]]);
    expect(titles()).toEqual(["Completed “A”", "Saved"]);
    fireEvent.keyDown(screen.getByRole("button", { name: "Save" }), { key: "z", ctrlKey: true });
    expect(onUndo.mock.calls).toEqual([["B"], ["A"]]);
    expect(titles()).toEqual(["Saved"]);
  });

  it("takes Cmd+Z too", () => {
    const onUndo = renderPage();
    press("Complete A");
    fireEvent.keyDown(document.body, { key: "z", metaKey: true });
    expect(onUndo).toHaveBeenCalledOnce();
  });

  it("leaves z to a field, Ctrl+Shift+Z (redo), a modal dialog, and does nothing without an Undo (guards)", () => {
    const onUndo = renderPage();
    press("Save");
    expect(fireEvent.keyDown(document.body, { key: "z" })).toBe(true); // not prevented: nothing to undo
    press("Complete A");
    fireEvent.keyDown(screen.getByLabelText("Title"), { key: "z" });
    fireEvent.keyDown(screen.getByLabelText("Title"), { key: "z", ctrlKey: true });
    fireEvent.keyDown(document.body, { key: "z", ctrlKey: true, shiftKey: true });
    fireEvent.keyDown(document.body, { key: "z", altKey: true });
    const modal = document.createElement("div");
    modal.setAttribute("aria-modal", "true");
    document.body.append(modal);
    fireEvent.keyDown(document.body, { key: "z" });
    modal.remove();
    expect(onUndo).not.toHaveBeenCalled();
    expect(titles()).toContain("Completed “A”");
  });
});

describe("a toast's onClose", () => {
  /** Shows toast `n` (an Undo on each) when its button is pressed; `closed` lists those gone, in order. */
  function Page({ closed }: { closed: string[] }) {
    const { toast, dismiss } = useToast();
    const last = useRef(0);
    const show = (n: string, duration?: number) => {
      last.current = toast({ title: `Toast ${n}`, duration, action: { label: "Undo", onClick: () => {} }, onClose: () => closed.push(n) });
    };
    return (
      <>
        {["1", "2", "3", "4", "5"].map((n) => (
          <button key={n} type="button" onClick={() => show(n)}>
            Show {n}
          </button>
        ))}
        <button type="button" onClick={() => show("short", 1_000)}>
          Show short
        </button>
        <button type="button" onClick={() => dismiss(last.current)}>
          Withdraw last
        </button>
      </>
    );
  }
  function renderPage() {
    const closed: string[] = [];
    render(
      <ToastProvider>
        <Page closed={closed} />
      </ToastProvider>,
    );
    return closed;
  }
  const press = (name: string) => fireEvent.click(screen.getByRole("button", { name }));

  it("is called once when it times out, is dismissed, withdrawn, its action or z pressed, or pushed out by newer ones", () => {
    vi.useFakeTimers();
    try {
      const closed = renderPage();
      press("Show short");
      act(() => vi.advanceTimersByTime(1_100));
      expect(closed).toEqual(["short"]);

      press("Show 1");
      fireEvent.click(screen.getByRole("button", { name: "Dismiss notification" }));
      press("Show 2");
      fireEvent.click(screen.getByRole("button", { name: "Undo" }));
      press("Show 3");
      fireEvent.keyDown(document.body, { key: "z" });
      expect(closed).toEqual(["short", "1", "2", "3"]);

      press("Show 1");
      press("Withdraw last");
      press("Withdraw last"); // once only
      expect(closed).toEqual(["short", "1", "2", "3", "1"]);

      // Four at most: the fifth pushes the first out (before: it went without a word).
      for (const n of ["1", "2", "3", "4", "5"]) press(`Show ${n}`);
      expect(toasts()).toHaveLength(4);
      expect(closed).toEqual(["short", "1", "2", "3", "1", "1"]);
      // Its timer is no more: nothing is said of it again.
      act(() => vi.advanceTimersByTime(20_000));
      expect(closed).toEqual(["short", "1", "2", "3", "1", "1", "2", "3", "4", "5"]);
      expect(toasts()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("a toast's words changed while it is on screen (update)", () => {
  it("changes its title and description in place, in its live region; one gone stays gone", () => {
    const held: { api?: ReturnType<typeof useToast> } = {};
    function Page() {
      const api = useToast();
      useEffect(() => {
        held.api = api;
      });
      return null;
    }
    render(
      <ToastProvider>
        <Page />
      </ToastProvider>,
    );
    let id = 0;
    act(() => {
      id = held.api!.toast({ title: "Completing 50 tasks…", description: "0 of 50 done.", duration: 0 });
    });
    const shown = toasts()[0];
    act(() => held.api!.update(id, { description: "12 of 50 done." }));
    expect(toasts()).toEqual([shown]);
    expect(shown.textContent).toContain("Completing 50 tasks…");
    expect(shown.textContent).toContain("12 of 50 done.");
    expect(shown.closest("[aria-live]")?.getAttribute("aria-live")).toBe("polite");
    act(() => held.api!.dismiss(id));
    act(() => held.api!.update(id, { title: "back?" }));
    expect(toasts()).toEqual([]);
  });
});
