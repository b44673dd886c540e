"use client";

/**
 * The assistant's slide-over: the conversation, the chips of what each reply did, the history
 * of past conversations. Not modal on wide screens, so the task list beside it stays in view
 * and visibly updates when the assistant changes something; full screen on phones, and modal
 * there (Tab goes round it and the toasts above it, the page behind is inert, Escape closes it).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowUp, History, Loader2, MessageSquarePlus, RotateCcw, Sparkles, X } from "lucide-react";
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
  type KeyboardEvent,
} from "react";
import { createPortal } from "react-dom";
import { ApiError } from "@/lib/api";
import { cn } from "@/components/ui/cn";
import { tabTarget } from "@/components/ui/focus-cycle";
import { OPEN_POPUP, isTypingTarget } from "@/lib/keyboard";
import { refreshForNextInstance } from "@/lib/tasks";
import { formatDate, formatTime } from "@/lib/time";
import { useToastClearance } from "@/components/ui/toast";
import { useInertOutside } from "@/components/ui/use-inert-outside";
import { ActionChips, loadedTaskTitles } from "./action-chips";
import {
  MAX_MESSAGE,
  changesTasks,
  mayMakeNextInstance,
  namedActions,
  conversationsKey,
  fetchConversations,
  fetchMessages,
  messagesKey,
  sendChat,
  type ChatAction,
} from "./chat";

interface Turn {
  key: string;
  role: "user" | "assistant";
  content: string;
  actions?: ChatAction[];
  /** A user message the server did not answer; it stays, with a retry button. */
  failed?: string;
}

const SUGGESTIONS = [
  "Add a task to buy milk tomorrow",
  "What is due this week?",
  "Remind me to call the bank on Friday at 10am",
  "Water the plants every Monday #Home",
];

/**
 * Below Tailwind's `sm` (the panel's `w-full sm:w-[26rem]`) the panel covers the whole screen: a
 * modal dialog there, with focus kept inside it. The exact complement of `sm:`.
 */
export const FULL_SCREEN = "not all and (min-width: 40rem)";
const subscribeFullScreen = (onChange: () => void) => {
  if (typeof window.matchMedia !== "function") return () => {};
  const media = window.matchMedia(FULL_SCREEN);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
};
function useFullScreen(): boolean {
  return useSyncExternalStore(
    subscribeFullScreen,
    () => typeof window.matchMedia === "function" && window.matchMedia(FULL_SCREEN).matches,
    () => false,
  );
}

let turnSeq = 0;
const turnKey = () => `turn-${++turnSeq}`;

function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429 && error.retryAfter) return `Too many requests; try again in ${error.retryAfter} s.`;
    return error.fields.message ?? error.message;
  }
  return "The assistant could not answer. Try again.";
}

function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay ? formatTime(date) : formatDate("monthDay", date);
}

/** How the panel closed: from the page beside it, focus stays where it is on the page. */
export type CloseHow = { focus: "stays" };

