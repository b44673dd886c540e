// @vitest-environment jsdom
/** The assistant on a phone: modal, the page behind it inert and hidden; focus back to its opener. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useState, type ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Drawer } from "@/components/ui/drawer";
import { ToastProvider } from "@/components/ui/toast";
import { FULL_SCREEN } from "./assistant-drawer";
import { AssistantPanel, OPEN_ASSISTANT_EVENT } from "./assistant-panel";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));
vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

const focus = HTMLElement.prototype.focus;
beforeEach(() => {
  vi.stubGlobal("fetch", vi.fn(async () => Response.json({ items: [] })));
  // As in browsers (jsdom does not model it): an element in an inert subtree cannot take focus.
  HTMLElement.prototype.focus = function (this: HTMLElement, options?: FocusOptions) {
    if (this.closest("[inert]")) return;
    focus.call(this, options);
  };
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  HTMLElement.prototype.focus = focus;
});

function screenWidth(phone: boolean) {
  vi.stubGlobal("matchMedia", (query: string) => ({
    matches: query === FULL_SCREEN ? phone : false,
    addEventListener() {},
    removeEventListener() {},
  }));
}

/** The app's shell: skip link, header with the launcher, the page; the toasts' region beside them. */
function renderShell() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <a href="#main">Skip to content</a>
        <header data-testid="header">
          <AssistantPanel />
        </header>
        <main data-testid="main">
          <button type="button" onClick={() => window.dispatchEvent(new Event(OPEN_ASSISTANT_EVENT))}>
            Ask the assistant
          </button>
        </main>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

/** Whether `element` or one of its ancestors is inert / aria-hidden. */
const behind = (element: Element) => [Boolean(element.closest("[inert]")), Boolean(element.closest('[aria-hidden="true"]'))];

async function openWith(button: HTMLElement) {
  button.focus();
  fireEvent.click(button);
  const panel = await screen.findByRole("dialog", { name: "Assistant" });
  await waitFor(() => expect(panel.hasAttribute("inert")).toBe(false));
  const box = screen.getByLabelText("Message the assistant");
  box.focus(); // the drawer does this in the next frame
  expect(document.activeElement).toBe(box);
  return panel;
}

describe("AssistantPanel on a phone (full screen, modal)", () => {
  it("makes the page behind it inert and aria-hidden, and gives it back on Escape with focus on the launcher", async () => {
    screenWidth(true);
    renderShell();
    const launcher = screen.getByRole("button", { name: "Assistant" });
    const panel = await openWith(launcher);
    expect(panel.getAttribute("aria-modal")).toBe("true");
    for (const element of [screen.getByTestId("header"), screen.getByTestId("main"), screen.getByText("Skip to content")])
      expect([element.tagName, ...behind(element)]).toEqual([element.tagName, true, true]);
    expect(behind(panel)).toEqual([false, false]);
    expect(behind(screen.getByRole("region", { name: "Notifications" }))).toEqual([false, false]);

    fireEvent.keyDown(screen.getByLabelText("Message the assistant"), { key: "Escape" });
    await waitFor(() => expect(panel.hasAttribute("inert")).toBe(true));
    for (const element of [screen.getByTestId("header"), screen.getByTestId("main"), screen.getByText("Skip to content")])
      expect([element.tagName, ...behind(element)]).toEqual([element.tagName, false, false]);
    expect(document.activeElement).toBe(launcher);
  });

  it("gives focus back to the button that opened it, also when that was not the launcher", async () => {
    screenWidth(true);
    renderShell();
    const ask = screen.getByRole("button", { name: "Ask the assistant" });
    const panel = await openWith(ask);
    expect(behind(ask)).toEqual([true, true]);
    fireEvent.click(screen.getByRole("button", { name: "Close the assistant" }));
    await waitFor(() => expect(panel.hasAttribute("inert")).toBe(true));
    expect(behind(ask)).toEqual([false, false]);
    expect(document.activeElement).toBe(ask);
  });
});

