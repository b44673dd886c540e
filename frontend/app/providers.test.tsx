// @vitest-environment jsdom
/**
 * Focus after signing in and out (client navigations that take the focused control away with the
 * old page): the new page's main region (#main) or, without one, its heading; not the body.
 */
import { act, cleanup, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Providers } from "./providers";

const at = vi.hoisted(() => ({ pathname: "/tasks" }));
vi.mock("next/navigation", () => ({ usePathname: () => at.pathname }));

afterEach(() => {
  cleanup();
  at.pathname = "/tasks";
});

/** The two layouts: the signed-in one (app bar, <main id="main">) and the sign-in page's. */
function Screen({ path }: { path: string }): ReactNode {
  if (path === "/sign-in")
    return (
      <main>
        <h1>Welcome back</h1>
        <form>
          <input aria-label="E-mail" />
          <button type="submit">Sign in</button>
        </form>
      </main>
    );
  return (
    <>
      <header>
        <a href="/tasks">Tasks</a>
        <a href="/dashboard">Dashboard</a>
        <button type="button">Sign out</button>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{path === "/tasks" ? "Tasks" : "Dashboard"}</h1>
        <input aria-label="Quick add a task" />
      </main>
    </>
  );
}

function start(path: string) {
  at.pathname = path;
  const view = render(
    <Providers>
      <Screen path={path} />
    </Providers>,
  );
  return (next: string) => {
    at.pathname = next;
    act(() =>
      view.rerender(
        <Providers>
          <Screen path={next} />
        </Providers>,
      ),
    );
  };
}

describe("focus after a navigation", () => {
  it("goes to the sign-in page's heading after signing out", () => {
    const go = start("/tasks");
    screen.getByRole("button", { name: "Sign out" }).focus();
    go("/sign-in");
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Welcome back" }));
    expect(document.activeElement).not.toBe(document.body);
  });

  it("goes to the main region after signing in", () => {
    const go = start("/sign-in");
    screen.getByRole("button", { name: "Sign in" }).focus();
    go("/tasks");
    expect(document.activeElement).toBe(document.getElementById("main"));
  });

  it("leaves focus where it is when it is still on the page (an app-bar link), and on a page load", () => {
    const go = start("/tasks");
    expect(document.activeElement).toBe(document.body);
    const link = screen.getByRole("link", { name: "Dashboard" });
    link.focus();
    go("/dashboard");
    expect(document.activeElement).toBe(link);
  });
});
