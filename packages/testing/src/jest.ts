// Registers the kapsokit matchers with jest's global `expect`. Add it to jest's
// `setupFilesAfterEnv`: `setupFilesAfterEnv: ["@kapsokit/testing/jest"]`.
import { kapsoMatchers } from "./matchers/matchers.js";

interface ExtendableExpect {
  extend(matchers: Record<string, unknown>): void;
}

const jestExpect = (globalThis as { expect?: ExtendableExpect }).expect;
if (typeof jestExpect?.extend !== "function") {
  throw new Error(
    "@kapsokit/testing/jest needs jest's global `expect`: load it from jest's \"setupFilesAfterEnv\", not from plain Node",
  );
}
jestExpect.extend(kapsoMatchers);

export type { KapsoMatchers } from "./matchers/expect-types.js";
export type { AsymmetricMatcherLike, Matchable, SentTemplateMatch } from "./matchers/matchers.js";
export { kapsoMatchers } from "./matchers/matchers.js";
