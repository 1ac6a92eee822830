// A Lua script run by its SHA-1 (EVALSHA), sent in full only when Redis does not have it yet,
// as after a restart. Nothing is added to the caller's ioredis client.
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

export class LuaScript {
  readonly #source: string;
  readonly #sha: string;
  readonly #keys: number;

  constructor(source: string, keys: number) {
    this.#source = source;
    this.#sha = createHash("sha1").update(source).digest("hex");
    this.#keys = keys;
  }

  async run(redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
    if (keys.length !== this.#keys) {
      throw new Error(`script takes ${this.#keys} keys, got ${keys.length}`);
    }
    try {
      return await redis.evalsha(this.#sha, this.#keys, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) {
        throw error;
      }
      return await redis.eval(this.#source, this.#keys, ...keys, ...args);
    }
  }
}
