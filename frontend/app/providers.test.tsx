// @vitest-environment jsdom
/**
 * Focus after signing in and out (client navigations that take the focused control away with the
 * old page): the new page's heading (in #main, the main region until it comes); not the body. The sign-in page is the real one (app/sign-in/page.tsx with its AuthForm), so what a
 * reader meets after signing out is what these tests see.
 */
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import { useEffect, useState, type ReactNode } from "react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { classesIn, tailwindCss } from "@/lib/test-css";
import SignInPage, { metadata as signInMetadata } from "./sign-in/page";
import { Providers } from "./providers";

const at = vi.hoisted(() => ({ pathname: "/tasks" }));
vi.mock("next/navigation", () => ({
  usePathname: () => at.pathname,
  useRouter: () => ({ replace: vi.fn(), refresh: vi.fn(), push: vi.fn(), prefetch: vi.fn() }),
  redirect: vi.fn(),
}));
// Signed out: the sign-in page shows its form.
vi.mock("@/lib/session", () => ({ currentUser: async () => null }));
vi.mock("@/lib/auth-client", () => ({ authClient: {} }));

let signInPage: ReactNode;
beforeAll(async () => {
  signInPage = await SignInPage({ searchParams: Promise.resolve({}) });
});

afterEach(() => {
  cleanup();
  at.pathname = "/tasks";
  late.heading = false;
});

/** The heading comes after the first render (the Tasks screen reads its saved view first). */
const late = { heading: false };

function Heading({ children }: { children: string }) {
  const [shown, setShown] = useState(!late.heading);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), 5);
    return () => clearTimeout(timer);
  }, []);
  return shown ? <h1>{children}</h1> : <div role="status" aria-label="Loading" />;
}

/** The two layouts: the signed-in one (app bar, <main id="main">) and the sign-in page. */
function Screen({ path }: { path: string }): ReactNode {
  if (path === "/sign-in") return signInPage;
  return (
    <>
      <header>
        <a href="/tasks">Tasks</a>
        <a href="/dashboard">Dashboard</a>
        <button type="button">Sign out</button>
      </header>
      <main id="main" tabIndex={-1}>
        <Heading>{path === "/tasks" ? "Tasks" : "Dashboard"}</Heading>
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
  // Signing out is a navigation to the sign-in page, and a navigation's focus goes to the new
  // page's heading (7142df3), which says the page's name ("Welcome back", and Next's route
  // announcer the title, "Sign in"); the e-mail field is the next Tab stop. Its own focus (262c00c)
  // is for a direct load, where the reader announces the page as it loads: it leaves focus where
  // RouteFocus put it, as RouteFocus comes before the page in Providers and its effect runs first.
  // A focus in the e-mail field here would say only "E-mail": the page's name would go unsaid.
  // (A stand-in page without the form's own focus could not tell the two apart.)
  it("goes to the sign-in page's heading after signing out, not its e-mail field", () => {
    const go = start("/tasks");
    screen.getByRole("button", { name: "Sign out" }).focus();
    go("/sign-in");
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Welcome back" }));
    expect(signInMetadata.title).toBe("Sign in");
    expect(screen.getByLabelText("E-mail")).not.toBe(document.activeElement);
  });

  // User test (keyboard and screen reader, dark theme): the heading showed a focus box as the page
  // came up. Focus stays there for the screen reader; the ring is for Tab stops, and the heading
  // is none (as <main id="main">, the other place a navigation puts focus).
  it("shows no focus ring on the heading it focuses", async () => {
    const go = start("/tasks");
    screen.getByRole("button", { name: "Sign out" }).focus();
    go("/sign-in");
    const heading = screen.getByRole("heading", { name: "Welcome back" });
    expect(document.activeElement).toBe(heading);
    expect(heading.tabIndex).toBe(-1);
    expect(heading.classList.contains("outline-none")).toBe(true);
    expect(await tailwindCss(classesIn(heading))).toMatch(/\.outline-none\s*\{[^}]*outline-style:\s*none/);
  });

  it("puts focus in the e-mail field when the sign-in page is loaded directly", () => {
    start("/sign-in");
    expect(document.activeElement).toBe(screen.getByLabelText("E-mail"));
  });

  // User test (keyboard and screen reader): after signing up, focus was on <main>, which says
  // "main" and no more; the page's heading says where the reader is ("Tasks").
  it("goes to the page's heading after signing in, in the main region", () => {
    const go = start("/sign-in");
    screen.getByRole("button", { name: "Sign in" }).focus();
    go("/tasks");
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Tasks" }));
  });

  it("goes to the main region first when the heading comes a moment later (the Tasks screen's first render), then to the heading", async () => {
    const go = start("/sign-in");
    screen.getByRole("button", { name: "Sign in" }).focus();
    late.heading = true;
    go("/tasks");
    expect(document.activeElement).toBe(document.getElementById("main"));
    const heading = await screen.findByRole("heading", { name: "Tasks" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it("leaves focus the reader has moved on from <main> meanwhile", async () => {
    const go = start("/sign-in");
    screen.getByRole("button", { name: "Sign in" }).focus();
    late.heading = true;
    go("/tasks");
    const field = screen.getByLabelText("Quick add a task");
    field.focus();
    await screen.findByRole("heading", { name: "Tasks" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.activeElement).toBe(field);
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
