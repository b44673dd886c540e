"use client";

/**
 * The dashboard: the last 30 days in numbers and charts (GET /api/stats) and the recent
 * activity feed (GET /api/activity). Both refetch when tasks change (the ["stats"] and
 * ["activity"] prefixes are invalidated) and every half minute while the page is open.
 */
import { useQuery } from "@tanstack/react-query";
import {
  AlarmClock,
  BellRing,
  CheckCircle2,
  CircleDot,
  Flame,
  Pencil,
  PlusCircle,
  RotateCcw,
  Trash2,
  TrendingUp,
  type LucideIcon,
} from "lucide-react";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode, type RefObject } from "react";
import { browserTimeZone } from "@/lib/zoned-time";
import { cn } from "@/components/ui/cn";
import { formatDue } from "@/lib/tasks";
import { formatDate, zoneName } from "@/lib/time";
import { activityParts } from "./activity-words";
import { CompletedPerDayChart, HorizontalBars } from "./charts";
import {
  PRIORITY_COLOR,
  activityKey,
  completedTotal,
  dailySeries,
  dailySummary,
  fetchActivity,
  fetchStats,
  percent,
  plural,
  priorityBars,
  statsKey,
  tagBars,
  type ActivityItem,
  type Bar,
} from "./stats-data";

const DAYS = 30;
const FEED = 20;
const card = "rounded-card border border-border bg-surface p-4 shadow-card sm:p-5";

function Panel({ title, description, children, className }: { title: string; description?: string; children: ReactNode; className?: string }) {
  return (
    <section className={cn(card, className)} aria-label={title}>
      <h2 className="text-sm font-semibold text-text">{title}</h2>
      {description && <p className="mt-0.5 text-xs text-muted">{description}</p>}
      <div className="mt-3">{children}</div>
    </section>
  );
}

/**
 * Chromium (156, seen in a keyboard user test) stops Tab at each of a Recharts chart's layer
 * <g> elements although they have no tabindex (their tabIndex even reads -1): four unnamed
 * stops per chart. An explicit tabindex="-1" takes them out of the Tab order; Recharts draws
 * its layers after mounting and again on resize, so they are marked as they come.
 */
function useNoTabStops(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const mark = () => root.querySelectorAll("svg g:not([tabindex])").forEach((g) => g.setAttribute("tabindex", "-1"));
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [ref]);
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  const drawing = useRef<HTMLDivElement>(null);
  useNoTabStops(drawing);
  return (
    <figure>
      {/* The chart is drawn for the eye; the caption and table below say the same in words. */}
      <div ref={drawing} aria-hidden>
        {children}
      </div>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}

/** A bar chart's name in words: what it counts, then each bar ("Open tasks by tag: #Work 3, #Home 2"). */
function barsInWords(what: string, bars: Bar[]): string {
  return `${what}: ${bars.map((bar) => `${bar.label} ${bar.count}`).join(", ")}`;
}

