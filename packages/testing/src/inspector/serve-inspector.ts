// The inspector page on the mock server's own port: its three files, a stream of server-sent
// events, and a way to clear it. Everything else goes on to the mock.
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import type { KapsoMock } from "../mock/create-kapso-mock.js";
import { InspectorFeed } from "./feed.js";
import type { InspectorEvents } from "./protocol.js";

/** Where the page lives on the server. */
export const INSPECTOR_PATH = "/_inspector/";

/** How many requests the page keeps; the oldest go first. */
const HISTORY = 1000;

// A page that stops reading (a tab asleep) is dropped past this many unsent bytes; its
// EventSource reconnects and starts again from a snapshot.
const MAX_BUFFERED = 8 * 1024 * 1024;
const KEEP_ALIVE_MS = 15_000;

// The page loads only its own files and its own events. Images, videos and links in a
// message are fetched only when the user asks (a click), so an open page sends nothing
// beyond the loopback address by itself.
const SECURITY_HEADERS = {
  "Content-Security-Policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data: http: https:; media-src http: https:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

const FILES = {
  "": { file: "index.html", type: "text/html; charset=utf-8" },
  "inspector.css": { file: "inspector.css", type: "text/css; charset=utf-8" },
  "inspector.js": { file: "inspector.js", type: "text/javascript; charset=utf-8" },
} as const;

type Assets = Record<keyof typeof FILES, { body: Buffer; type: string }>;

/** The inspector of one server. */
export interface Inspector {
  /** Answers the request when it is the inspector's; false to hand it to the mock. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Tells the open pages it is over, and stops listening to the mock. */
  close(): void;
}

/**
 * Reads the page's files, which the package's build puts beside its server code
 * (`dist/inspector/`), and fails clearly when they are not there.
 */
export async function loadInspectorAssets(): Promise<Assets> {
  const dir = new URL("./inspector/", import.meta.url);
  const entries = await Promise.all(
    Object.entries(FILES).map(async ([name, { file, type }]) => {
      try {
        return [name, { body: await readFile(new URL(file, dir)), type }] as const;
      } catch (error) {
        throw new Error(
          `the inspector page's file ${file} is missing from ${fileURLToPath(dir)}: build @kapsokit/testing (pnpm build) or reinstall it`,
          { cause: error },
        );
      }
    }),
  );
  return Object.fromEntries(entries) as Assets;
}

/** The inspector for `mock`, serving `assets`, whose page says clients send to `apiUrl`. */
export function createInspector(mock: KapsoMock, assets: Assets, apiUrl: string): Inspector {
  const feed = new InspectorFeed(mock, { apiUrl, limit: HISTORY });
  const streams = new Set<ServerResponse>();

  function stream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      "Content-Type": "text/event-stream; charset=utf-8",
      Connection: "keep-alive",
    });
    const write = (text: string) => {
      if (res.writableLength > MAX_BUFFERED) {
        res.destroy();
      } else {
        res.write(text);
      }
    };
    const send = <K extends keyof InspectorEvents>(name: K, data: InspectorEvents[K]) =>
      write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
    write("retry: 1000\n\n");
    send("snapshot", feed.snapshot());
    const stop = feed.listen(send);
    const keepAlive = setInterval(() => write(": keep-alive\n\n"), KEEP_ALIVE_MS);
    keepAlive.unref();
    streams.add(res);
    req.on("close", () => {
      stop();
      clearInterval(keepAlive);
      streams.delete(res);
    });
  }

  return {
    handle(req, res) {
      const { pathname } = new URL(req.url ?? "/", "http://loopback");
      if (pathname === "/" || pathname === "/_inspector") {
        res.writeHead(302, { Location: INSPECTOR_PATH, "Cache-Control": "no-store" }).end();
        return true;
      }
      // Browsers ask for it on their own; the mock would record it as a call.
      if (pathname === "/favicon.ico") {
        res.writeHead(204).end();
        return true;
      }
      if (!pathname.startsWith(INSPECTOR_PATH)) {
        return false;
      }
      const name = pathname.slice(INSPECTOR_PATH.length);
      // Another site's page that rebinds its own name to 127.0.0.1 must not read the inspector.
      if (!isLoopbackHost(req.headers.host)) {
        return refuse(
          res,
          403,
          "The inspector answers only on a loopback address (127.0.0.1, localhost, [::1]).",
        );
      }
      if (name === "events" && req.method === "GET") {
        stream(req, res);
        return true;
      }
      if (name === "clear" && req.method === "POST") {
        // A form on another site can POST here; only the page itself may clear.
        if (req.headers.origin !== `http://${req.headers.host}`) {
          return refuse(res, 403, "Only the inspector page itself can clear it.");
        }
        feed.clear();
        res.writeHead(204, SECURITY_HEADERS).end();
        return true;
      }
      if (Object.hasOwn(FILES, name) && (req.method === "GET" || req.method === "HEAD")) {
        const asset = assets[name as keyof Assets];
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          "Content-Type": asset.type,
          "Content-Length": asset.body.length,
        });
        res.end(req.method === "HEAD" ? undefined : asset.body);
        return true;
      }
      return refuse(res, 404, `The inspector has no ${pathname}.`);
    },
    close() {
      feed.close();
      for (const res of streams) {
        res.end();
      }
      streams.clear();
    },
  };
}

function refuse(res: ServerResponse, status: number, message: string): true {
  res
    .writeHead(status, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" })
    .end(`${message}\n`);
  return true;
}

/** Whether a Host header names a loopback address: 127.0.0.0/8, localhost, or [::1]. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) {
    return false;
  }
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  return (
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    hostname === "[::1]" ||
    /^127(\.\d{1,3}){3}$/.test(hostname)
  );
}
