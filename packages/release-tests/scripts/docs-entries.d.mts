/** The source file of each entry point in `manifest.exports`, relative to the package `dir`. */
export function entryPoints(dir: string, manifest: { exports?: Record<string, unknown> }): string[];
