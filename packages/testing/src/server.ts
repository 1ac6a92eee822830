// The mock as a real HTTP server on loopback, for curl, the command line, demos and other
// languages. Node only (node:http), so it has its own entry point and the main one stays
// browser-safe.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createInspector,
  INSPECTOR_PATH,
  type Inspector,
  loadInspectorAssets,
} from "./inspector/serve-inspector.js";
import { createKapsoMock, type KapsoMock, type KapsoMockOptions } from "./mock/create-kapso-mock.js";
import { isMockNetworkError } from "./mock/faults.js";

export interface StartMockServerOptions extends Omit<KapsoMockOptions, "baseUrl"> {
  /** The port to listen on; a free one when absent or 0. */
  port?: number;
  /** The loopback address to listen on; 127.0.0.1 by default. */
  host?: string;
  /** Serve this mock instead of a new one (its options then apply, not these). */
  mock?: KapsoMock;
  /**
   * Also serve the inspector page, at `/_inspector/` (and `/` redirects there): every send as
   * the customer will see it, grouped by recipient, every refused or failed request, the armed
   * faults and the rate limit, live. Off by default.
   */
  ui?: boolean;
}

export interface MockServer {
  /** The base URL to give a client: `http://127.0.0.1:<port>/api/v1` (paths without `/api/v1` work too). */
  url: string;
  /** The mock behind the server: its store, recorded calls and faults. */
  mock: KapsoMock;
  /** The inspector page's address, `http://127.0.0.1:<port>/_inspector/`, or null without `ui`. */
  inspectorUrl: string | null;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/**
 * Starts the Kapso mock as an HTTP server on loopback.
 *
 * @example
 * ```ts
 * import { startMockServer } from "@kapsokit/testing/server";
 *
 * const server = await startMockServer({ port: 4010, ui: true });
 * // curl -H 'X-API-Key: test' http://127.0.0.1:4010/api/v1/whatsapp_templates
 * console.log(`watch the sends at ${server.inspectorUrl}`);
 * await server.close();
 * ```
 */
export async function startMockServer(options: StartMockServerOptions = {}): Promise<MockServer> {
  const host = options.host ?? "127.0.0.1";
  let mock = options.mock;
  // Read before listening, so a missing file fails the start and not the first page view.
  const assets = options.ui ? await loadInspectorAssets() : null;
  let inspector: Inspector | null = null;
  const server = createServer((req, res) => {
    if (!mock) {
      return void res.writeHead(503).end();
    }
    if (inspector?.handle(req, res)) {
      return;
    }
    serve(mock, req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const url = `${origin}/api/v1`;
  mock ??= createKapsoMock({ ...options, baseUrl: url });
  if (assets) {
    inspector = createInspector(mock, assets, url);
  }
  return {
    url,
    mock,
    inspectorUrl: inspector ? `${origin}${INSPECTOR_PATH}` : null,
    close: () =>
      new Promise<void>((resolve, reject) => {
        inspector?.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function serve(mock: KapsoMock, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  const controller = new AbortController();
  // The client went away before the answer was written: abort a hanging or delayed request.
  res.on("close", () => {
    if (!res.writableFinished) {
      controller.abort();
    }
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) {
      for (const v of value) {
        headers.append(name, v);
      }
    } else if (value !== undefined) {
      headers.set(name, value);
    }
  }
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  const request = new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, {
    method: req.method,
    headers,
    body: body && req.method !== "GET" && req.method !== "HEAD" ? body : undefined,
    signal: controller.signal,
  });
  let response: Response;
  try {
    response = await mock.handle(request);
  } catch (error) {
    // A network fault, or the client left: close the socket without an answer.
    if (isMockNetworkError(error) || controller.signal.aborted) {
      return void res.destroy();
    }
    throw error;
  }
  const text = await response.text();
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(text);
}

export type { KapsoMock, KapsoMockOptions } from "./mock/create-kapso-mock.js";
