"use client";
/**
 * Toasts: `const { toast } = useToast(); toast({ title, description?, tone?, action?, duration? })`;
 * `update(id, { title?, description? })` changes the words of one still on screen (a batch's progress).
 * Rendered at the bottom of the screen in two live regions that are always there, one polite and
 * one assertive (errors); a toast itself is no live region (a role="status" inside the polite
 * region could be read twice). They sit above
 * the bottom bar of an open drawer (its Save, the assistant's message box: useToastClearance),
 * which a toast would otherwise cover on a phone. A toast stays while it has focus, and when one
 * that has focus goes, focus goes back to where it was before (the task list, for Undo).
 * "z", Ctrl+Z or Cmd+Z outside a field (and no dialog open) presses the newest toast's Undo.
 */
import { CircleAlert, CircleCheck, Info, X } from "lucide-react";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from "react";
import { isTypingTarget } from "@/lib/keyboard";
import { cn } from "./cn";

export type ToastTone = "info" | "success" | "error";

export interface ToastOptions {
  title: string;
  description?: string;
  tone?: ToastTone;
  action?: { label: string; onClick: () => void };
  /** Milliseconds; 0 keeps it until dismissed. Default 5000 (8000 with an action). */
  duration?: number;
  /** Called once when it goes, whichever way: timed out, dismissed, its action, pushed out by newer ones. */
  onClose?: () => void;
}

interface ToastItem extends ToastOptions {
  id: number;
}

interface ToastApi {
  toast: (options: ToastOptions) => number;
  dismiss: (id: number) => void;
  /** New words for a toast still on screen (one gone stays gone). */
  update: (id: number, words: Partial<Pick<ToastOptions, "title" | "description">>) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast must be used inside <ToastProvider>");
  return api;
}

/**
 * True for "z", Ctrl+Z or Cmd+Z (not Shift: redo) pressed outside a field, a menu or a modal
 * dialog: the key that presses the newest toast's Undo. In a field the browser's own undo stays.
 */
export function isUndoKey(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.altKey || event.shiftKey || event.key.toLowerCase() !== "z") return false;
  if (event.ctrlKey && event.metaKey) return false;
  if (isTypingTarget(event.target)) return false;
  if (event.target instanceof Element && event.target.closest('[role="menu"]')) return false;
  return !document.querySelector('[aria-modal="true"]');
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

/** Toasts on screen at once: a newer one pushes the oldest out. */
const MAX_TOASTS = 4;

/** An action label longer than this goes on its own line under the message. */
const LONG_ACTION = 8;

