"use client";
/**
 * A slim line under the app bar while the browser is offline: changes made now wait and are
 * sent when it is back (TanStack Query pauses them). Always in the page as a live region, so
 * screen readers hear it appear.
 */
import { WifiOff } from "lucide-react";
import { useOnline } from "@/lib/online";

export function OfflineBanner() {
  const online = useOnline();
  return (
    <div role="status">
      {!online && (
        <p className="border-t border-border bg-warning-soft text-warning">
          <span className="mx-auto flex max-w-6xl items-center gap-2 px-3 py-1.5 text-sm font-medium sm:px-6">
            <WifiOff aria-hidden className="h-4 w-4 shrink-0" />
            <span>You are offline. Changes will be sent when you are back online.</span>
          </span>
        </p>
      )}
    </div>
  );
}
