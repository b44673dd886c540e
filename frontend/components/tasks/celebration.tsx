"use client";
/**
 * The completion animation (Framer Motion): the circle pops, the check draws itself, a ring of
 * dots bursts out. Loaded on demand (see task-row.tsx) so Framer Motion stays out of the
 * page's first load.
 */
import { MotionConfig, motion } from "framer-motion";
import { CHECK_PATH } from "./labels";

const BURST = [0, 45, 90, 135, 180, 225, 270, 315];

export default function Celebration({ circleClassName }: { circleClassName: string }) {
  return (
    <MotionConfig reducedMotion="user">
      <motion.span
        className={circleClassName}
        initial={{ scale: 0.6 }}
        animate={{ scale: [0.6, 1.25, 1] }}
        transition={{ duration: 0.4, ease: "easeOut" }}
      >
        <svg viewBox="0 0 24 24" className="h-4 w-4" aria-hidden>
          <motion.path
            d={CHECK_PATH}
            fill="none"
            stroke="var(--surface)"
            strokeWidth={3}
            strokeLinecap="round"
            strokeLinejoin="round"
            initial={{ pathLength: 0 }}
            animate={{ pathLength: 1 }}
            transition={{ duration: 0.3, delay: 0.1 }}
          />
        </svg>
      </motion.span>
      <span aria-hidden className="pointer-events-none absolute inset-0">
        {BURST.map((angle) => (
          <motion.span
            key={angle}
            className="absolute left-1/2 top-1/2 -ml-[3px] -mt-[3px] h-1.5 w-1.5 rounded-full bg-accent"
            initial={{ x: 0, y: 0, opacity: 1, scale: 1 }}
            animate={{
              x: Math.cos((angle * Math.PI) / 180) * 20,
              y: Math.sin((angle * Math.PI) / 180) * 20,
              opacity: 0,
              scale: 0.4,
            }}
            transition={{ duration: 0.55, ease: "easeOut" }}
          />
        ))}
      </span>
    </MotionConfig>
  );
}
