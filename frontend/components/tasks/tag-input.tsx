"use client";
/** Tags with autocomplete from the suggested and already used tags (GET /api/tags). */
import { X } from "lucide-react";
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/field";
import { addTags, MAX_TAGS } from "@/lib/tags";
import { useTags } from "@/lib/tasks";

// How typed tags are tidied (addTags) is the address's too (view-url.ts): a module of its own.
export { addTags, MAX_TAGS };

/** What to say about tags that did not fit, or null. */
export function refusedText(refused: readonly string[]): string | null {
  if (!refused.length) return null;
  return `Up to ${MAX_TAGS} tags; not added: ${refused.map((tag) => `#${tag}`).join(", ")}.`;
}

export function TagInput({
  id,
  value,
  onChange,
  invalid,
  describedBy,
  onTextChange,
}: {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  invalid?: boolean;
  describedBy?: string;
  /** The text typed but not yet turned into a tag, as it changes (a form counts it as unsaved). */
  onTextChange?: (text: string) => void;
}) {
  const tags = useTags();
  const [text, setTextState] = useState("");
  const setText = (next: string) => {
    setTextState(next);
    onTextChange?.(next);
  };
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const listId = useId();
  const noticeId = useId();

  const options = useMemo(() => {
    const chosen = new Set(value.map((t) => t.toLowerCase()));
    const all = new Map<string, string>();
    for (const { tag } of tags.data?.used ?? []) all.set(tag.toLowerCase(), tag);
    for (const tag of tags.data?.suggested ?? []) if (!all.has(tag.toLowerCase())) all.set(tag.toLowerCase(), tag);
    const needle = text.trim().replace(/^#/, "").toLowerCase();
    return [...all.values()]
      .filter((tag) => !chosen.has(tag.toLowerCase()) && tag.toLowerCase().includes(needle))
      .sort((a, b) => Number(!a.toLowerCase().startsWith(needle)) - Number(!b.toLowerCase().startsWith(needle)))
      .slice(0, 8);
  }, [tags.data, value, text]);

  const showList = open && options.length > 0;

  function add(text: string) {
    setText("");
    setHighlight(0);
    const { tags, refused } = addTags(value, text);
    setNotice(refusedText(refused));
    if (tags.length !== value.length) onChange(tags);
  }

  function remove(tags: string[]) {
    setNotice(null);
    onChange(tags);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && options.length) {
      event.preventDefault();
      setOpen(true);
      setHighlight((h) => (h + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length) {
      event.preventDefault();
      setHighlight((h) => (h - 1 + options.length) % options.length);
    } else if (event.key === "Enter" || event.key === ",") {
      if (!text.trim() && event.key === "Enter") return;
      event.preventDefault();
      // A highlighted suggestion wins over one typed word, not over a pasted list.
      const suggestion = open && event.key === "Enter" && !text.includes(",") ? options[highlight] : undefined;
      add(suggestion ?? text);
    } else if (event.key === "Backspace" && !text && value.length) {
      remove(value.slice(0, -1));
    } else if (event.key === "Escape" && showList) {
      // Escape first closes the suggestions it can see; with none shown it is the form's
      // (a drawer asks about typed text as about any other unsaved change).
      event.stopPropagation();
      event.nativeEvent.stopImmediatePropagation();
      setOpen(false);
    }
  }

  return (
    <div className="relative">
      <div
        className={cn(
          inputClass,
          "flex flex-wrap items-center gap-1.5 py-1.5 focus-within:border-accent",
          invalid && "border-danger",
        )}
      >
        {value.map((tag) => (
          <span
            key={tag}
            className="inline-flex h-7 items-center gap-1 rounded-full bg-accent-soft pl-2.5 pr-1 text-xs font-medium text-accent-strong"
          >
            #{tag}
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              onClick={() => remove(value.filter((t) => t !== tag))}
              className="grid h-5 w-5 place-items-center rounded-full hover:bg-surface"
            >
              <X aria-hidden className="h-3 w-3" />
            </button>
          </span>
        ))}
        <input
          id={id}
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList ? `${listId}-${highlight}` : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={cn(describedBy, notice && noticeId) || undefined}
          value={text}
          disabled={value.length >= MAX_TAGS}
          placeholder={value.length >= MAX_TAGS ? "10 tags at most" : value.length ? "Add another" : "Add a tag"}
          onChange={(event) => {
            setText(event.target.value);
            setNotice(null);
            setOpen(true);
            setHighlight(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setTimeout(() => setOpen(false), 120);
            // Text typed but not yet turned into a tag (no Enter or comma) becomes one when focus
            // leaves, so clicking Save or moving to the next field does not silently drop it.
            if (text.trim()) add(text);
          }}
          onKeyDown={onKeyDown}
          className="h-7 min-w-24 flex-1 bg-transparent text-sm text-text placeholder:text-muted focus-visible:outline-none"
        />
      </div>
      {notice && (
        <p id={noticeId} role="alert" className="mt-1 text-xs font-medium text-danger wrap-anywhere">
          {notice}
        </p>
      )}
      {/* Not a Tab stop: the box keeps focus and names the highlighted option. Chromium makes a
          list that scrolls (7 or more suggestions) focusable; Tab from the box then landed on it, the
          box's blur hid it, and focus fell to the page behind the drawer. */}
      <ul
        id={listId}
        role="listbox"
        aria-label="Tag suggestions"
        tabIndex={-1}
        hidden={!showList}
        className="absolute z-10 mt-1 max-h-56 w-full overflow-auto rounded-lg border border-border bg-surface p-1 shadow-card"
      >
        {options.map((tag, index) => (
          <li
            key={tag}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === highlight}
            onMouseDown={(event) => {
              event.preventDefault();
              add(tag);
            }}
            className={cn(
              "cursor-pointer rounded-md px-3 py-1.5 text-sm text-text",
              index === highlight && "bg-accent-soft text-accent-strong",
            )}
          >
            #{tag}
          </li>
        ))}
      </ul>
    </div>
  );
}
