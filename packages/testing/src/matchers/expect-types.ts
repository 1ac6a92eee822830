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
  // biome-ignore lint/suspicious/noExplicitAny: must repeat vitest's own declaration, `Matchers<T = any>`.
  interface Matchers<T = any> extends KapsoMatchers<T> {}
}
