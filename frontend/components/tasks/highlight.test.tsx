// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Highlight, searchTerms } from "./highlight";
import { loadView } from "./tasks-view";

afterEach(cleanup);

describe("Highlight", () => {
  it("marks words starting with a search term, case-insensitively", () => {
    const { container } = render(<Highlight text="Pay the rent, rental car" query="RENT pay" />);
    expect([...container.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["Pay", "rent", "rent"]);
    expect(container.textContent).toBe("Pay the rent, rental car");
  });

  it("does not mark the middle of a word and survives regex characters", () => {
    const { container } = render(<Highlight text="Parent (a+b)" query="rent (a+" />);
    expect([...container.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["a"]);
    expect(searchTerms("  ")).toEqual([]);
  });
});

describe("loadView (remembered filters)", () => {
  it("restores what was stored", () => {
    const stored = { filters: { status: "all", priority: ["LOW", "HIGH"], due: "week", tags: ["Work"] }, sort: "title", order: "desc" };
    expect(loadView(JSON.stringify(stored))).toEqual({
      filters: { status: "all", priority: ["HIGH", "LOW"], due: "week", tags: ["Work"] },
      sort: "title",
      order: "desc",
    });
  });

  it("falls back to defaults for junk", () => {
    const defaults = { filters: { status: "open", priority: [], due: null, tags: [] }, sort: null, order: "asc" };
    expect(loadView("{not json")).toEqual(defaults);
    expect(loadView(JSON.stringify({ filters: { status: "x", priority: ["NOPE"], due: "yesterday", tags: [1] }, sort: "evil" }))).toEqual(defaults);
    expect(loadView(null)).toEqual(defaults);
  });
});
