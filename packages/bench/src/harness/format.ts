// Number formatting for the tables: a few significant digits, never scientific notation.

/** A value with about three significant digits. */
export function fmt(value: number): string {
  if (!Number.isFinite(value)) {
    return "n/a";
  }
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A ratio as `0.42×`; one under 1/100 as `1/25,203×`, which three decimals would show as 0. */
export const times = (ratio: number): string =>
  ratio > 0 && ratio < 0.01 ? `1/${fmt(1 / ratio)}×` : `${fmt(ratio)}×`;

/** Bytes as kB (1000 bytes) with two decimals. */
export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(2)} kB`;
