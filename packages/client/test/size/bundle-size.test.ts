// The size budget of what `import "@kapsokit/client"` adds to a browser or edge bundle:
// minified and gzipped ESM, measured by scripts/bundle-size.mjs on the built package.
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { CLIENT_BUDGET, measureBundles } from "../../../../scripts/bundle-size.mjs";

interface Sizes {
  minified: number;
  gzipped: number;
  lazyMinified: number;
  lazyGzipped: number;
}

describe("bundle size", () => {
  it("keeps the client's ESM entry within 5 kB gzipped", { timeout: 30_000 }, async () => {
    const { client, openapiFetch } = (await measureBundles()) as { client: Sizes; openapiFetch: Sizes };
    // A real bundle was measured, not an empty one.
    expect(client.minified).toBeGreaterThan(4000);
    expect(openapiFetch.gzipped).toBeGreaterThan(1000);
    expect(client.gzipped).toBeLessThanOrEqual(CLIENT_BUDGET);
  });
});
