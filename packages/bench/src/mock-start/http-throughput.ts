/** Requests per second a server on `url` answers to `send` requests, `concurrency` at a time. */
export async function httpThroughput(
  send: () => Promise<Response>,
  { timeMs, concurrency }: { timeMs: number; concurrency: number },
): Promise<{ requestsPerSecond: number; requests: number }> {
  const started = performance.now();
  let requests = 0;
  const worker = async () => {
    while (performance.now() - started < timeMs) {
      const response = await send();
      await response.arrayBuffer();
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }
      requests++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { requestsPerSecond: requests / ((performance.now() - started) / 1000), requests };
}
