// Types of load-spec.mjs, for the tests that load a spec the way `pnpm generate` does.

/** A problem with the document itself, worded for the person who edits it. */
export class SpecError extends Error {}

/** A loaded and checked OpenAPI document. */
export class Spec {
  readonly url: URL;
  /** The file as the person running the command knows it. */
  readonly file: string;
  readonly version: "3.0" | "3.1";
  readonly document: Record<string, unknown>;
  resolve(ref: string, fromUrl?: URL, at?: string | null): { value: unknown; url: URL; pointer: string };
  deref(node: unknown, fromUrl?: URL): { value: unknown; url: URL };
}

/** Loads and checks an OpenAPI document: it parses, it is OpenAPI 3.0 or 3.1, every `$ref` resolves. */
export function loadSpec(fileOrUrl: string | URL): Spec;
