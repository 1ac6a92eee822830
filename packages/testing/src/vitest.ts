// Registers the kapsokit matchers with vitest's `expect`. Import it once, in a test file or
// in `setupFiles`: `import "@kapsokit/testing/vitest";`.
import { expect } from "vitest";
import { type KapsoMatchers, kapsoMatchers } from "./matchers/matchers.js";

expect.extend(kapsoMatchers);

declare module "vitest" {
  // biome-ignore lint/suspicious/noExplicitAny: must repeat vitest's own declaration, `Matchers<T = any>`.
  interface Matchers<T = any> extends KapsoMatchers<T> {}
}

export type {
  AsymmetricMatcherLike,
  KapsoMatchers,
  Matchable,
  SentTemplateMatch,
} from "./matchers/matchers.js";
export { kapsoMatchers } from "./matchers/matchers.js";
