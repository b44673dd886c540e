/**
 * A page opened while signed out (a bookmark of /tasks?view=completed) goes to sign in with the
 * page as `next`; the sign-in page's link to sign-up carries it on, and signing up ends on the
 * page first asked for.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { BASE_URL, launch, log, newAccount, newContext } from "./harness";

let browser: Browser;

describe("sign-in return path", () => {
  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("opens a bookmark signed out, signs up through the sign-in page's link, and ends on the bookmark", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.on("pageerror", (error) => log(`page error: ${error.message}`));
    const account = newAccount("return");

    await page.goto("/tasks?view=completed");
    await page.waitForURL((url) => url.pathname === "/sign-in");
    expect(page.url()).toBe(`${BASE_URL}/sign-in?next=%2Ftasks%3Fview%3Dcompleted`);

    await page.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL((url) => url.pathname === "/sign-up");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/tasks?view=completed");
    // …and the way back to sign-in keeps it too.
    expect(await page.getByRole("link", { name: "Sign in" }).getAttribute("href")).toBe(
      "/sign-in?next=%2Ftasks%3Fview%3Dcompleted",
    );

    await page.getByLabel("Name").fill(account.name);
    await page.getByLabel("E-mail").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((url) => url.pathname === "/tasks");
    expect(page.url()).toBe(`${BASE_URL}/tasks?view=completed`);
    await page.getByRole("heading", { name: "Tasks", level: 1 }).waitFor();
    await context.close();
  });

  it("sends an off-site next to the default page after sign-up", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const account = newAccount("return");
    await page.goto(`/sign-up?next=${encodeURIComponent("//evil.example/x")}`);
    await page.getByLabel("Name").fill(account.name);
    await page.getByLabel("E-mail").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((url) => url.pathname === "/tasks");
    expect(page.url()).toBe(`${BASE_URL}/tasks`);
    await context.close();
  });
});
