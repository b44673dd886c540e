import type { DueFilter, Priority, StatusFilter } from "@/lib/tasks";

export const STATUS_LABEL: Record<StatusFilter, string> = { open: "Open", completed: "Completed", all: "All" };
export const DUE_LABEL: Record<DueFilter, string> = {
  overdue: "Overdue",
  today: "Today",
  week: "Next 7 days",
  none: "No date",
};

/** The check mark drawn in a completed task's circle. */
export const CHECK_PATH = "M5 12.5l4.5 4.5L19 7.5";

/** Badge colours per priority, from the theme's semantic tokens. */
export const PRIORITY_BADGE: Record<Priority, string> = {
  VERY_IMPORTANT: "bg-danger-soft text-danger",
  HIGH: "bg-warning-soft text-warning",
  MEDIUM: "bg-accent-soft text-accent-strong",
  LOW: "bg-surface-2 text-muted",
};
