"use client";
/** The empty list teaches quick-add: the syntax, with examples that fill the box when clicked. */
import { CircleCheckBig, Inbox, SearchX } from "lucide-react";
import { Button } from "@/components/ui/button";

const EXAMPLES = [
  "Pay rent every month on the 1st #Finance !high tomorrow 9am",
  "Stand-up every weekday at 9:30 #Work",
  "Call mum sunday 6pm remind me 30m before",
];

const SYNTAX: Array<[string, string]> = [
  ["#tag", "adds a tag"],
  ["!urgent !high !low", "sets the priority (!! is urgent too)"],
  ["tomorrow 9am, friday, in 2 hours", "sets the due date"],
  ["every day, every monday, every month on the 1st", "makes it repeat"],
  ["remind me 30m before", "sets a reminder"],
];

export function EmptyState({
  filtered,
  completedOnly = false,
  linked = false,
  onClear,
  onExample,
}: {
  filtered: boolean;
  /** The Completed view with no other filter or search: nothing was completed, nothing to loosen. */
  completedOnly?: boolean;
  /** The filters came from a link: it shares filters, never tasks, so say whose tasks these are. */
  linked?: boolean;
  onClear: () => void;
  onExample: (text: string) => void;
}) {
  if (completedOnly) {
    return (
      <div className="rounded-card border border-dashed border-border-strong bg-surface px-6 py-12 text-center">
        <CircleCheckBig aria-hidden className="mx-auto h-10 w-10 text-accent" />
        <h2 className="mt-3 text-lg font-semibold text-text">Nothing completed yet</h2>
        <p className="mt-1 text-sm text-muted">Tasks you complete show up here, ready to reopen.</p>
        <Button className="mt-4" onClick={onClear}>
          Show open tasks
        </Button>
      </div>
    );
  }
  if (filtered) {
    return (
      <div className="rounded-card border border-dashed border-border-strong bg-surface px-6 py-12 text-center">
        <SearchX aria-hidden className="mx-auto h-10 w-10 text-accent" />
        <h2 className="mt-3 text-lg font-semibold text-text">No tasks match</h2>
        <p className="mt-1 text-sm text-muted">
          {linked
            ? "These filters came from a link. Links share filters, not tasks: none of your own tasks match them."
            : "Try fewer filters or another search."}
        </p>
        <Button className="mt-4" onClick={onClear}>
          Clear search and filters
        </Button>
      </div>
    );
  }
  return (
    <div className="rounded-card border border-dashed border-border-strong bg-surface px-5 py-10 sm:px-10">
      <div className="text-center">
        <Inbox aria-hidden className="mx-auto h-10 w-10 text-accent" />
        <h2 className="mt-3 text-lg font-semibold text-text">Nothing to do. Yet.</h2>
        <p className="mt-1 text-sm text-muted">
          Type a task in the box above{" "}
          <span data-testid="keyboard-hint" className="touch:hidden">
            (press <kbd className="rounded border border-border px-1 font-mono">n</kbd> to get there){" "}
          </span>
          and say everything in one line:
        </p>
      </div>
      <dl className="mx-auto mt-6 grid max-w-xl gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        {SYNTAX.map(([code, text]) => (
          <div key={code} className="contents">
            <dt>
              <code className="rounded bg-surface-2 px-1.5 py-0.5 font-mono text-xs text-accent-strong">{code}</code>
            </dt>
            <dd className="mb-2 text-muted sm:mb-0">{text}</dd>
          </div>
        ))}
      </dl>
      <div className="mx-auto mt-6 max-w-xl">
        <p className="text-sm font-medium text-text">Try one:</p>
        <ul className="mt-2 space-y-2">
          {EXAMPLES.map((example) => (
            <li key={example}>
              <button
                type="button"
                onClick={() => onExample(example)}
                className="w-full rounded-lg border border-border bg-surface-2 px-3 py-2 text-left text-sm text-text hover:border-accent"
              >
                {example}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
