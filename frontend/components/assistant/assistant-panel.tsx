"use client";

/**
 * The assistant, on every screen: a launcher button (for the app bar) and a slide-over chat
 * panel. The panel's code loads on first use (hover, focus or click), so the pages' first
 * load carries only the button.
 */
import dynamic from "next/dynamic";
import { Sparkles } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";

const loadDrawer = () => import("./assistant-drawer");
const AssistantDrawer = dynamic(loadDrawer, { ssr: false });

/** Other components open the panel with `window.dispatchEvent(new Event(OPEN_ASSISTANT_EVENT))`. */
export const OPEN_ASSISTANT_EVENT = "assistant:open";

export function AssistantPanel() {
  const [open, setOpen] = useState(false);
  // Mounted from the first open on, so a closed panel keeps its conversation.
  const [mounted, setMounted] = useState(false);
  const launcher = useRef<HTMLButtonElement>(null);

  const show = useCallback(() => {
    setMounted(true);
    setOpen(true);
  }, []);

  const close = useCallback(() => {
    setOpen(false);
    launcher.current?.focus();
  }, []);

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
      {mounted && <AssistantDrawer open={open} onClose={close} />}
    </>
  );
}
