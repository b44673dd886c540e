// @vitest-environment jsdom
import { onlineManager } from "@tanstack/react-query";
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { OfflineBanner } from "./offline-banner";

afterEach(() => {
  cleanup();
  onlineManager.setOnline(true);
});

const OFFLINE = "You are offline. Changes will be sent when you are back online.";

describe("OfflineBanner", () => {
  it("says nothing while online", () => {
    render(<OfflineBanner />);
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("appears in its live region when the browser goes offline, and goes when it is back", () => {
    render(<OfflineBanner />);
    act(() => onlineManager.setOnline(false));
    expect(screen.getByRole("status").textContent).toBe(OFFLINE);
    act(() => onlineManager.setOnline(true));
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("follows the browser's offline and online events", () => {
    render(<OfflineBanner />);
    act(() => void window.dispatchEvent(new Event("offline")));
    expect(screen.getByRole("status").textContent).toBe(OFFLINE);
    act(() => void window.dispatchEvent(new Event("online")));
    expect(screen.queryByText(OFFLINE)).toBeNull();
  });
});
