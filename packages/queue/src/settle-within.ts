// Waiting on Redis when Redis may be gone: ioredis never settles a command that was in flight
// when a connection being re-established is closed for good, so waits have a bound.

/** Waits for a promise, but no longer than `ms`; its failure is of no interest here. */
export function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    promise.then(done, done);
  });
}

/** The most a step of closing may take once Redis is gone or unresponsive. */
export const CLOSE_WAIT_MS = 5_000;
