// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppHeader } from "./app-header";

// The "?" dialog on every signed-in screen: the app bar (on each of them) holds it.
const route = vi.hoisted(() => ({ pathname: "/dashboard" }));
const router = vi.hoisted(() => ({ push: vi.fn(), replace: vi.fn(), refresh: vi.fn() }));
vi.mock("next/navigation", () => ({
  usePathname: () => route.pathname,
  useRouter: () => router,
}));
vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

beforeEach(() => {
  vi.stubGlobal("matchMedia", () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  router.push.mockClear();
});

function renderScreen(pathname: string) {
  route.pathname = pathname;
  window.history.replaceState(null, "", pathname); // the address, which the g keys read
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AppHeader user={{ name: "Robin Tester", email: "robin@example.com" }} bell={null} assistant={null} />
      <main>
        <input aria-label="A field" />
        <button type="button">On the page</button>
      </main>
    </QueryClientProvider>,
  );
}

const dialog = () => screen.queryByRole("dialog", { name: "Keyboard shortcuts" });
const groups = () =>
  within(dialog()!)
    .getAllByRole("region")
    .map((group) => [
      group.getAttribute("aria-label"),
      within(group)
        .getAllByRole("definition")
        .map((dd) => `${dd.previousElementSibling?.textContent} ${dd.textContent}`),
    ]);

describe("the keyboard shortcuts dialog on every signed-in screen", () => {
  it("opens on ? on the Dashboard, listing the keys that work there, and Esc closes it, focus back", () => {
    renderScreen("/dashboard");
    const button = screen.getByRole("button", { name: "On the page" });
    button.focus();
    fireEvent.keyDown(button, { key: "?", shiftKey: true });
    // Before: nothing (only the Tasks screen had the dialog).
    expect(dialog()?.getAttribute("aria-modal")).toBe("true");
    expect(screen.getAllByRole("dialog")).toHaveLength(1);
    expect(groups()).toEqual([
      [
        "Everywhere",
        [
          "g then t Go to Tasks",
          "g then d Go to the Dashboard",
          "a Open the assistant (its message box)",
          "zCtrl+Z Undo (the newest toast's Undo)",
          "Esc Close (a dialog, the drawer, the assistant)",
          "F6 Between the open assistant and the page",
          "? This list",
        ],
      ],
    ]);
    expect(document.activeElement).toBe(within(dialog()!).getByRole("button", { name: "Close" }));
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it("lists the Tasks screen's keys there, under their own heading", () => {
    renderScreen("/tasks");
    fireEvent.keyDown(document.body, { key: "?" });
    const listed = groups();
    expect(listed.map(([heading]) => heading)).toEqual(["On Tasks", "Everywhere"]);
    expect(listed[0][1]).toEqual(expect.arrayContaining(["nq New task (quick add)", "x Complete or reopen the task"]));
    fireEvent.keyDown(document.activeElement!, { key: "?" });
    expect(dialog()).toBeNull();
  });

  it("does not open on ? typed in a field (guard)", () => {
    renderScreen("/dashboard");
    const field = screen.getByLabelText("A field");
    field.focus();
    fireEvent.keyDown(field, { key: "?", shiftKey: true });
    expect(dialog()).toBeNull();
  });
});

describe("g then a letter: to another screen by keyboard (user test: 10 Shift+Tabs to the app bar)", () => {
  const press = (key: string, target: Element = document.activeElement ?? document.body) => fireEvent.keyDown(target, { key });

  it("g then d goes to the Dashboard, g then t to Tasks", () => {
    renderScreen("/tasks");
    screen.getByRole("button", { name: "On the page" }).focus();
    press("g");
    press("d");
    expect(router.push.mock.calls).toEqual([["/dashboard"]]);
    cleanup();
    renderScreen("/dashboard");
    press("g", document.body);
    press("t", document.body);
    expect(router.push.mock.calls).toEqual([["/dashboard"], ["/tasks"]]);
  });

  it("goes nowhere on d or t alone, on g typed in a field, after a pause, or to the screen it is on (guards)", () => {
    vi.useFakeTimers();
    renderScreen("/tasks");
    press("d", document.body);
    press("t", document.body);
    const field = screen.getByLabelText("A field");
    field.focus();
    press("g");
    field.blur();
    press("d", document.body);
    press("g", document.body);
    vi.advanceTimersByTime(2_000);
    press("d", document.body);
    press("g", document.body);
    press("t", document.body);
    expect(router.push).not.toHaveBeenCalled();
  });

  it("goes by the address when the key comes: just after a navigation the rendered screen may still be the last one", () => {
    // Rendered as /tasks, the address already /dashboard (the e2e's "g d" then at once "g t").
    renderScreen("/tasks");
    window.history.replaceState(null, "", "/dashboard");
    press("g", document.body);
    press("t", document.body);
    expect(router.push.mock.calls).toEqual([["/tasks"]]);
  });

  it("lets the other keys through after g (g then ? still lists the keys)", () => {
    renderScreen("/tasks");
    press("g", document.body);
    press("?", document.body);
    expect(dialog()).not.toBeNull();
  });
});
