// Registers the kapsokit matchers with vitest's `expect`. Import it once, in a test file or
// in `setupFiles`: `import "@kapsokit/testing/vitest";`.
import { expect } from "vitest";
import { kapsoMatchers } from "./matchers/matchers.js";

expect.extend(kapsoMatchers);

export type { KapsoMatchers } from "./matchers/expect-types.js";
export type { AsymmetricMatcherLike, Matchable, SentTemplateMatch } from "./matchers/matchers.js";
export { kapsoMatchers } from "./matchers/matchers.js";
