"use client";
/**
 * The selection bar's Priority: a menu button (WAI-ARIA menu button pattern), not a <select>.
 * A closed <select> applies its next option on the first arrow key (Chromium fires change),
 * so a keyboard user stepping through the choices set every selected task to the first one
 * passed; here the arrows only move, and Enter, Space or a click sets the priority.
 */
import { ChevronDown } from "lucide-react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { useCloseOnFocusOut, usePopoverDismiss } from "@/components/ui/use-popover-dismiss";
import { PRIORITIES, PRIORITY_LABEL, type Priority } from "@/lib/tasks";

export function PriorityMenu({
  disabled,
  onChoose,
  className,
}: {
  /** A batch is running: the button does nothing (it keeps its focus). */
  disabled: boolean;
  onChoose: (priority: Priority) => void;
  /** The trigger's classes (the bar's button look and size). */
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const focusOnOpen = useRef<"first" | "last">("first");
  const menuId = useId();
  usePopoverDismiss(open, () => setOpen(false), [root], button);
  const closeOnFocusOut = useCloseOnFocusOut(open, root, setOpen);

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    if (!open) return;
    const all = items();
    (focusOnOpen.current === "last" ? all.at(-1) : all[0])?.focus();
  }, [open]);

  const openAt = (at: "first" | "last") => {
    focusOnOpen.current = at;
    setOpen(true);
  };
  const choose = (priority: Priority) => {
    setOpen(false);
    button.current?.focus();
    onChoose(priority);
  };

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const next = { ArrowDown: (at + 1) % all.length, ArrowUp: (at - 1 + all.length) % all.length, Home: 0, End: all.length - 1 }[
      event.key
    ];
    if (next === undefined) {
      // No page shortcut ("x", "s", "n") while the menu is open; Escape and Tab go on.
      if (event.key.length === 1) event.preventDefault();
      return;
    }
    event.preventDefault();
    all[next]?.focus();
  }

  return (
    <div
      ref={root}
      className="relative"
      // Tab / Shift+Tab out of the menu (or focus moved anywhere else) closes it.
      onBlur={closeOnFocusOut}
    >
      {/* aria-disabled while a batch runs, not disabled: the focus it has after a choice stays. */}
      <Button
        ref={button}
        size="sm"
        aria-disabled={disabled || undefined}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => !disabled && (open ? setOpen(false) : openAt("first"))}
        onKeyDown={(event) => {
          if (disabled || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
          event.preventDefault();
          openAt(event.key === "ArrowDown" ? "first" : "last");
        }}
        className={className}
      >
        Priority <ChevronDown aria-hidden className="h-4 w-4" />
      </Button>
      {open && (
        // Above the button: the bar sits at the bottom of the screen.
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label="Set priority"
          onKeyDown={onMenuKeyDown}
          className="absolute bottom-full left-0 z-40 mb-1 w-40 rounded-card border border-border bg-surface p-1 shadow-card"
        >
          {PRIORITIES.map((priority) => (
            <button
              key={priority}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => choose(priority)}
              className="flex w-full rounded-lg px-3 py-1.5 text-left text-sm text-text hover:bg-surface-2 focus-visible:bg-surface-2 touch:min-h-11"
            >
              {PRIORITY_LABEL[priority]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
