// Replaced with package.json's version at build time (tsup `define`).
declare const __KAPSOKIT_CLI_VERSION__: string | undefined;

/** The version of `@kapsokit/cli`. */
export const VERSION: string =
  typeof __KAPSOKIT_CLI_VERSION__ === "string" ? __KAPSOKIT_CLI_VERSION__ : "0.0.0-dev";
