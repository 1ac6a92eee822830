// A send rate as users write it ("100/min", 5, { perMinute: 100 }) turned into a spacing.

/** A send rate: per second as a number, `"N/s"`, `"N/min"`, or `{ perSecond }` / `{ perMinute }`. */
export type RateInput =
  | number
  | `${number}/s`
  | `${number}/sec`
  | `${number}/min`
  | { perSecond: number }
  | { perMinute: number };

const RATE_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(s|sec|second|m|min|minute)\s*$/i;

/**
 * Returns the time between two sends for a rate, or throws a `RangeError` that says what is
 * accepted.
 *
 * @example
 * ```ts
 * rateToIntervalMs("100/min"); // 600
 * rateToIntervalMs(20); // 50
 * ```
 */
export function rateToIntervalMs(rate: RateInput | string): number {
  let perSecond: number;
  if (typeof rate === "number") {
    perSecond = rate;
  } else if (typeof rate === "string") {
    const match = RATE_PATTERN.exec(rate);
    if (!match) {
      throw new RangeError(`rate "${rate}" is not like "100/min" or "5/s"`);
    }
    const count = Number(match[1]);
    perSecond = match[2]!.toLowerCase().startsWith("m") ? count / 60 : count;
  } else if ("perSecond" in rate) {
    perSecond = rate.perSecond;
  } else {
    perSecond = rate.perMinute / 60;
  }
  if (!Number.isFinite(perSecond) || perSecond <= 0) {
    throw new RangeError("rate must be a positive number of sends per second or per minute");
  }
  return 1000 / perSecond;
}
