"use client";
/**
 * The keyboard shortcuts, listed in a small modal dialog that "?" opens (outside a field) on every
 * signed-in screen (the app bar mounts it: one dialog, not one per screen). Grouped by where they
 * work: the Tasks screen's own keys only there, those of every screen everywhere. Escape, its
 * Close button or the backdrop close it; focus goes back to where it was. The page behind is
 * inert (useInertOutside) and Tab stays on the Close button (its only control).
 */
import { Fragment, useEffect, useId, useRef, useState } from "react";
import { CloseButton } from "@/components/ui/close-button";
import { useInertOutside } from "@/components/ui/use-inert-outside";
import { useHotkeys } from "@/lib/keyboard";

type Shortcut = [keys: string[], does: string];

/** The Tasks screen's shortcuts (task-list.tsx, tasks-view.tsx, the search box). */
export const TASKS_SHORTCUTS: readonly Shortcut[] = [
  [["n", "q"], "New task (quick add)"],
  [["/"], "Search (↓ from it to the first task)"],
  [["↑", "↓", "j", "k"], "Move between tasks"],
  [["Home", "End"], "First or last task"],
  [["Enter"], "Open the task"],
  [["x"], "Complete or reopen the task"],
  [["s", "Shift+click"], "Select the task (act on several at once)"],
  [["Esc"], "Clear the search, or the selection"],
];

/**
 * Every signed-in screen's: to another screen (app-header.tsx), the assistant (assistant-panel.tsx),
 * the toasts' Undo (toast.tsx), Escape (dialogs, the assistant), F6 (the assistant), this list.
 * A key with a space is a sequence ("g t": g, then t).
 */
export const EVERYWHERE_SHORTCUTS: readonly Shortcut[] = [
  [["g t"], "Go to Tasks"],
  [["g d"], "Go to the Dashboard"],
  [["a"], "Open the assistant (its message box)"],
  [["z", "Ctrl+Z"], "Undo (the newest toast's Undo)"],
  [["Esc"], "Close (a dialog, the drawer, the assistant)"],
  [["F6"], "Between the open assistant and the page"],
  [["?"], "This list"],
];

/** "?" opens the list on every signed-in screen; `pathname` says which screen's keys to add. */
export function KeyboardShortcuts({ pathname }: { pathname: string }) {
  const [open, setOpen] = useState(false);
  useHotkeys({ "?": () => setOpen(true) });
  const onTasks = pathname === "/tasks" || pathname.startsWith("/tasks/");
  const groups: Array<[string, readonly Shortcut[]]> = onTasks
    ? [
        ["On Tasks", TASKS_SHORTCUTS],
        ["Everywhere", EVERYWHERE_SHORTCUTS],
      ]
    : [["Everywhere", EVERYWHERE_SHORTCUTS]];
  return <ShortcutsDialog open={open} onClose={() => setOpen(false)} groups={groups} />;
}

export function ShortcutsDialog({
  open,
  onClose,
  groups,
}: {
  open: boolean;
  onClose: () => void;
  groups: ReadonlyArray<[heading: string, shortcuts: readonly Shortcut[]]>;
}) {
  const root = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  // Before the effect below: the page is no longer inert when focus goes back to it.
  useInertOutside(open, [root]);
  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement as HTMLElement | null;
    close.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" || event.key === "?") {
        event.preventDefault();
        onCloseRef.current();
      } else if (event.key === "Tab") {
        event.preventDefault();
        close.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      if (opener && opener !== document.body && document.contains(opener)) opener.focus();
    };
  }, [open]);

  if (!open) return null;
  return (
    <div ref={root} className="fixed inset-0 z-[55] grid place-items-center p-4">
      <div aria-hidden className="absolute inset-0 bg-overlay animate-fade-in" onClick={() => onCloseRef.current()} />
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="relative w-full max-w-sm rounded-card border border-border bg-surface p-5 shadow-card"
      >
        <div className="mb-3 flex items-center justify-between gap-2">
          <h2 id={titleId} className="text-base font-semibold text-text">
            Keyboard shortcuts
          </h2>
          <CloseButton ref={close} onClick={() => onCloseRef.current()} />
        </div>
        {groups.map(([heading, shortcuts]) => (
          <section key={heading} aria-label={heading} className="mt-3 first:mt-0">
            <h3 className="mb-1.5 text-xs font-semibold uppercase text-muted">{heading}</h3>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              {shortcuts.map(([keys, does]) => (
                <div key={does} className="contents">
                  <dt className="flex flex-wrap items-start gap-1">
                    {keys.map((key) => (
                      <span key={key} className="inline-flex items-baseline gap-1 text-xs text-muted">
                        {key.split(" ").map((press, index) => (
                          <Fragment key={index}>
                            {index > 0 && " then "}
                            <kbd className="rounded border border-border px-1.5 font-mono text-xs text-text">{press}</kbd>
                          </Fragment>
                        ))}
                      </span>
                    ))}
                  </dt>
                  <dd className="text-muted">{does}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </div>
  );
}
