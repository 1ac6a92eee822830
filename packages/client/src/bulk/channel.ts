// A bounded queue between the workers of a bulk send and its consumer: workers wait when the
// consumer falls behind, so results never pile up in memory.

/** A bounded async queue that ends with `close()` or `fail(error)`. */
export class Channel<T> {
  readonly #capacity: number;
  readonly #buffer: T[] = [];
  #space: (() => void)[] = [];
  #data: (() => void) | undefined;
  #closed = false;
  #error: { error: unknown } | undefined;

  constructor(capacity: number) {
    this.#capacity = Math.max(1, capacity);
  }

  /** Adds a value, waiting while the queue is full. */
  async push(value: T): Promise<void> {
    while (this.#buffer.length >= this.#capacity) {
      await new Promise<void>((resolve) => this.#space.push(resolve));
    }
    this.#buffer.push(value);
    this.#wake();
  }

  close(): void {
    this.#closed = true;
    this.#wake();
  }

  fail(error: unknown): void {
    this.#error = { error };
    this.close();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for (;;) {
      if (this.#buffer.length > 0) {
        const value = this.#buffer.shift() as T;
        this.#space.shift()?.();
        yield value;
        continue;
      }
      if (this.#closed) {
        if (this.#error) {
          throw this.#error.error;
        }
        return;
      }
      await new Promise<void>((resolve) => {
        this.#data = resolve;
      });
    }
  }

  #wake(): void {
    const wake = this.#data;
    this.#data = undefined;
    wake?.();
  }
}
