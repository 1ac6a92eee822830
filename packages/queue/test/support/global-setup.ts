// Runs once before the test files: makes sure redis-server is there, so that test files
// running side by side never install it twice at once.
import { ensureRedisServer } from "./redis-binary.js";

export default function setup(): void {
  process.env.KAPSOKIT_REDIS_SERVER = ensureRedisServer();
}
