export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** Where log lines go; `console` fits. */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

const LEVELS = ["off", "error", "warn", "info", "debug"];

export type Log = (level: Exclude<LogLevel, "off">, message: string) => void;

/** A log function that drops lines above `level` and passes the rest through `redact`. */
export function createLog(level: string, logger: Logger, redact: (text: string) => string): Log {
  const found = LEVELS.indexOf(level);
  // An unknown level (a typo in KAPSO_LOG) falls back to the default, "warn".
  const max = found < 0 ? 2 : found;
  return (at, message) => {
    if (LEVELS.indexOf(at) <= max) logger[at](redact(`kapso: ${message}`));
  };
}
