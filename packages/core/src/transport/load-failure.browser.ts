// The browser build's loadFailure (see load-failure.ts): the failure module is a chunk of its
// own, downloaded with the first failure, so a page whose calls succeed never loads it.
import type * as failure from "./facts.js";

/** The failure module, loaded on first use. */
export const loadFailure = (): Promise<typeof failure> => import("./facts.js");
