/// <reference types="expect" />
/// <reference types="vitest" />
// (The two references let this package's own declaration build resolve both modules; the
// published declarations carry no reference, so neither runner is required.)
//
// The matchers' types on each runner's `expect`. The package's main entry loads this file,
// so matchers registered from a config file alone (jest's `setupFilesAfterEnv`, vitest's
// `setupFiles`) are typed wherever the mock is imported. A declaration file's augmentation of
// a module that is not installed is ignored, so each block applies only where its runner is.
import type { KapsoMatchers } from "./matchers.js";

// The entries export the matchers' type from here, which brings these declarations with it:
// a bare `import` of a file without code would be dropped by bundlers, with a warning.
export type { KapsoMatchers };

declare global {
  // `@types/jest` declares the matchers in this namespace, as `Matchers<R, T = {}>`.
  namespace jest {
    // biome-ignore lint/complexity/noBannedTypes: must repeat @types/jest's declaration, `T = {}`.
    interface Matchers<R, T = {}> extends KapsoMatchers<R> {}
  }
}

declare module "expect" {
  // `@jest/globals` and `expect` declare them here.
  interface Matchers<R extends void | Promise<void>, T = unknown> extends KapsoMatchers<R> {}
}

declare module "vitest" {
  // vitest's assertions also extend the global `jest.Matchers<void, T>` above, so these must
  // return `void` as well: two different return types for one matcher would not compile.
  // biome-ignore lint/suspicious/noExplicitAny: must repeat vitest's own declaration, `Matchers<T = any>`.
  interface Matchers<T = any> extends KapsoMatchers<void> {}
}
