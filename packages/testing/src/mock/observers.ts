// Watching the mock as it works, for a live view of it (an inspector page, a log): one event
// per call it records, one per change of its template store, and one per fault armed or cleared.
import type { RecordedCall, SentMessage } from "./recording.js";
import type { TemplateStoreChange } from "./template-store.js";

/** Something the mock did. */
export type MockEvent =
  /**
   * A request is over: answered, failed by a network fault or aborted by the caller. `call`
   * is the entry of `mock.calls`, its `response` or `error` filled in; `sent` is the message a
   * send accepted, also in `mock.sent`.
   */
  | { type: "call"; call: RecordedCall; sent: SentMessage | null }
  /** The template store changed through its methods (`add`, `update`, `remove`, `clear`, `reset`). */
  | ({ type: "templates" } & TemplateStoreChange)
  /**
   * A fault was armed (`mock.fault()`), or the armed ones were disarmed (`clearFaults()`,
   * `reset()`). A fault used up by a request shows in that request's `call.fault` instead.
   */
  | { type: "faults"; action: "add" | "clear" };

/** A function that hears of every event. */
export type MockListener = (event: MockEvent) => void;

/** The listeners of one mock. */
export class Observers {
  readonly #listeners = new Set<MockListener>();

  /** Adds a listener; call the function it returns to remove it again. */
  subscribe(listener: MockListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Tells every listener, in the order they subscribed. A listener that throws does not
   * disturb the mock or the other listeners: its error is thrown again on its own, afterwards,
   * where the test runner reports it (as `EventTarget` does with its listeners).
   */
  emit(event: MockEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
