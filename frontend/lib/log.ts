/** One JSON object per line on stdout, in the platform's log shape. */
export type LogLevel = "debug" | "info" | "warn" | "error";

export function log(level: LogLevel, message: string, context: Record<string, unknown> = {}): void {
  const { request_id = null, user_id = null, trace_id = null, ...rest } = context;
  const line = JSON.stringify({
    timestamp: new Date().toISOString(),
    level,
    service: "frontend",
    user_id,
    request_id,
    trace_id,
    message,
    context: rest,
  });
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}
