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
  it("leaves the page usable: not modal, nothing inert (guard)", async () => {
    screenWidth(false);
    renderShell();
    const launcher = screen.getByRole("button", { name: "Assistant" });
    const panel = await openWith(launcher);
    expect(panel.getAttribute("aria-modal")).toBe("false");
    expect(behind(screen.getByTestId("main"))).toEqual([false, false]);
    expect(behind(launcher)).toEqual([false, false]);
    act(() => launcher.click());
    await waitFor(() => expect(panel.hasAttribute("inert")).toBe(true));
    expect(document.activeElement).toBe(launcher);
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
