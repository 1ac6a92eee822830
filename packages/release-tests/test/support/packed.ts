// The tarballs packed by test/setup/pack.ts, looked up by package name.
import { inject } from "vitest";

/** The packed tarball of `name`; throws why it is missing when packing failed. */
export function tarballOf(name: string): string {
  const tarball = inject("tarballs")[name];
  if (tarball === undefined) {
    throw new Error(inject("packErrors")[name] ?? `${name} was not packed`);
  }
  return tarball;
}
