import { vi } from "vitest";

/** Runs a call under fake timers to its end, firing every timer it sets (backoff, Retry-After). */
export async function settle<T>(promise: Promise<T>) {
  const outcome = promise.then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
  await vi.runAllTimersAsync();
  return outcome;
}
