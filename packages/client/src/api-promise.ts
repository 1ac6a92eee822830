import type { APIPromise, WithResponse } from "./types.js";

/** Wraps a call so it can be awaited for its data or asked for the response as well. */
export function apiPromise<T>(call: Promise<WithResponse<T>>): APIPromise<T> {
  const data = call.then((result) => result.data);
  return Object.assign(data, {
    withResponse() {
      // The caller handles `call`; keep the unused data promise from reporting it twice.
      data.catch(() => {});
      return call;
    },
  });
}
