"use client";

/** The dashboard's Recharts charts, coloured with the theme's tokens (light and dark alike). */
import {
  Bar as RechartsBar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useSyncExternalStore } from "react";
import type { Bar, DayPoint } from "./stats-data";

const REDUCED = "(prefers-reduced-motion: reduce)";
const subscribeMotion = (onChange: () => void) => {
  const media = window.matchMedia(REDUCED);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
};

/** Bars grow in unless the user asked for less motion. */
function useAnimate(): boolean {
  return useSyncExternalStore(subscribeMotion, () => !window.matchMedia(REDUCED).matches, () => false);
}

const tick = { fill: "var(--muted)", fontSize: 12 };
// "Completed: 3", not Recharts' default "Completed : 3".
const TOOLTIP_SEPARATOR = ": ";
const tooltipStyle = {
  background: "var(--surface)",
  border: "1px solid var(--border)",
  borderRadius: 8,
  color: "var(--text)",
  fontSize: 13,
};

export function CompletedPerDayChart({ points }: { points: DayPoint[] }) {
  const animate = useAnimate();
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -24 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="label"
          tick={tick}
          tickLine={false}
          axisLine={{ stroke: "var(--border)" }}
          interval="preserveStartEnd"
          minTickGap={24}
        />
        <YAxis allowDecimals={false} tick={tick} tickLine={false} axisLine={false} width={48} />
        <Tooltip
          cursor={{ fill: "var(--accent-soft)" }}
          contentStyle={tooltipStyle}
          labelStyle={{ color: "var(--text)", fontWeight: 600 }}
          itemStyle={{ color: "var(--text)" }}
          formatter={(value) => [value, "Completed"]}
          separator={TOOLTIP_SEPARATOR}
        />
        <RechartsBar
          dataKey="count"
          name="Completed"
          fill="var(--accent)"
          radius={[4, 4, 0, 0]}
          maxBarSize={28}
          isAnimationActive={animate}
          animationDuration={600}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Horizontal bars, one per row, each its own colour when `colors` names one. */
export function HorizontalBars({ bars, colors }: { bars: Bar[]; colors?: Record<string, string> }) {
  const animate = useAnimate();
  const height = Math.max(120, bars.length * 36 + 16);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={bars} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke="var(--border)" />
        <XAxis type="number" allowDecimals={false} tick={tick} tickLine={false} axisLine={false} />
        <YAxis
          type="category"
          dataKey="label"
          tick={{ ...tick, fill: "var(--text)" }}
          tickLine={false}
          axisLine={false}
          width={112}
        />
        <Tooltip
          cursor={{ fill: "var(--accent-soft)" }}
          contentStyle={tooltipStyle}
          labelStyle={{ color: "var(--text)", fontWeight: 600 }}
          itemStyle={{ color: "var(--text)" }}
          formatter={(value) => [value, "Open"]}
          separator={TOOLTIP_SEPARATOR}
        />
        <RechartsBar
          dataKey="count"
          name="Open"
          radius={[0, 4, 4, 0]}
          maxBarSize={22}
          fill="var(--accent)"
          isAnimationActive={animate}
          animationDuration={600}
        >
          {bars.map((bar) => (
            <Cell key={bar.key} fill={colors?.[bar.key] ?? "var(--accent)"} />
          ))}
        </RechartsBar>
      </BarChart>
    </ResponsiveContainer>
  );
}
