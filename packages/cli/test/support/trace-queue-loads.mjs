// Registered with `node --import`: reports on stderr every module of @kapsokit/queue, BullMQ
// or ioredis that the process loads, so a test can tell which commands pull them in.
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (/bullmq|ioredis|@kapsokit\\/queue|packages\\/queue\\//.test(resolved.url)) process.stderr.write("queue module loaded: " + resolved.url + "\\n");
  return resolved;
}`)}`,
);
