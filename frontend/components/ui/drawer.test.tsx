// @vitest-environment jsdom
/** The modal side panel (the task drawer's frame). */
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Drawer } from "./drawer";

afterEach(cleanup);

describe("Drawer", () => {
  it("has no footer slot: the task drawer's Delete/Cancel/Save bar is its own, sticky, in its children", () => {
    // The slot was never used (its toast clearance had to move to the task drawer's bar, 493a2b2).
    const stray = { footer: <button type="button">Stray</button> };
    render(
      <Drawer open onClose={() => {}} title="Edit task" {...stray}>
        <p>body</p>
      </Drawer>,
    );
    screen.getByRole("dialog", { name: "Edit task" });
    expect(screen.queryByRole("button", { name: "Stray" })).toBeNull();
  });
});
