/** The declaration file of each entry point in `manifest.exports`, relative to the package `dir`. */
export function entryPoints(
  dir: string,
  manifest: { name: string; exports?: Record<string, unknown> },
): string[];
