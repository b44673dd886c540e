// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TaskList } from "@/components/tasks/task-list";
import { testTask } from "@/components/tasks/test-task";
import { useHotkeys } from "@/lib/keyboard";
import { stubResizeObserver } from "@/lib/test-stubs";
import { THEME_STORAGE_KEY } from "@/lib/theme";
import { AppHeader } from "./app-header";

vi.mock("next/navigation", () => ({
  usePathname: () => "/tasks",
  useRouter: () => ({ replace: vi.fn(), refresh: vi.fn() }),
}));
vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

const newTask = vi.fn();
function Shortcuts() {
  useHotkeys({ n: newTask });
  return null;
}

beforeEach(() => {
  vi.stubGlobal("CSS", { escape: (value: string) => value });
  vi.stubGlobal("matchMedia", () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
  vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => setTimeout(() => callback(0), 0));
  stubResizeObserver();
  newTask.mockClear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The app bar above the task list (whose arrow keys work from anywhere on the page). */
function renderPage() {
  const client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      <AppHeader user={{ name: "Robin Tester", email: "robin@example.com" }} bell={null} assistant={null} />
      <Shortcuts />
      <TaskList
        stale={false}
        tasks={[testTask({ id: "a", title: "Pay rent" }), testTask({ id: "b", title: "Call the bank" })]}
        search=""
        recent={new Set()}
        leaves={() => false}
        hasMore={false}
        loadingMore={false}
        onLoadMore={() => {}}
        onOpen={() => {}}
        onToggle={() => {}}
      />
      <button type="button">After the menu</button>
    </QueryClientProvider>,
  );
  return screen.getByRole("button", { name: "Account menu for Robin Tester" });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const focusedName = () => {
  const active = document.activeElement as HTMLElement | null;
  return active?.getAttribute("aria-label") ?? active?.textContent?.trim();
};
const press = async (key: string) => {
  fireEvent.keyDown(document.activeElement ?? document.body, { key });
  await settle();
};

describe("the account menu (WAI-ARIA menu button)", () => {
  it("keeps ArrowDown / ArrowUp / Home / End inside it, wrapping; the task list behind never gets focus", async () => {
    const button = renderPage();
    expect(button.getAttribute("aria-haspopup")).toBe("menu");
    fireEvent.click(button);
    await settle();
    const menu = screen.getByRole("menu", { name: "Account" });
    expect(button.getAttribute("aria-controls")).toBe(menu.id);
    expect(within(menu).getAllByRole("menuitemradio").map((item) => item.getAttribute("aria-label"))).toEqual([
      "System theme",
      "Light theme",
      "Dark theme",
    ]);
    // Opening puts focus on the first item; the items are not Tab stops of their own.
    expect(focusedName()).toBe("System theme");
    for (const item of [...within(menu).getAllByRole("menuitemradio"), within(menu).getByRole("menuitem")]) {
      expect(item.tabIndex).toBe(-1);
    }

    const seen: (string | undefined)[] = [];
    for (const key of ["ArrowDown", "ArrowDown", "ArrowDown", "ArrowDown", "ArrowUp", "Home", "End"]) {
      await press(key);
      seen.push(focusedName());
    }
    expect(seen).toEqual(["Light theme", "Dark theme", "Sign out", "System theme", "Sign out", "System theme", "Sign out"]);
    expect(screen.getByRole("menu")).toBeTruthy();
  });

  it("opens from the keyboard on its button: ArrowDown on the first item, ArrowUp on the last", async () => {
    const button = renderPage();
    button.focus();
    await press("ArrowDown");
    expect(screen.getByRole("menu")).toBeTruthy();
    expect(focusedName()).toBe("System theme");
    await press("Escape");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(button);
    await press("ArrowUp");
    expect(screen.getByRole("menu")).toBeTruthy();
    expect(focusedName()).toBe("Sign out");
  });

  it("closes on Tab, focus going on past it; letters move by first letter and reach no page shortcut", async () => {
    const button = renderPage();
    fireEvent.click(button);
    await settle();
    await press("d");
    expect(focusedName()).toBe("Dark theme");
    await press("n"); // no item starts with n: nothing moves, and no new task either
    expect(focusedName()).toBe("Dark theme");
    expect(newTask).not.toHaveBeenCalled();
    await press("s");
    expect(focusedName()).toBe("Sign out");

    await userEvent.tab();
    expect(screen.queryByRole("menu")).toBeNull();
    expect(button.getAttribute("aria-expanded")).toBe("false");
    // The next Tab stop after the menu: the first row's checkbox.
    expect(focusedName()).toBe("Complete “Pay rent”");
  });

  it("picks a theme with Enter and closes, focus back on the button", async () => {
    const button = renderPage();
    fireEvent.click(button);
    await settle();
    await press("ArrowDown");
    const light = screen.getByRole("menuitemradio", { name: "Light theme" });
    expect(document.activeElement).toBe(light);
    fireEvent.click(light); // what Enter does on a button
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe("light");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});
