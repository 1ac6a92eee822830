// Types of generate.mjs, for the tests that run the generator on a spec of their own.
import type { Spec } from "../../../scripts/spec/load-spec.mjs";

/** The files of `src/generated/`, by name, for a loaded and checked spec. */
export function generate(spec: Spec): Promise<Record<string, string>>;
