// What a command may touch: its streams, environment, working directory and interrupts.
// The binary passes the process's own; tests pass their own, so commands run in-process.

/** A stream a command writes to. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** A `fetch` for the client instead of the global one. */
  fetch?: ((input: string | URL | Request, init?: RequestInit) => Promise<Response>) | undefined;
  /** Fires on the first Ctrl-C: take nothing new, finish what is in flight. */
  stop?: AbortSignal | undefined;
  /** Fires on the second Ctrl-C: abort what is in flight. */
  abort?: AbortSignal | undefined;
}
