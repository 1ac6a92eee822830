// A fresh Node process that serves the mock over HTTP on the port given as argv[2], until
// it is killed. Spawned by startup.mjs, which times it like Prism.
import { startMockServer } from "@kapsokit/testing/server";

await startMockServer({ port: Number(process.argv[2]) });
