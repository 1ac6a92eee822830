// publint on the tarball exactly as packed: entry points exist in it, formats match their
// extensions, types come first, nothing published points at a file left out.
import { readFileSync } from "node:fs";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { describe, expect, it } from "vitest";
import { tarballOf } from "../support/packed.js";
import { publicPackages } from "../support/workspace.js";

describe.each(publicPackages().map((pkg) => [pkg.manifest.name] as const))("%s", (name) => {
  it("passes publint in strict mode, suggestions included", async () => {
    const tarball = readFileSync(tarballOf(name));
    const { messages, pkg: packed } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
      level: "suggestion",
      strict: true,
    });
    const report = messages.map(
      (message) => `${message.type}: ${formatMessage(message, packed, { color: false })}`,
    );
    expect(report).toEqual([]);
  });
});
