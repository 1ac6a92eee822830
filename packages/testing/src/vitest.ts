// Registers the kapsokit matchers with vitest's `expect`. Import it once, in a test file or
// in `setupFiles`: `import "@kapsokit/testing/vitest";`.
import { expect } from "vitest";
import "./matchers/expect-types.js";
import { kapsoMatchers } from "./matchers/matchers.js";

expect.extend(kapsoMatchers);

export type {
  AsymmetricMatcherLike,
  KapsoMatchers,
  Matchable,
  SentTemplateMatch,
} from "./matchers/matchers.js";
export { kapsoMatchers } from "./matchers/matchers.js";
