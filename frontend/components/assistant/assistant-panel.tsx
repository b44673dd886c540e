"use client";

/**
 * The assistant, on every screen: a launcher button (for the app bar), the "a" key, and a
 * slide-over chat panel. The panel's code loads on first use (hover, focus or click), so the pages' first
 * load carries only the button.
 */
import dynamic from "next/dynamic";
import { Sparkles } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useHotkeys } from "@/lib/keyboard";
import type { CloseHow } from "./assistant-drawer";

const loadDrawer = () => import("./assistant-drawer");
const AssistantDrawer = dynamic(loadDrawer, { ssr: false });

/** Other components open the panel with `window.dispatchEvent(new Event(OPEN_ASSISTANT_EVENT))`. */
export const OPEN_ASSISTANT_EVENT = "assistant:open";

export function AssistantPanel() {
  const [open, setOpen] = useState(false);
  // Mounted from the first open on, so a closed panel keeps its conversation.
  const [mounted, setMounted] = useState(false);
  // Each ask (the launcher, "a", another component's event) puts focus in the message box, also
  // when the panel is open already beside the page.
  const [asked, setAsked] = useState(0);
  const launcher = useRef<HTMLButtonElement>(null);
  // What opened the panel (the launcher, or whatever had focus when another component opened
  // it), to take focus back on close; null while closed.
  const opener = useRef<HTMLElement | null>(null);

  const show = useCallback(() => {
    if (!opener.current) {
      const active = document.activeElement;
      opener.current = active instanceof HTMLElement && active !== document.body ? active : launcher.current;
    }
    setMounted(true);
    setOpen(true);
    setAsked((count) => count + 1);
  }, []);
  // "a", outside a field, on every screen (listed in the "?" dialog).
  useHotkeys({ a: show });

  // Closed from the page beside it (Escape there): focus stays on the page, not back to the opener.
  const close = useCallback((how?: CloseHow) => {
    if (how?.focus === "stays") opener.current = null;
    setOpen(false);
  }, []);

  // Focus goes back once the panel has closed: on a phone the page (the launcher with it) is
  // inert while the panel is open, and an inert button cannot take focus. The drawer's effect
  // that lifts it is a child's, so it has run by now.
  useEffect(() => {
    if (open || !opener.current) return;
    const to = opener.current.isConnected ? opener.current : launcher.current;
    opener.current = null;
    to?.focus();
  }, [open]);

  useEffect(() => {
    window.addEventListener(OPEN_ASSISTANT_EVENT, show);
    return () => window.removeEventListener(OPEN_ASSISTANT_EVENT, show);
  }, [show]);

  return (
    <>
      <button
        ref={launcher}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={mounted ? "assistant-panel" : undefined}
        onPointerEnter={() => void loadDrawer()}
        onFocus={() => void loadDrawer()}
        onClick={() => (open ? close() : show())}
        className="inline-flex h-10 items-center gap-2 rounded-full border border-border bg-surface px-3 text-sm font-semibold text-accent-strong shadow-card transition hover:bg-accent-soft"
      >
        <Sparkles aria-hidden className="size-4 text-accent" />
        <span className="sr-only sm:not-sr-only">Assistant</span>
      </button>
      {mounted && <AssistantDrawer open={open} onClose={close} asked={asked} />}
    </>
  );
}
