"use client";
/**
 * Toasts: `const { toast } = useToast(); toast({ title, description?, tone?, action?, duration? })`.
 * Rendered in one polite live region (errors are assertive) at the bottom of the screen, above
 * the bottom bar of an open drawer (its Save, the assistant's message box: useToastClearance),
 * which a toast would otherwise cover on a phone.
 */
import { CircleAlert, CircleCheck, Info, X } from "lucide-react";
import {
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from "react";
import { cn } from "./cn";

export type ToastTone = "info" | "success" | "error";

export interface ToastOptions {
  title: string;
  description?: string;
  tone?: ToastTone;
  action?: { label: string; onClick: () => void };
  /** Milliseconds; 0 keeps it until dismissed. Default 5000 (8000 with an action). */
  duration?: number;
}

interface ToastItem extends ToastOptions {
  id: number;
}

interface ToastApi {
  toast: (options: ToastOptions) => number;
  dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast must be used inside <ToastProvider>");
  return api;
}

/** Tells the toasts how far from the bottom of the screen a bar (`key`) reaches; 0 when it is gone. */
const ClearanceContext = createContext<(key: object, px: number) => void>(() => {});

/**
 * Keeps toasts above `bar` (a drawer's footer, the assistant's message box) while `active`:
 * they sit at the bottom of the screen, where they would cover it and take its taps.
 */
export function useToastClearance(bar: RefObject<HTMLElement | null>, active: boolean): void {
  const setClearance = useContext(ClearanceContext);
  useLayoutEffect(() => {
    const element = bar.current;
    if (!active || !element) return;
    const key = {};
    const measure = () => setClearance(key, Math.max(0, Math.round(window.innerHeight - element.getBoundingClientRect().top)));
    measure();
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(measure);
    observer?.observe(element);
    window.addEventListener("resize", measure);
    return () => {
      observer?.disconnect();
      window.removeEventListener("resize", measure);
      setClearance(key, 0);
    };
  }, [bar, active, setClearance]);
}

const icons = { info: Info, success: CircleCheck, error: CircleAlert } as const;
const toneClass: Record<ToastTone, string> = {
  info: "text-accent",
  success: "text-success",
  error: "text-danger",
};

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
    setItems((current) => current.filter((item) => item.id !== id));
  }, []);

  const toast = useCallback(
    (options: ToastOptions) => {
      const id = nextId.current++;
      setItems((current) => [...current.slice(-3), { ...options, id }]);
      const duration = options.duration ?? (options.action ? 8000 : 5000);
      if (duration > 0) timers.current.set(id, setTimeout(() => dismiss(id), duration));
      return id;
    },
    [dismiss],
  );

  const api = useMemo(() => ({ toast, dismiss }), [toast, dismiss]);

  const bars = useRef(new Map<object, number>());
  const [clearance, setClearance] = useState(0);
  const setBar = useCallback((key: object, px: number) => {
    if (px > 0) bars.current.set(key, px);
    else bars.current.delete(key);
    setClearance(Math.max(0, ...bars.current.values()));
  }, []);

  return (
    <ToastContext.Provider value={api}>
      <ClearanceContext.Provider value={setBar}>{children}</ClearanceContext.Provider>
      <div
        aria-live="polite"
        aria-label="Notifications"
        role="region"
        style={{ bottom: clearance }}
        className="pointer-events-none fixed inset-x-0 bottom-0 z-[60] flex flex-col items-center gap-2 p-4 sm:items-start"
      >
        {items.map((item) => {
          const tone = item.tone ?? "info";
          const Icon = icons[tone];
          return (
            <div
              key={item.id}
              role={tone === "error" ? "alert" : "status"}
              className="pointer-events-auto flex w-full max-w-sm animate-toast-in items-start gap-3 rounded-card border border-border bg-surface p-3 shadow-card"
            >
              <Icon aria-hidden className={cn("mt-0.5 h-5 w-5 shrink-0", toneClass[tone])} />
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium text-text wrap-anywhere">{item.title}</p>
                {item.description && <p className="mt-0.5 text-sm text-muted wrap-anywhere">{item.description}</p>}
              </div>
              {item.action && (
                <button
                  type="button"
                  className="rounded-md px-2 py-1 text-sm font-semibold text-accent hover:bg-accent-soft"
                  onClick={() => {
                    item.action?.onClick();
                    dismiss(item.id);
                  }}
                >
                  {item.action.label}
                </button>
              )}
              <button
                type="button"
                aria-label="Dismiss notification"
                className="rounded-md p-1 text-muted hover:bg-surface-2 hover:text-text"
                onClick={() => dismiss(item.id)}
              >
                <X aria-hidden className="h-4 w-4" />
              </button>
            </div>
          );
        })}
      </div>
    </ToastContext.Provider>
  );
}
