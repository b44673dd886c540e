import { type ReactNode } from "react";
import { cn } from "./cn";

export const inputClass =
  "w-full rounded-lg border border-input bg-surface px-3 py-2 text-sm text-text placeholder:text-muted hover:border-accent focus-visible:border-accent aria-[invalid=true]:border-danger";

/** A labelled control with its hint and its error (the API's field message) right below it. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div data-field className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-text">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-danger wrap-anywhere" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** aria props tying a control to its Field's error/hint. */
export function describedBy(id: string, error?: string, hint?: boolean) {
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  } as const;
}
