import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { answerFor } from "./answers.js";

/** A minimal HTTP server on 127.0.0.1 that reads each request and answers 200 with JSON. */
export async function startLoopbackServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      response.writeHead(200, { "content-type": "application/json", "x-request-id": "req_bench" });
      response.end(answerFor(request.url ?? ""));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
