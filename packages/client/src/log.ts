export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** Where log lines go; `console` fits. */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

const LEVELS = ["off", "error", "warn", "info", "debug"];

/**
 * A log function that drops lines above `level` (default, and for unknown names: "warn").
 * The message is a function, so a dropped line costs nothing to build.
 */
export function createLog(level: string | undefined, logger: Logger) {
  const max = LEVELS.indexOf(level!);
  return (at: Exclude<LogLevel, "off">, message: () => string): void => {
    if (LEVELS.indexOf(at) <= (max < 0 ? 2 : max)) {
      logger[at](`kapso: ${message()}`);
    }
  };
}
