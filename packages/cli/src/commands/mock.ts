// `kapsokit mock [--port] [--ui]`: the embedded mock of the Kapso API as a local server, and
// with --ui its inspector page on the same port.
import { parseCommand, wholeNumber } from "../args.js";
import { UsageError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";

export const MOCK_HELP = `Usage: kapsokit mock [--port <n>] [--rate-limit <n>] [--ui] [--history <n>] [--json]

Starts a mock of the Kapso API on 127.0.0.1: it validates every request against the API's
spec, knows a few example templates, and answers like the API. Stop it with Ctrl-C.

  --port <n>          the port (default 4010; 0 for any free one)
  --rate-limit <n>    allow n requests per minute, then answer 429 like the API
  --ui                also serve the inspector page on the same port: every request, and
                      each message as the customer will see it, live (nothing is opened;
                      the address is printed)
  --history <n>       remember the latest n requests (default 10000), so that a mock
                      left running under load keeps its memory flat
  --json              print {"url": …} (and "inspector": … with --ui) instead of the
                      instructions
`;

export async function mock(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand("mock", args, {
    port: { type: "string" },
    "rate-limit": { type: "string" },
    ui: { type: "boolean" },
    history: { type: "string" },
  });
  if (values.help) {
    io.stdout.write(MOCK_HELP);
    return EXIT.ok;
  }
  if (positionals.length) {
    throw new UsageError(`unexpected argument "${positionals[0]}"`);
  }
  const port = wholeNumber("port", values.port, 0, 65535) ?? 4010;
  const perMinute = wholeNumber("rate-limit", values["rate-limit"], 1);
  const history = wholeNumber("history", values.history, 1) ?? 10_000;
  // Loaded here: only this command needs the mock and node:http.
  const { startMockServer } = await import("@kapsokit/testing/server");
  let server: Awaited<ReturnType<typeof startMockServer>>;
  try {
    server = await startMockServer({
      port,
      ui: values.ui === true,
      history,
      ...(perMinute ? { rateLimit: { perMinute } } : {}),
    });
  } catch (error) {
    if ((error as { code?: string }).code === "EADDRINUSE") {
      throw new UsageError(`port ${port} is in use: pick another with --port`);
    }
    throw error;
  }
  if (values.json) {
    const inspector = server.inspectorUrl ? { inspector: server.inspectorUrl } : {};
    io.stdout.write(`${JSON.stringify({ url: server.url, ...inspector })}\n`);
  } else {
    const templates = server.mock.templates.all().map((t) => `  ${t.id}  ${t.name} (${t.status})`);
    io.stdout.write(
      [
        `Kapso mock API listening at ${server.url}`,
        "",
        "Point kapsokit (or any client) at it:",
        `  export KAPSO_BASE_URL=${server.url} KAPSO_API_KEY=test`,
        "",
        "Templates:",
        ...templates,
        "",
        ...(server.inspectorUrl
          ? [`Inspector: ${server.inspectorUrl} (open it in a browser to watch each message arrive)`, ""]
          : []),
        "Ctrl-C to stop.",
        "",
      ].join("\n"),
    );
  }
  await new Promise<void>((resolve) => {
    if (!io.stop || io.stop.aborted) {
      return resolve();
    }
    io.stop.addEventListener("abort", () => resolve(), { once: true });
  });
  await server.close();
  return EXIT.ok;
}
