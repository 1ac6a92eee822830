// The first recipient of each key in a run, for telling duplicates apart, in little memory:
// a million recipients take about 40 MB here against about 150 MB in a Map of their key
// strings. Each key is held as two 53-bit hashes (106 bits: two different keys meet with a
// chance far below one in a trillion) in an open-addressing table of typed arrays.
import { cyrb53 } from "./recipient-key.js";

const EMPTY = -1;

export class KeyIndex {
  #high = new Float64Array(1024);
  #low = new Float64Array(1024);
  #first = new Int32Array(1024).fill(EMPTY);
  #size = 0;

  /** The index of the first recipient with this key; records `index` for it when there is none. */
  firstOf(key: string, index: number): number | undefined {
    if (this.#size * 2 >= this.#first.length) {
      this.#grow();
    }
    const high = cyrb53(key, 3);
    const low = cyrb53(key, 4);
    const slot = this.#find(high, low);
    if (this.#first[slot] !== EMPTY) {
      return this.#first[slot];
    }
    this.#high[slot] = high;
    this.#low[slot] = low;
    this.#first[slot] = index;
    this.#size++;
    return undefined;
  }

  /** The slot of a key: where it is, or the empty one where it would go. */
  #find(high: number, low: number): number {
    const mask = this.#first.length - 1;
    for (let slot = low % (mask + 1); ; slot = (slot + 1) & mask) {
      if (this.#first[slot] === EMPTY || (this.#high[slot] === high && this.#low[slot] === low)) {
        return slot;
      }
    }
  }

  #grow(): void {
    const [high, low, first] = [this.#high, this.#low, this.#first];
    this.#high = new Float64Array(first.length * 2);
    this.#low = new Float64Array(first.length * 2);
    this.#first = new Int32Array(first.length * 2).fill(EMPTY);
    for (let slot = 0; slot < first.length; slot++) {
      if (first[slot] !== EMPTY) {
        const into = this.#find(high[slot]!, low[slot]!);
        this.#high[into] = high[slot]!;
        this.#low[into] = low[slot]!;
        this.#first[into] = first[slot]!;
      }
    }
  }
}
