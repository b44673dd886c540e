"use client";
/** The active filters as removable chips, combined with AND; "Clear all" when there are several. */
import { X } from "lucide-react";
import { PRIORITY_LABEL, type TaskFilters } from "@/lib/tasks";
import { DUE_LABEL, STATUS_LABEL } from "./labels";

export interface FilterChip {
  key: string;
  label: string;
  remove: (filters: TaskFilters) => TaskFilters;
}

export function activeChips(filters: TaskFilters): FilterChip[] {
  const chips: FilterChip[] = [];
  if (filters.status !== "open")
    chips.push({ key: "status", label: `Status: ${STATUS_LABEL[filters.status]}`, remove: (f) => ({ ...f, status: "open" }) });
  for (const p of filters.priority)
    chips.push({
      key: `priority:${p}`,
      label: `Priority: ${PRIORITY_LABEL[p]}`,
      remove: (f) => ({ ...f, priority: f.priority.filter((x) => x !== p) }),
    });
  if (filters.due)
    chips.push({ key: "due", label: `Due: ${DUE_LABEL[filters.due]}`, remove: (f) => ({ ...f, due: null }) });
  for (const tag of filters.tags)
    chips.push({
      key: `tag:${tag.toLowerCase()}`,
      label: `#${tag}`,
      remove: (f) => ({ ...f, tags: f.tags.filter((t) => t.toLowerCase() !== tag.toLowerCase()) }),
    });
  return chips;
}

export function FilterChips({
  filters,
  onChange,
  onClear,
}: {
  filters: TaskFilters;
  onChange: (filters: TaskFilters) => void;
  onClear: () => void;
}) {
  const chips = activeChips(filters);
  if (!chips.length) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2">
      {chips.map((chip) => (
        <li key={chip.key}>
          <span className="inline-flex h-8 items-center gap-1 rounded-full border border-border-strong bg-accent-soft pl-3 pr-1 text-sm font-medium text-accent-strong">
            {chip.label}
            <button
              type="button"
              aria-label={`Remove filter ${chip.label}`}
              onClick={() => onChange(chip.remove(filters))}
              className="grid h-6 w-6 place-items-center rounded-full hover:bg-surface"
            >
              <X aria-hidden className="h-3.5 w-3.5" />
            </button>
          </span>
        </li>
      ))}
      {chips.length > 1 && (
        <li>
          <button
            type="button"
            onClick={onClear}
            className="h-8 rounded-full px-3 text-sm font-medium text-muted underline-offset-4 hover:text-text hover:underline"
          >
            Clear all
          </button>
        </li>
      )}
    </ul>
  );
}
