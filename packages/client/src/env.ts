// Runtime probes that never throw: `process` is missing in browsers and workerd, and Deno
// throws when environment access was not granted.

type Env = { env?: { get?(name: string): string | undefined } & Record<string, unknown> };

/** An environment variable, or undefined where there are none or reading them is refused. */
export function readEnv(name: string): string | undefined {
  const g = globalThis as { process?: Env; Deno?: Env };
  try {
    const value = g.process?.env?.[name] ?? g.Deno?.env?.get?.(name);
    return typeof value === "string" && value.trim() ? value.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** True in a web page, where an API key would be visible to every visitor. */
export const isBrowser = (): boolean =>
  typeof window !== "undefined" && typeof document !== "undefined" && typeof navigator !== "undefined";
