/**
 * Every screen in light and dark, at 1280 px and 360 px: a screenshot under e2e/artifacts/
 * (<screen>-<theme>-<width>.png) and an axe check of each. One account with seeded tasks (an
 * overdue one, a recurring one, tags, a fired reminder, a completion) serves every profile.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  THEMES,
  WIDTHS,
  apiCall,
  axeCheck,
  eventually,
  launch,
  log,
  newAccount,
  newContext,
  screenshot,
  signUpByApi,
  type AxeFinding,
  type Session,
} from "./harness";

let browser: Browser;
let session: Session;
const findings: AxeFinding[] = [];

const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

async function seed(context: BrowserContext): Promise<void> {
  const add = (task: Record<string, unknown>) => apiCall<{ id: string }>(context, "POST", "tasks", task);
  await add({ title: "Renew passport", priority: "VERY_IMPORTANT", tags: ["Personal"], due_at: hours(-30) });
  await add({ title: "Prepare the quarterly report", description: "Numbers from finance, slides for Monday.", priority: "HIGH", tags: ["Work"], due_at: hours(3) });
  await add({ title: "Water plants", tags: ["Home"], rrule: "FREQ=DAILY", due_at: hours(20) });
  await add({ title: "Buy oat milk and bread", tags: ["Shopping"], due_at: hours(26) });
  await add({ title: "Read one chapter of Dune", priority: "LOW", tags: ["Learning"] });
  const done = await add({ title: "Book dentist appointment", tags: ["Health"] });
  await apiCall(context, "POST", `tasks/${done.id}/complete`);
  await add({ title: "Stretch your legs", remind_at: new Date(Date.now() + 5_000).toISOString(), due_at: hours(1) });
}

async function shoot(page: Page, screen: string, theme: string, width: number, full = false) {
  const name = `${screen}-${theme}-${width}`;
  await screenshot(page, name, full);
  const found = await axeCheck(page, name);
  for (const f of found) log(`axe ${f.impact} ${f.id} on ${name}: ${f.help} → ${f.targets.join(" | ")}`);
  findings.push(...found);
}

describe("screens", () => {
  beforeAll(async () => {
    browser = await launch();
    const context = await newContext(browser);
    await signUpByApi(context, newAccount("screens"));
    await seed(context);
    // The reminder fires at the next cron tick (every 30 s).
    await eventually(
      async () => (await apiCall<{ items: unknown[] }>(context, "GET", "notifications?unread=true")).items.length > 0,
      75_000,
      2000,
    );
    session = await context.storageState();
    await context.close();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    log(`axe: ${findings.length} serious/critical violations over every screen, theme and width`);
  });

  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      it(`${theme} at ${width} px`, async () => {
        const anonymous = await newContext(browser, { width, theme });
        const page = await anonymous.newPage();
        await page.goto("/");
        await page.getByRole("heading", { level: 1 }).waitFor();
        await shoot(page, "landing", theme, width, true);
        await page.goto("/sign-in");
        await page.getByLabel("E-mail").waitFor();
        await shoot(page, "sign-in", theme, width);
        await anonymous.close();

        const context = await newContext(browser, { width, theme, session });
        const app = await context.newPage();
        await app.goto("/tasks");
        await app.getByRole("list", { name: "Tasks" }).getByRole("listitem").first().waitFor();
        await shoot(app, "tasks", theme, width);
        // Medium, the default, has no badge (a screen reader still hears it); the others keep
        // theirs, and a Medium row's title reaches the row's right padding.
        const list = app.getByRole("list", { name: "Tasks" });
        expect(await list.locator("[data-priority-badge]").allTextContents()).toEqual([
          "Priority Urgent",
          "Priority High",
          "Priority Low",
        ]);
        const water = list.getByRole("listitem").filter({ hasText: "Water plants" });
        expect(await water.textContent()).toContain("Priority Medium");
        const rowBox = (await water.locator(":scope > div").boundingBox())!;
        const titleBox = (await water.getByRole("button", { name: "Water plants. Open details" }).boundingBox())!;
        expect(rowBox.x + rowBox.width - (titleBox.x + titleBox.width)).toBeLessThanOrEqual(14);

        await app.getByRole("button", { name: "Prepare the quarterly report. Open details" }).click();
        const drawer = app.getByRole("dialog");
        await drawer.waitFor();
        await shoot(app, "edit-drawer", theme, width);
        await app.keyboard.press("Escape");
        await drawer.waitFor({ state: "detached" });

        await app.getByRole("button", { name: "Assistant" }).click();
        const panel = app.getByRole("dialog", { name: "Assistant" });
        const box = panel.getByLabel("Message the assistant");
        await box.fill("What is due this week?");
        await box.press("Enter");
        await panel.locator('[data-role="assistant"]').first().waitFor({ timeout: 30_000 });
        await shoot(app, "assistant", theme, width);
        await app.keyboard.press("Escape");
        await panel.waitFor({ state: "hidden" });

        await app.getByRole("button", { name: /^Notifications, \d+ unread$/ }).click();
        await app.getByRole("dialog", { name: "Notifications" }).getByText("Stretch your legs").first().waitFor();
        await shoot(app, "notifications", theme, width);
        await app.keyboard.press("Escape");

        // The bars grow in (600 ms) unless the user asks for less motion, and grow again
        // when the chart is resized, as a full-page screenshot does (it stretches the
        // viewport to the page): with motion, the picture showed empty charts.
        await app.emulateMedia({ reducedMotion: "reduce" });
        await app.goto("/dashboard");
        await app.locator('[data-metric="Completed"]').waitFor();
        await app.getByRole("list", { name: "Recent activity" }).waitFor();
        await app.locator(".recharts-bar-rectangle").first().waitFor();
        await shoot(app, "dashboard", theme, width, true);
        await context.close();
      });
    }
  }

  it("finds no serious or critical accessibility violation", () => {
    expect(findings).toEqual([]);
  });
});