describe("AssistantPanel beside the page (wide screens)", () => {
  it("leaves the page usable: not modal, nothing inert, and marked open for the page to make room", async () => {
    screenWidth(false);
    renderShell();
    const launcher = screen.getByRole("button", { name: "Assistant" });
    const panel = await openWith(launcher);
    expect(panel.getAttribute("aria-modal")).toBe("false");
    expect(behind(screen.getByTestId("main"))).toEqual([false, false]);
    expect(behind(launcher)).toEqual([false, false]);
    // What globals.css moves the page over by, on screens wide enough for both.
    expect(panel.hasAttribute("data-open")).toBe(true);
    act(() => launcher.click());
    await waitFor(() => expect(panel.hasAttribute("inert")).toBe(true));
    expect(panel.hasAttribute("data-open")).toBe(false);
    expect(document.activeElement).toBe(launcher);
  });

  /** The shell with what a page has: a row, a search box, a menu button, a list that takes Escape itself. */
  function renderPage({ onPageEscape }: { onPageEscape?: (event: KeyboardEvent) => void } = {}) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    function Page() {
      const [menu, setMenu] = useState(false);
      return (
        <>
          <header data-testid="header">
            <AssistantPanel />
          </header>
          <main id="main" tabIndex={-1} data-testid="main">
            <input type="search" aria-label="Search tasks" />
            <button type="button" aria-expanded={menu} onClick={() => setMenu((value) => !value)}>
              Filter
            </button>
            <button type="button">Pay rent. Open details</button>
          </main>
        </>
      );
    }
    if (onPageEscape) document.addEventListener("keydown", onPageEscape);
    render(
      <QueryClientProvider client={client}>
        <ToastProvider>
          <Page />
        </ToastProvider>
      </QueryClientProvider>,
    );
    return () => onPageEscape && document.removeEventListener("keydown", onPageEscape);
  }
  const isOpen = () => screen.getByRole("button", { name: "Assistant" }).getAttribute("aria-expanded") === "true";

  it("closes on Escape pressed on the page beside it (focus moved out with Shift+Tab or a click), focus staying there", async () => {
    screenWidth(false);
    renderPage();
    const panel = await openWith(screen.getByRole("button", { name: "Assistant" }));
    const row = screen.getByRole("button", { name: "Pay rent. Open details" });
    row.focus();
    fireEvent.keyDown(row, { key: "Escape" });
    await waitFor(() => expect(panel.hasAttribute("inert")).toBe(true));
    expect(isOpen()).toBe(false);
    expect(document.activeElement).toBe(row);
  });

  it("leaves the page's own Escape to the page: a field's, an open menu's, one a page listener took (the selection's clear) (guard)", async () => {
    screenWidth(false);
    let taken = true;
    const stop = renderPage({
      onPageEscape: (event) => {
        if (event.key === "Escape" && taken) event.preventDefault();
      },
    });
    const panel = await openWith(screen.getByRole("button", { name: "Assistant" }));
    const row = screen.getByRole("button", { name: "Pay rent. Open details" });
    row.focus();
    fireEvent.keyDown(row, { key: "Escape" });
    taken = false;
    const search = screen.getByRole("searchbox", { name: "Search tasks" });
    search.focus();
    fireEvent.keyDown(search, { key: "Escape" });
    const filter = screen.getByRole("button", { name: "Filter" });
    fireEvent.click(filter);
    expect(filter.getAttribute("aria-expanded")).toBe("true");
    row.focus();
    fireEvent.keyDown(row, { key: "Escape" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(panel.hasAttribute("inert")).toBe(false);
    expect(isOpen()).toBe(true);
    stop();
  });

  it("a (outside a field) opens it, focus in the message box, and brings focus back there while it is open; Escape, back to the page", async () => {
    // User test: a keyboard-only user needed 10 Shift+Tabs to reach the launcher.
    screenWidth(false);
    renderPage();
    const row = screen.getByRole("button", { name: "Pay rent. Open details" });
    row.focus();
    fireEvent.keyDown(row, { key: "a" });
    expect(isOpen()).toBe(true);
    const box = await screen.findByLabelText("Message the assistant");
    await waitFor(() => expect(document.activeElement).toBe(box));
    // Open beside the page, focus back on it: a goes to the message box again (as F6 does).
    row.focus();
    fireEvent.keyDown(row, { key: "a" });
    await waitFor(() => expect(document.activeElement).toBe(box));
    fireEvent.keyDown(box, { key: "Escape" });
    expect(isOpen()).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(row));
  });

  it("a typed in a field, or with Ctrl, opens nothing (guard)", () => {
    screenWidth(false);
    renderPage();
    const search = screen.getByLabelText("Search tasks");
    search.focus();
    fireEvent.keyDown(search, { key: "a" });
    fireEvent.keyDown(screen.getByRole("button", { name: "Filter" }), { key: "a", ctrlKey: true });
    expect(isOpen()).toBe(false);
  });

  it("F6 moves focus from the page to the message box and back to where it was on the page", async () => {
    screenWidth(false);
    renderPage();
    await openWith(screen.getByRole("button", { name: "Assistant" }));
    const row = screen.getByRole("button", { name: "Pay rent. Open details" });
    row.focus();
    fireEvent.keyDown(row, { key: "F6" });
    const box = screen.getByLabelText("Message the assistant");
    expect(document.activeElement).toBe(box);
    fireEvent.keyDown(box, { key: "F6" });
    expect(document.activeElement).toBe(row);
    expect(isOpen()).toBe(true);
  });
});

