// Replaced with package.json's version at build time (tsup `define`), so a changesets
// version bump is the only place a release number changes.
declare const __KAPSOKIT_VERSION__: string | undefined;

/** The version of `@kapsokit/core`, sent in the `User-Agent`. */
export const VERSION: string = typeof __KAPSOKIT_VERSION__ === "string" ? __KAPSOKIT_VERSION__ : "0.0.0-dev";
