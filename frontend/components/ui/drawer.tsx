"use client";
/**
 * A modal side panel: focus moves in and Tab goes round it (and the toasts above it), the page
 * behind it is inert and hidden from screen readers (useInertOutside: a Tab trap does not stop
 * their virtual cursor; the toasts stay reachable), Escape and the backdrop close it, focus
 * returns to what opened it. It slides in and out with CSS animations (app/globals.css), above
 * the assistant's side panel.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { CloseButton } from "./close-button";
import { cn } from "./cn";
import { FOCUSABLE, tabTarget } from "./focus-cycle";
import { useInertOutside } from "./use-inert-outside";

export function Drawer({
  open,
  onClose,
  title,
  children,
  className,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const root = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  // Stays mounted while the closing animation plays.
  const [mounted, setMounted] = useState(open);
  if (open && !mounted) setMounted(true);
  const closing = mounted && !open;

  // Declared before the effect below on purpose: cleanups run in the order the effects are
  // declared, so the page is no longer inert when that one gives focus back to the opener (a
  // browser refuses focus on an inert element).
  useInertOutside(open, [root]);

  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement as HTMLElement | null;
    const frame = requestAnimationFrame(() => {
      const first =
        panel.current?.querySelector<HTMLElement>("[data-autofocus]") ??
        panel.current?.querySelector<HTMLElement>(FOCUSABLE);
      first?.focus();
    });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        onCloseRef.current();
      } else if (event.key === "Tab" && panel.current) {
        // Round the drawer and the toasts above it (focus-cycle.ts).
        const next = tabTarget(panel.current, document.activeElement, event.shiftKey);
        if (next) {
          event.preventDefault();
          next.focus();
        }
      }
    };
    document.addEventListener("keydown", onKey);
    const overflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("keydown", onKey);
      document.body.style.overflow = overflow;
      if (opener && document.contains(opener)) opener.focus();
    };
  }, [open]);

  if (!mounted) return null;
  return (
    // z-[55]: modal, so above the assistant's side panel (z-50, beside the page on wide screens,
    // inert behind this) and below the toasts (z-[60]).
    <div ref={root} className="fixed inset-0 z-[55]" inert={closing || undefined}>
      <div
        aria-hidden
        className={cn("absolute inset-0 bg-overlay", closing ? "animate-fade-out" : "animate-fade-in")}
        onClick={() => onCloseRef.current()}
      />
      <div
        ref={panel}
        role="dialog"
        aria-modal={closing ? undefined : "true"}
        aria-labelledby={titleId}
        onAnimationEnd={(event) => {
          if (closing && event.target === event.currentTarget) setMounted(false);
        }}
        className={cn(
          "absolute inset-y-0 right-0 flex w-full max-w-lg flex-col border-l border-border bg-surface shadow-card",
          closing ? "animate-slide-out" : "animate-slide-in",
          className,
        )}
      >
        <div className="flex items-center justify-between gap-2 border-b border-border px-5 py-3">
          <h2 id={titleId} className="text-base font-semibold text-text">
            {title}
          </h2>
          <CloseButton onClick={() => onCloseRef.current()} />
        </div>
        <div className="flex-1 overflow-y-auto px-5 pt-4">
          <div className="pb-4">{children}</div>
        </div>
      </div>
    </div>
  );
}