function BarTable({ caption, bars, unit }: { caption: string; bars: Bar[]; unit: string }) {
  return (
    <table className="sr-only">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">{unit}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((bar) => (
          <tr key={bar.key}>
            <th scope="row">{bar.label}</th>
            <td>{bar.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Metric({ label, value, hint, Icon, tone = "accent" }: { label: string; value: string; hint: string; Icon: LucideIcon; tone?: "accent" | "danger" | "success" | "warning" }) {
  const tones = {
    accent: "bg-accent-soft text-accent-strong",
    danger: "bg-danger-soft text-danger",
    success: "bg-success-soft text-success",
    warning: "bg-warning-soft text-warning",
  } as const;
  // dt and dd sit directly in the card (a <div> in the <dl>); the icon rides in the dt.
  return (
    <div className={cn(card, "relative sm:pl-[4.5rem]")}>
      <dt className="text-xs font-medium text-muted">
        <span
          className={cn(
            "mb-2 grid size-8 place-items-center rounded-lg sm:absolute sm:left-5 sm:top-5 sm:mb-0 sm:size-10 sm:rounded-xl",
            tones[tone],
          )}
        >
          <Icon aria-hidden className="size-4 sm:size-5" />
        </span>
        {label}
      </dt>
      <dd className="text-2xl font-bold tabular-nums text-text" data-metric={label}>
        {value}
      </dd>
      <dd className="text-xs text-muted">{hint}</dd>
    </div>
  );
}

const EVENT_ICON: Record<string, { Icon: LucideIcon; className: string }> = {
  "task.created": { Icon: PlusCircle, className: "text-accent" },
  "task.updated": { Icon: Pencil, className: "text-muted" },
  "task.completed": { Icon: CheckCircle2, className: "text-success" },
  "task.reopened": { Icon: RotateCcw, className: "text-warning" },
  "task.deleted": { Icon: Trash2, className: "text-danger" },
  "reminder.due": { Icon: BellRing, className: "text-accent" },
};

function relative(iso: string, now: number): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return "";
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 60) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return formatDate("monthDay", new Date(iso));
}

// The whole timestamp, for a tooltip: "Sat, Nov 28, 2026, 9:00 AM GMT+1" (browser zone).
const fullTime = (iso: string) => formatDate("full", new Date(iso));

/** An entry's line with its times as the app writes them ("Today 9:00 AM"), the full one on hover. */
function Summary({ item, now }: { item: ActivityItem; now: Date }) {
  return activityParts(item).map((part, index) =>
    typeof part === "string" ? (
      part
    ) : (
      <time key={index} dateTime={part.at} title={fullTime(part.at)}>
        {formatDue(part.at, now)}
      </time>
    ),
  );
}

function ActivityFeed({ items }: { items: ActivityItem[] }) {
  // One "now" per render of the feed keeps the relative times consistent with each other.
  const [now] = useState(() => Date.now());
  const nowDate = new Date(now);
  if (items.length === 0) {
    return <p className="py-4 text-sm text-muted">Nothing yet. What you add, change and finish shows up here.</p>;
  }
  return (
    <ol className="-my-1 divide-y divide-border" aria-label="Recent activity">
      {items.map((item) => {
        const { Icon, className } = EVENT_ICON[item.type] ?? { Icon: CircleDot, className: "text-muted" };
        const linkable = item.task_id && item.type !== "task.deleted";
        return (
          <li key={item.event_id} className="flex items-start gap-3 py-2.5">
            <Icon aria-hidden className={cn("mt-0.5 size-4 shrink-0", className)} />
            <div className="min-w-0 flex-1 text-sm wrap-anywhere">
              {linkable ? (
                <Link href={`/tasks?task=${encodeURIComponent(item.task_id!)}`} className="text-text hover:underline">
                  <Summary item={item} now={nowDate} />
                </Link>
              ) : (
                <span className="text-text">
                  <Summary item={item} now={nowDate} />
                </span>
              )}
            </div>
            <time
              dateTime={item.occurred_at}
              title={Number.isNaN(Date.parse(item.occurred_at)) ? undefined : fullTime(item.occurred_at)}
              className="shrink-0 text-xs text-muted"
            >
              {relative(item.occurred_at, now)}
            </time>
          </li>
        );
      })}
    </ol>
  );
}

function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn("animate-pulse rounded-card bg-surface-2", className)} />;
}

const noSubscription = () => () => {};

