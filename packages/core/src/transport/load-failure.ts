// The rules and words for an attempt that failed (facts.ts, decide.ts). On servers they are
// part of the bundle: nothing is downloaded, and no dynamic import sits between a failure
// and its retry timer, which tests on fake timers rely on. The browser build swaps in
// load-failure.browser.ts, which loads them on the first failure instead.
import * as failure from "./facts.js";

/** The failure module, at once. */
export const loadFailure = async (): Promise<typeof failure> => failure;
