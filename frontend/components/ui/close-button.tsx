import { X } from "lucide-react";
import { forwardRef, type MouseEventHandler } from "react";

/** The "Close" (×) button in the header of a drawer or dialog. */
export const CloseButton = forwardRef<HTMLButtonElement, { onClick: MouseEventHandler<HTMLButtonElement> }>(
  function CloseButton({ onClick }, ref) {
    return (
      <button
        ref={ref}
        type="button"
        aria-label="Close"
        className="rounded-md p-2 text-muted hover:bg-surface-2 hover:text-text"
        onClick={onClick}
      >
        <X aria-hidden className="h-5 w-5" />
      </button>
    );
  },
);