export function Dashboard() {
  // The browser's zone; null while rendering on the server, which does not know it.
  const tz = useSyncExternalStore(noSubscription, browserTimeZone, () => null);
  const stats = useQuery({
    queryKey: statsKey(DAYS, tz ?? "UTC"),
    queryFn: () => fetchStats(DAYS, tz ?? "UTC"),
    enabled: tz !== null,
    staleTime: 0,
    refetchInterval: 30_000,
  });
  const activity = useQuery({
    queryKey: activityKey(FEED),
    queryFn: () => fetchActivity(FEED),
    // In the browser only: the feed writes its times in the browser's zone.
    enabled: tz !== null,
    staleTime: 0,
    refetchInterval: 30_000,
  });

  const derived = useMemo(() => {
    if (!stats.data) return null;
    const points = dailySeries(stats.data);
    return {
      points,
      total: completedTotal(stats.data),
      priorities: priorityBars(stats.data),
      tags: tagBars(stats.data),
      summary: dailySummary(points),
    };
  }, [stats.data]);

  return (
    <div className="space-y-4 sm:space-y-6">
      <div>
        {/* Where a navigation may put focus (RouteFocus): no Tab stop, no ring. */}
        <h1 tabIndex={-1} className="text-2xl font-bold text-text outline-none">
          Dashboard
        </h1>
        <p className="text-sm text-muted">
          Your last {DAYS} days
          {tz && (
            <>
              , in <span title={tz}>{zoneName(tz)}</span>
            </>
          )}
          .
        </p>
      </div>

      {stats.isError ? (
        <div role="alert" className={cn(card, "flex flex-wrap items-center justify-between gap-3")}>
          <p className="text-sm text-danger">Statistics are unavailable right now.</p>
          <button
            type="button"
            onClick={() => void stats.refetch()}
            className="rounded-lg border border-border px-3 py-1.5 text-sm font-medium hover:bg-surface-2"
          >
            Try again
          </button>
        </div>
      ) : !stats.data || !derived ? (
        <div aria-busy="true" aria-label="Loading statistics" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-24" />
          ))}
          <Skeleton className="h-64 sm:col-span-2 lg:col-span-4" />
        </div>
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            <Metric
              label="Completed"
              value={String(derived.total)}
              hint={`in the last ${DAYS} days`}
              Icon={CheckCircle2}
              tone="success"
            />
            <Metric
              label="Completion rate"
              value={percent(stats.data.completion_rate)}
              hint="of tasks in the period"
              Icon={TrendingUp}
            />
            <Metric
              label="Current streak"
              value={plural(stats.data.current_streak, "day")}
              hint="in a row with a task done"
              Icon={Flame}
              tone="warning"
            />
            <Metric
              label="Overdue"
              value={String(stats.data.overdue)}
              hint={stats.data.overdue ? "open and past due" : "nothing past due"}
              Icon={AlarmClock}
              tone={stats.data.overdue ? "danger" : "success"}
            />
          </dl>

          <Panel title="Completed per day" description={`Tasks finished each day, last ${DAYS} days`}>
            <Figure label={derived.summary}>
              <CompletedPerDayChart points={derived.points} />
            </Figure>
            <table className="sr-only">
              <caption>Tasks completed per day</caption>
              <tbody>
                {derived.points
                  .filter((p) => p.count > 0)
                  .map((p) => (
                    <tr key={p.date}>
                      <th scope="row">{p.label}</th>
                      <td>{p.count}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </Panel>

          <div className="grid gap-4 sm:gap-6 lg:grid-cols-2">
            <Panel title="Open by priority" description="Tasks still to do">
              <Figure label={barsInWords("Open tasks by priority", derived.priorities)}>
                <HorizontalBars bars={derived.priorities} colors={PRIORITY_COLOR} />
              </Figure>
              <BarTable caption="Open tasks by priority" bars={derived.priorities} unit="Open tasks" />
            </Panel>
            <Panel title="Open by tag" description="Tasks still to do, per tag">
              {derived.tags.length === 0 ? (
                <p className="py-8 text-center text-sm text-muted">
                  No tagged open tasks. Add <span className="font-medium text-text">#Work</span> or{" "}
                  <span className="font-medium text-text">#Home</span> when you type a task.
                </p>
              ) : (
                <>
                  <Figure label={barsInWords("Open tasks by tag", derived.tags)}>
                    <HorizontalBars bars={derived.tags} />
                  </Figure>
                  <BarTable caption="Open tasks by tag" bars={derived.tags} unit="Open tasks" />
                </>
              )}
            </Panel>
          </div>
        </>
      )}

      <Panel title="Recent activity" description="The latest changes to your tasks">
        {activity.isPending ? (
          <div className="space-y-2">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-6" />
            ))}
          </div>
        ) : activity.isError ? (
          <p role="alert" className="text-sm text-danger">
            The activity feed is unavailable right now.
          </p>
        ) : (
          <ActivityFeed items={activity.data} />
        )}
      </Panel>
    </div>
  );
}
