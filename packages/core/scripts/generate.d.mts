// Types of generate.mjs, for the tests that run the generator on a spec of their own.

/** The files of `src/generated/`, by name, for a loaded and checked spec. */
export function generate(spec: { url: URL }): Promise<Record<string, string>>;