export default function AssistantDrawer({
  open,
  onClose,
  asked = 0,
}: {
  open: boolean;
  onClose: (how?: CloseHow) => void;
  /** Counts the asks to open it: each one (also while open) puts focus in the message box. */
  asked?: number;
}) {
  const queryClient = useQueryClient();
  const titleId = useId();
  const inputId = useId();
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [draft, setDraft] = useState("");
  const [showHistory, setShowHistory] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLElement>(null);
  const composer = useRef<HTMLFormElement>(null);
  // A toast (a task just completed) stays above the message box, not over it.
  useToastClearance(composer, open);
  // Full screen (a phone): modal, Tab and Shift+Tab go round inside the panel. Beside the page
  // (wider screens) it is not modal by design: Tab goes on to the page.
  const modal = useFullScreen() && open;
  // And the page behind it is inert and hidden from screen readers (their virtual cursor and
  // swipes are not stopped by a Tab trap); the toasts stay (data-above-modals).
  const backdrop = useRef<HTMLDivElement>(null);
  useInertOutside(modal, [panel, backdrop]);

  const history = useQuery({ queryKey: conversationsKey, queryFn: fetchConversations, enabled: open && showHistory });

  const send = useMutation({
    mutationFn: ({ message, conversation }: { message: string; conversation: string | null; key: string }) =>
      sendChat(message, conversation),
    onSuccess: (reply, { key }) => {
      setConversationId(reply.conversation_id);
      // The titles of the tasks it touched, read now: the refetch below drops a task done or deleted.
      const loaded = loadedTaskTitles(queryClient);
      setTurns((current) => [
        ...current.map((turn) => (turn.key === key ? { ...turn, failed: undefined } : turn)),
        {
          key: turnKey(),
          role: "assistant",
          content: reply.reply,
          actions: namedActions(reply.actions, loaded, current.flatMap((turn) => turn.actions ?? [])),
        },
      ]);
      if (changesTasks(reply.actions)) {
        // The task list, the dashboard and the feed refetch now, not at their next poll.
        void queryClient.invalidateQueries({ queryKey: ["tasks"] });
        void queryClient.invalidateQueries({ queryKey: ["stats"] });
        void queryClient.invalidateQueries({ queryKey: ["activity"] });
        // A series' next instance comes a moment after a completion or a delete: looked for again,
        // as the list's own Complete does (it stayed missing until a reload, user test h152).
        if (mayMakeNextInstance(reply.actions)) refreshForNextInstance(queryClient);
      }
      void queryClient.invalidateQueries({ queryKey: conversationsKey });
    },
    onError: (error, { key }) => {
      setTurns((current) => current.map((turn) => (turn.key === key ? { ...turn, failed: errorText(error) } : turn)));
    },
  });

  const submit = useCallback(
    (text: string, retryKey?: string) => {
      const message = text.trim();
      if (!message || send.isPending) return;
      const key = retryKey ?? turnKey();
      if (!retryKey) {
        setTurns((current) => [...current, { key, role: "user", content: message }]);
        setDraft("");
      }
      send.mutate({ message, conversation: conversationId, key });
    },
    [conversationId, send],
  );

  const openConversation = useCallback(
    async (id: string) => {
      setShowHistory(false);
      setLoadError(null);
      setConversationId(id);
      setTurns([]);
      try {
        const messages = await queryClient.fetchQuery({ queryKey: messagesKey(id), queryFn: () => fetchMessages(id) });
        setTurns(
          messages
            .filter((m) => m.role === "user" || m.role === "assistant")
            .map((m) => ({ key: turnKey(), role: m.role as Turn["role"], content: m.content })),
        );
      } catch (error) {
        setLoadError(errorText(error));
      }
      input.current?.focus();
    },
    [queryClient],
  );

  const newConversation = useCallback(() => {
    setShowHistory(false);
    setConversationId(null);
    setTurns([]);
    setLoadError(null);
    input.current?.focus();
  }, []);

  // Focus the message box on open (and on each ask while open); the launcher takes focus back on
  // close (AssistantPanel).
  useEffect(() => {
    if (!open) return;
    const frame = requestAnimationFrame(() => input.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [open, asked]);

  // Where focus last was on the page beside the panel (the opener, at first): F6 goes back there.
  const onPage = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!open) return;
    if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body)
      onPage.current = document.activeElement;
    const onFocus = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement && !panel.current?.contains(event.target)) onPage.current = event.target;
    };
    document.addEventListener("focusin", onFocus);
    return () => document.removeEventListener("focusin", onFocus);
  }, [open]);

  // Escape closes the panel from inside it (or with focus nowhere), focus back to the opener.
  // Beside the page (not modal) it also closes it from the page, focus staying there, but last:
  // on the window, after the page's own listeners on the document have had the key (the edit
  // drawer's, a menu's, the selection's clear take it), and not from a field (the search box
  // clears, the quick-add line leaves) or while a menu or popover is open. Nothing while the
  // panel is behind a modal (the edit drawer opened beside it makes it inert). F6 (or Shift+F6)
  // moves focus between the panel and the page beside it.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || !panel.current || panel.current.closest("[inert]")) return;
      const active = document.activeElement;
      const inside = active instanceof Node && panel.current.contains(active);
      if (event.key === "Escape") {
        if (inside || active === document.body || active === null) {
          event.preventDefault();
          onClose();
          return;
        }
        if (modal || isTypingTarget(event.target) || document.querySelector(OPEN_POPUP)) return;
        if (event.target instanceof Element && event.target.closest('[role="menu"]')) return;
        event.preventDefault();
        onClose({ focus: "stays" });
      } else if (event.key === "F6" && !modal && !(event.ctrlKey || event.metaKey || event.altKey)) {
        event.preventDefault();
        if (!inside) input.current?.focus();
        else {
          const back = onPage.current;
          if (back?.isConnected && !back.closest("[inert]")) back.focus();
          else document.getElementById("main")?.focus();
        }
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, onClose, modal]);

  // Keep the newest message in view.
  useEffect(() => {
    const element = log.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [turns, send.isPending]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit(draft);
    }
  };

  // Modal (a phone): Tab and Shift+Tab go round the panel and the toasts shown above it (a
  // reminder's Open, an Undo), which stay out of the inert page (focus-cycle.ts). On the
  // document, so Tab from a toast (outside the panel) comes back in.
  useEffect(() => {
    if (!modal) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "Tab" || event.defaultPrevented || !panel.current) return;
      if (panel.current.closest("[inert]")) return; // a modal above it (the edit drawer) has Tab
      const next = tabTarget(panel.current, document.activeElement, event.shiftKey);
      if (next) {
        event.preventDefault();
        next.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [modal]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(draft);
  };

  // A portal: the app bar that holds the launcher has a backdrop filter, which would make it
  // the containing block of this fixed panel.
  return createPortal(
    <>
      {/* Phones: the panel covers the page, so a backdrop closes it. */}
      <div
        ref={backdrop}
        aria-hidden
        onClick={() => onClose()}
        className={cn(
          "fixed inset-0 z-40 bg-overlay transition-opacity duration-200 starting:opacity-0 sm:hidden",
          open ? "opacity-100" : "pointer-events-none opacity-0",
        )}
      />
      {/* Stays mounted when closed (invisible and inert), so it slides both ways with CSS alone. */}
      <section
        ref={panel}
        id="assistant-panel"
        role="dialog"
        aria-modal={modal ? "true" : "false"}
        aria-labelledby={titleId}
        inert={!open}
        data-open={open || undefined}
        className={cn(
          "fixed inset-y-0 right-0 z-50 flex w-full flex-col border-l border-border bg-surface text-text shadow-card sm:w-[26rem]",
          "transition-[translate,visibility] duration-200 ease-out starting:translate-x-full motion-reduce:transition-none",
          open ? "visible translate-x-0" : "invisible translate-x-full",
        )}
      >
        <header className="flex items-center gap-1 border-b border-border px-3 py-2">
          <Sparkles aria-hidden className="ml-1 size-5 text-accent" />
          <h2 id={titleId} className="ml-1 flex-1 text-base font-semibold">
            Assistant
          </h2>
          <button
            type="button"
            onClick={() => setShowHistory((value) => !value)}
            aria-pressed={showHistory}
            className={cn(
              "inline-flex h-9 items-center gap-1.5 rounded-lg px-2.5 text-sm font-medium text-muted hover:bg-surface-2 hover:text-text",
              showHistory && "bg-accent-soft text-accent-strong",
            )}
          >
            <History aria-hidden className="size-4" />
            History
          </button>
          <button
            type="button"
            onClick={newConversation}
            aria-label="New conversation"
            title="New conversation"
            className="inline-flex size-9 items-center justify-center rounded-lg text-muted hover:bg-surface-2 hover:text-text"
          >
            <MessageSquarePlus aria-hidden className="size-4" />
          </button>
          <button
            type="button"
            onClick={() => onClose()}
            aria-label="Close the assistant"
            className="inline-flex size-9 items-center justify-center rounded-lg text-muted hover:bg-surface-2 hover:text-text"
          >
            <X aria-hidden className="size-5" />
          </button>
        </header>

        {showHistory ? (
          <nav aria-label="Past conversations" className="flex-1 overflow-y-auto p-2">
            {history.isPending ? (
              <p className="p-3 text-sm text-muted">Loading conversations…</p>
            ) : history.isError ? (
              <p role="alert" className="p-3 text-sm text-danger">
                {errorText(history.error)}
              </p>
            ) : history.data.length === 0 ? (
              <p className="p-3 text-sm text-muted">No conversations yet. They are kept for two days.</p>
            ) : (
              <ul className="space-y-1">
                {history.data.map((conversation) => (
                  <li key={conversation.id}>
                    <button
                      type="button"
                      onClick={() => void openConversation(conversation.id)}
                      aria-current={conversation.id === conversationId ? "true" : undefined}
                      className={cn(
                        "flex w-full items-baseline gap-3 rounded-lg px-3 py-2 text-left text-sm hover:bg-surface-2",
                        conversation.id === conversationId && "bg-accent-soft",
                      )}
                    >
                      <span className="min-w-0 flex-1 truncate font-medium">
                        {conversation.title || "Conversation"}
                      </span>
                      <span className="shrink-0 text-xs text-muted">
                        {when(conversation.updated_at || conversation.created_at)}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </nav>
        ) : (
          <div
            ref={log}
            role="log"
            aria-live="polite"
            aria-label="Conversation"
            className="flex-1 space-y-3 overflow-y-auto px-4 py-4"
          >
            {loadError && (
              <p role="alert" className="text-sm text-danger">
                {loadError}
              </p>
            )}
            {turns.length === 0 && !loadError && (
              <div className="space-y-3 pt-4 text-sm">
                <p className="font-medium">Ask me to add, find, change or finish tasks.</p>
                <p className="text-muted">Dates like “tomorrow 9am” use your time zone. Try:</p>
                <ul className="flex flex-wrap gap-2">
                  {SUGGESTIONS.map((suggestion) => (
                    <li key={suggestion}>
                      <button
                        type="button"
                        onClick={() => submit(suggestion)}
                        className="rounded-full border border-border px-3 py-1.5 text-left text-sm hover:border-border-strong hover:bg-surface-2"
                      >
                        {suggestion}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {turns.map((turn) => (
              <div
                key={turn.key}
                data-role={turn.role}
                className={cn("flex flex-col gap-1.5", turn.role === "user" ? "items-end" : "items-start")}
              >
                <p className="sr-only">{turn.role === "user" ? "You said:" : "Assistant:"}</p>
                <div
                  className={cn(
                    "max-w-[85%] whitespace-pre-wrap wrap-anywhere rounded-2xl px-3.5 py-2 text-sm",
                    turn.role === "user"
                      ? "rounded-br-md bg-accent text-accent-contrast"
                      : "rounded-bl-md bg-surface-2 text-text",
                  )}
                >
                  {turn.content}
                </div>
                {turn.actions && turn.actions.length > 0 && (
                  <ActionChips actions={turn.actions} onNavigate={onClose} />
                )}
                {turn.failed && (
                  <div role="alert" className="flex max-w-full items-center gap-2 text-xs text-danger">
                    <span className="min-w-0 wrap-anywhere">{turn.failed}</span>
                    <button
                      type="button"
                      onClick={() => submit(turn.content, turn.key)}
                      disabled={send.isPending}
                      className="inline-flex min-h-6 items-center gap-1 rounded-md px-1.5 py-0.5 font-semibold underline-offset-2 hover:underline touch:min-h-11 touch:px-3"
                    >
                      <RotateCcw aria-hidden className="size-3" /> Retry
                    </button>
                  </div>
                )}
              </div>
            ))}
            {send.isPending && (
              <p className="flex items-center gap-2 text-sm text-muted">
                <Loader2 aria-hidden className="size-4 animate-spin" /> Thinking…
              </p>
            )}
          </div>
        )}

        <form ref={composer} onSubmit={onSubmit} className="border-t border-border p-3">
          <label htmlFor={inputId} className="sr-only">
            Message the assistant
          </label>
          <div className="flex items-end gap-2 rounded-xl border border-input bg-surface px-2 py-1.5 focus-within:border-accent">
            <textarea
              ref={input}
              id={inputId}
              rows={1}
              value={draft}
              maxLength={MAX_MESSAGE}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={onKeyDown}
              placeholder="Ask the assistant…"
              className="max-h-40 min-h-9 flex-1 resize-none bg-transparent px-1.5 py-1.5 text-sm text-text outline-none placeholder:text-muted"
            />
            <button
              type="submit"
              aria-label="Send"
              disabled={!draft.trim() || send.isPending}
              className="inline-flex size-9 shrink-0 items-center justify-center rounded-lg bg-accent text-accent-contrast hover:bg-accent-hover disabled:opacity-50"
            >
              {send.isPending ? (
                <Loader2 aria-hidden className="size-4 animate-spin" />
              ) : (
                <ArrowUp aria-hidden className="size-4" />
              )}
            </button>
          </div>
          <p className="mt-1.5 px-1 text-xs text-muted touch:hidden">Enter sends · Shift+Enter for a new line · Esc closes · F6 to the page</p>
        </form>
      </section>
    </>,
    document.body,
  );
}
