// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuthForm } from "./auth-form";

vi.mock("next/navigation", () => ({ useRouter: () => ({ replace: vi.fn(), refresh: vi.fn() }) }));
vi.mock("@/lib/auth-client", () => ({ authClient: {} }));


afterEach(cleanup);

describe("AuthForm's link to the other page", () => {
  it("carries where to go afterwards from sign-in to sign-up", () => {
    render(<AuthForm mode="sign-in" next="/tasks?view=completed" />);
    expect(screen.getByRole("link", { name: "Create an account" }).getAttribute("href")).toBe(
      "/sign-up?next=%2Ftasks%3Fview%3Dcompleted",
    );
  });

  it("and back from sign-up to sign-in", () => {
    render(<AuthForm mode="sign-up" next="/dashboard" />);
    expect(screen.getByRole("link", { name: "Sign in" }).getAttribute("href")).toBe("/sign-in?next=%2Fdashboard");
  });

  it("is the plain page when there is nowhere particular to go", () => {
    render(<AuthForm mode="sign-in" />);
    expect(screen.getByRole("link", { name: "Create an account" }).getAttribute("href")).toBe("/sign-up");
  });
});

describe("AuthForm on a direct load (user test: focus on <body>, the first Tab from the top)", () => {
  it("puts focus in its first field: the e-mail to sign in", () => {
    render(<AuthForm mode="sign-in" />);
    expect(document.activeElement).toBe(screen.getByLabelText("E-mail"));
  });

  it("the name to sign up", () => {
    render(<AuthForm mode="sign-up" />);
    expect(document.activeElement).toBe(screen.getByLabelText("Name"));
  });

  it("leaves focus where the reader already put it", () => {
    const elsewhere = document.body.appendChild(document.createElement("button"));
    elsewhere.focus();
    render(<AuthForm mode="sign-in" />);
    expect(document.activeElement).toBe(elsewhere);
    elsewhere.remove();
  });
});
