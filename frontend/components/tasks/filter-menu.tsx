"use client";
/** "Filter" button and its popover: status, priority, due and tags. Changes apply immediately. */
import { usePopoverDismiss } from "@/components/ui/use-popover-dismiss";
import { Check, ListFilter } from "lucide-react";
import { useId, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { PRIORITIES, PRIORITY_LABEL, useTags, type DueFilter, type StatusFilter, type TaskFilters } from "@/lib/tasks";
import { DUE_LABEL, STATUS_LABEL } from "./labels";
import { activeChips } from "./filter-chips";
import { useRovingFocus } from "@/components/ui/use-roving-focus";

function Option({
  selected,
  onClick,
  children,
  role,
  roving,
}: {
  selected: boolean;
  onClick: () => void;
  children: ReactNode;
  role: "radio" | "checkbox";
  /** From the group's useRovingFocus: one Tab stop per group, arrows between the options. */
  roving: ReturnType<ReturnType<typeof useRovingFocus>["item"]>;
}) {
  return (
    <button
      type="button"
      role={role}
      aria-checked={selected}
      onClick={onClick}
      {...roving}
      className={cn(
        "inline-flex h-8 items-center gap-1.5 rounded-full border px-3 text-sm transition-colors",
        selected
          ? "border-accent bg-accent text-accent-contrast"
          : "border-border bg-surface text-text hover:border-border-strong hover:bg-surface-2",
      )}
    >
      {selected && <Check aria-hidden className="h-3.5 w-3.5" />}
      {children}
    </button>
  );
}

/**
 * A labelled option group: a radiogroup (one choice) or a toolbar of checkboxes (several). Both
 * are one Tab stop with arrow keys between the options (useRovingFocus).
 */
function Group({
  label,
  role,
  roving,
  children,
}: {
  label: string;
  role: "radiogroup" | "toolbar";
  roving: ReturnType<typeof useRovingFocus>["group"];
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div>
      <p id={id} className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">
        {label}
      </p>
      <div role={role} aria-labelledby={id} {...roving} className="flex flex-wrap gap-1.5">
        {children}
      </div>
    </div>
  );
}

const STATUSES: StatusFilter[] = ["open", "completed", "all"];
/** The Due group's options; "any" is no due filter. */
const DUES = ["any", ...(Object.keys(DUE_LABEL) as DueFilter[])] as const;
type DueOption = (typeof DUES)[number];

export function FilterMenu({ filters, onChange }: { filters: TaskFilters; onChange: (filters: TaskFilters) => void }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const tags = useTags();
  const count = activeChips(filters).length;

  usePopoverDismiss(open, () => setOpen(false), [root], button);

  // The tags the user's tasks have (and any filtered on): a suggested tag no task has would
  // only ever filter to "No tasks match".
  const tagOptions = (() => {
    const seen = new Map<string, string>();
    for (const { tag } of tags.data?.used ?? []) seen.set(tag.toLowerCase(), tag);
    for (const tag of filters.tags) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
    return [...seen.values()];
  })();

  const hasTag = (tag: string) => filters.tags.some((t) => t.toLowerCase() === tag.toLowerCase());

  // Status and Due are one choice each (radio groups: arrows choose); Priority and Tags may be
  // several at once (toolbars of checkboxes: arrows move, Space ticks).
  const setStatus = (status: StatusFilter) => onChange({ ...filters, status });
  const dueOption: DueOption = filters.due ?? "any";
  const setDue = (due: DueOption) => onChange({ ...filters, due: due === "any" ? null : due });
  const statusRoving = useRovingFocus(STATUSES, { mode: "radio", checked: filters.status, onSelect: setStatus });
  const dueRoving = useRovingFocus(DUES, { mode: "radio", checked: dueOption, onSelect: setDue });
  const priorityRoving = useRovingFocus(PRIORITIES, { mode: "toolbar" });
  const tagRoving = useRovingFocus(
    tagOptions.map((tag) => tag.toLowerCase()),
    { mode: "toolbar" },
  );

  return (
    <div ref={root} className="relative">
      <Button
        ref={button}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-haspopup="true"
        onClick={() => setOpen((v) => !v)}
      >
        <ListFilter aria-hidden className="h-4 w-4" />
        <span>Filter</span>
        {count > 0 && (
          <span className="grid h-5 min-w-5 place-items-center rounded-full bg-accent px-1 text-xs font-semibold text-accent-contrast">
            {count}
          </span>
        )}
      </Button>
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label="Filters"
          className="absolute right-0 z-40 mt-2 w-[min(22rem,calc(100vw-1.5rem))] space-y-4 rounded-card border border-border bg-surface p-4 shadow-card"
        >
          <Group label="Status" role="radiogroup" roving={statusRoving.group}>
            {STATUSES.map((status) => (
              <Option
                key={status}
                role="radio"
                selected={filters.status === status}
                onClick={() => setStatus(status)}
                roving={statusRoving.item(status)}
              >
                {STATUS_LABEL[status]}
              </Option>
            ))}
          </Group>
          <Group label="Priority" role="toolbar" roving={priorityRoving.group}>
            {PRIORITIES.map((priority) => {
              const selected = filters.priority.includes(priority);
              return (
                <Option
                  key={priority}
                  role="checkbox"
                  selected={selected}
                  roving={priorityRoving.item(priority)}
                  onClick={() =>
                    onChange({
                      ...filters,
                      priority: selected
                        ? filters.priority.filter((p) => p !== priority)
                        : PRIORITIES.filter((p) => p === priority || filters.priority.includes(p)),
                    })
                  }
                >
                  {PRIORITY_LABEL[priority]}
                </Option>
              );
            })}
          </Group>
          <Group label="Due" role="radiogroup" roving={dueRoving.group}>
            {DUES.map((due) => (
              <Option
                key={due}
                role="radio"
                selected={dueOption === due}
                onClick={() => setDue(due)}
                roving={dueRoving.item(due)}
              >
                {due === "any" ? "Any time" : DUE_LABEL[due]}
              </Option>
            ))}
          </Group>
          <Group label="Tags (a task must have all)" role="toolbar" roving={tagRoving.group}>
            {tagOptions.length === 0 && <p className="text-sm text-muted">No tags yet.</p>}
            {tagOptions.map((tag) => (
              <Option
                key={tag}
                role="checkbox"
                selected={hasTag(tag)}
                roving={tagRoving.item(tag.toLowerCase())}
                onClick={() =>
                  onChange({
                    ...filters,
                    tags: hasTag(tag)
                      ? filters.tags.filter((t) => t.toLowerCase() !== tag.toLowerCase())
                      : [...filters.tags, tag],
                  })
                }
              >
                #{tag}
              </Option>
            ))}
          </Group>
        </div>
      )}
    </div>
  );
}