/** A live region's list of toasts (both always there, empty or not, so what is added is said). */
const LIVE_LIST = "flex w-full flex-col items-center gap-2 sm:items-start";

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
  /** How long each toast still on screen stays (0: until dismissed). */
  const durations = useRef(new Map<number, number>());
  /** The ids on screen, oldest first (as `items` will be once drawn), and what each calls when it goes. */
  const shown = useRef<number[]>([]);
  const closers = useRef(new Map<number, () => void>());
  const region = useRef<HTMLDivElement>(null);
  /** Where focus was before it went into a toast (Tab from the list to Undo). */
  const returnFocus = useRef<HTMLElement | null>(null);
  /** A toast that had focus is going: give focus back once it has gone. */
  const restoreFocus = useRef(false);

  /** Notes whether focus is in one of these toasts, which are about to go. */
  const noteFocusIn = useCallback((ids: number[]) => {
    const active = document.activeElement;
    const holder = active?.closest?.("[data-toast-id]");
    if (holder && region.current?.contains(holder) && ids.includes(Number(holder.getAttribute("data-toast-id"))))
      restoreFocus.current = true;
  }, []);

  /** A toast going (dismissed or pushed out): its timer stops, its onClose is called once. */
  const forget = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    durations.current.delete(id);
    shown.current = shown.current.filter((other) => other !== id);
    const close = closers.current.get(id);
    closers.current.delete(id);
    close?.();
  }, []);

  const dismiss = useCallback(
    (id: number) => {
      forget(id);
      noteFocusIn([id]);
      setItems((current) => current.filter((item) => item.id !== id));
    },
    [forget, noteFocusIn],
  );

  const startTimer = useCallback(
    (id: number) => {
      const duration = durations.current.get(id);
      if (!duration) return;
      clearTimeout(timers.current.get(id));
      timers.current.set(id, setTimeout(() => dismiss(id), duration));
    },
    [dismiss],
  );

  const toast = useCallback(
    (options: ToastOptions) => {
      const id = nextId.current++;
      // Four at most: the oldest goes.
      const pushedOut = shown.current.slice(0, Math.max(0, shown.current.length - (MAX_TOASTS - 1)));
      noteFocusIn(pushedOut);
      pushedOut.forEach(forget);
      shown.current = [...shown.current, id];
      if (options.onClose) closers.current.set(id, options.onClose);
      setItems((current) => [...current.filter((item) => !pushedOut.includes(item.id)), { ...options, id }]);
      durations.current.set(id, options.duration ?? (options.action ? 8000 : 5000));
      startTimer(id);
      return id;
    },
    [forget, noteFocusIn, startTimer],
  );

  // A toast that had focus went (its Undo pressed, dismissed, timed out): without this, focus
  // fell to <body> and the next Tab started again at the top of the page. It goes back to where
  // it was before it went into the toast, unless the action moved it somewhere itself.
  useLayoutEffect(() => {
    if (!restoreFocus.current) return;
    restoreFocus.current = false;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const target = returnFocus.current;
    if (target?.isConnected) target.focus();
  }, [items]);

  const update = useCallback(
    (id: number, words: Partial<Pick<ToastOptions, "title" | "description">>) =>
      setItems((current) => current.map((item) => (item.id === id ? { ...item, ...words } : item))),
    [],
  );

  const api = useMemo(() => ({ toast, dismiss, update }), [toast, dismiss, update]);

  // "z" (or Ctrl/Cmd+Z) outside a field: the newest Undo on screen, as if pressed.
  const undoable = items.findLast((item) => item.action?.label === "Undo");
  const undoRef = useRef(undoable);
  useEffect(() => {
    undoRef.current = undoable;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const item = undoRef.current;
      if (!item?.action || !isUndoKey(event)) return;
      event.preventDefault();
      item.action.onClick();
      dismiss(item.id);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [dismiss]);

  const bars = useRef(new Map<object, number>());
  const [clearance, setClearance] = useState(0);
  const setBar = useCallback((key: object, px: number) => {
    if (px > 0) bars.current.set(key, px);
    else bars.current.delete(key);
    setClearance(Math.max(0, ...bars.current.values()));
  }, []);

  const renderToast = (item: ToastItem) => {
    const tone = item.tone ?? "info";
    const Icon = icons[tone];
    return (
      <div
        key={item.id}
        data-toast-id={item.id}
        // It stays while it has focus (a keyboard user on its Undo), and for its whole time
        // again once focus leaves it.
        onFocus={() => clearTimeout(timers.current.get(item.id))}
        onBlur={(event) => {
          if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) startTimer(item.id);
        }}
        className="pointer-events-auto flex w-full max-w-sm animate-toast-in flex-wrap items-start gap-x-3 gap-y-1 rounded-card border border-border bg-surface p-3 shadow-card"
      >
        <Icon aria-hidden className={cn("mt-0.5 h-5 w-5 shrink-0", toneClass[tone])} />
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium text-text wrap-anywhere">{item.title}</p>
          {item.description && <p className="mt-0.5 text-sm text-muted wrap-anywhere">{item.description}</p>}
        </div>
        {item.action && (
          // A long label ("Move to tomorrow") gets its own line under the message, which
          // otherwise was squeezed to a few letters a line on a phone; "Undo" stays beside it.
          // Visual order only: the action still comes before Dismiss for Tab.
          <div className={cn("flex", item.action.label.length > LONG_ACTION && "order-last basis-full pl-8")}>
            <button
              type="button"
              aria-keyshortcuts={item === undoable ? "Z Control+Z Meta+Z" : undefined}
              className={cn(
                "min-h-7 rounded-md px-2 py-1 text-sm font-semibold text-accent hover:bg-accent-soft touch:-my-2 touch:min-h-11 touch:px-3",
                item.action.label.length > LONG_ACTION && "-ml-2 touch:-ml-3 touch:my-0",
              )}
              onClick={() => {
                item.action?.onClick();
                dismiss(item.id);
              }}
            >
              {item.action.label}
            </button>
          </div>
        )}
        <button
          type="button"
          aria-label="Dismiss notification"
          className="inline-flex size-6 shrink-0 items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-text touch:-my-2 touch:size-11"
          onClick={() => dismiss(item.id)}
        >
          <X aria-hidden className="h-4 w-4" />
        </button>
      </div>
    );
  };
  // Each toast in one live region only: errors in the assertive one, the rest in the polite one.
  const polite = items.filter((item) => item.tone !== "error");
  const errors = items.filter((item) => item.tone === "error");

  return (
    <ToastContext.Provider value={api}>
      <ClearanceContext.Provider value={setBar}>{children}</ClearanceContext.Provider>
      <div
        ref={region}
        aria-label="Notifications"
        role="region"
        // Above a modal, and left reachable when one makes the page behind it inert (useInertOutside).
        data-above-modals=""
        onFocus={(event) => {
          const from = event.relatedTarget;
          if (from instanceof HTMLElement && region.current?.contains(from)) return;
          returnFocus.current = from instanceof HTMLElement ? from : null;
        }}
        style={{ bottom: clearance }}
        className="pointer-events-none fixed inset-x-0 bottom-0 z-[60] flex flex-col items-center p-4 sm:items-start"
      >
        <div aria-live="polite" className={LIVE_LIST}>
          {polite.map(renderToast)}
        </div>
        <div aria-live="assertive" className={cn(LIVE_LIST, polite.length > 0 && errors.length > 0 && "mt-2")}>
          {errors.map(renderToast)}
        </div>
      </div>
    </ToastContext.Provider>
  );
}