describe("AssistantPanel and the edit drawer", () => {
  /** The shell with a row that opens a modal drawer (the task drawer's frame). */
  function ShellWithDrawer() {
    const [open, setOpen] = useState(false);
    return (
      <>
        <header data-testid="header">
          <AssistantPanel />
        </header>
        <main data-testid="main">
          <button type="button" onClick={() => setOpen(true)}>
            Pay rent. Open details
          </button>
          <Drawer open={open} onClose={() => setOpen(false)} title="Edit task">
            <input aria-label="Title" data-autofocus />
          </Drawer>
        </main>
      </>
    );
  }

  it("on a wide screen: a drawer opened beside the assistant puts it behind (inert, hidden); Escape closes the drawer only", async () => {
    screenWidth(false);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <ToastProvider>
          <ShellWithDrawer />
        </ToastProvider>
      </QueryClientProvider>,
    );
    const assistant = await openWith(screen.getByRole("button", { name: "Assistant" }));
    const row = screen.getByRole("button", { name: "Pay rent. Open details" });
    row.focus();
    fireEvent.click(row);
    const drawer = screen.getByRole("dialog", { name: "Edit task" });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Title")));
    // The assistant (and its launcher) are behind the modal drawer: no second dialog to wander into.
    expect(behind(assistant)).toEqual([true, true]);
    expect(behind(screen.getByRole("button", { name: "Assistant", hidden: true }))).toEqual([true, true]);
    expect(behind(drawer)).toEqual([false, false]);

    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    await waitFor(() => expect(drawer.closest("[inert]")).not.toBeNull());
    expect(document.activeElement).toBe(row);
    expect(behind(assistant)).toEqual([false, false]);
    expect(assistant.hasAttribute("inert")).toBe(false); // still open
  });

  it("on a wide screen: Escape with nothing focused in the drawer (a click on its text) still closes the drawer only", async () => {
    screenWidth(false);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <ToastProvider>
          <ShellWithDrawer />
        </ToastProvider>
      </QueryClientProvider>,
    );
    const assistant = await openWith(screen.getByRole("button", { name: "Assistant" }));
    const row = screen.getByRole("button", { name: "Pay rent. Open details" });
    row.focus();
    fireEvent.click(row);
    const drawer = screen.getByRole("dialog", { name: "Edit task" });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Title")));
    act(() => (document.activeElement as HTMLElement).blur());
    expect(document.activeElement).toBe(document.body);
    fireEvent.keyDown(document.body, { key: "Escape" });
    await waitFor(() => expect(drawer.closest("[inert]")).not.toBeNull());
    // The assistant, behind the drawer, did not take that Escape: it is still open.
    expect(assistant.hasAttribute("inert")).toBe(false);
    expect(screen.getByRole("button", { name: "Assistant" }).getAttribute("aria-expanded")).toBe("true");
  });
});
