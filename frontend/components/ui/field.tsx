import { type ReactNode } from "react";
import { cn } from "./cn";

/**
 * A text field's or select's look without its size. cn() only joins class names (no
 * tailwind-merge), so a control that sets its own width, height or padding starts from this:
 * added to inputClass, "w-auto" or "py-0" would meet "w-full" / "py-2" and the stylesheet's
 * order, not the later class, would decide.
 */
export const inputLook =
  "rounded-lg border border-input bg-surface text-sm text-text placeholder:text-muted hover:border-accent focus-visible:border-accent aria-[invalid=true]:border-danger";

/** A form's full-width text field or select. */
export const inputClass = `${inputLook} w-full px-3 py-2`;

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
