// An HTTP server written on raw sockets (node:net), so it can misbehave the way real networks,
// proxies and servers do: stall a body half-way, reset a connection, redirect, answer with
// thousands of headers or megabytes of HTML. It parses each request far enough to count the
// sends it received in full, per phone number.
import { createServer, type Server, type Socket } from "node:net";

/** One request as the server read it. */
export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** What the server does once it has read a request in full. */
export type Behaviour = (socket: Socket, request: RawRequest, server: RawServer) => void;

export interface RawServer {
  /** The base URL a client is given: `http://127.0.0.1:<port>/api/v1`. */
  url: string;
  port: number;
  /** Every request read in full, oldest first. */
  requests: RawRequest[];
  /** Sends received in full, per phone number. */
  sends: Map<string, number>;
  close(): Promise<void>;
}

/** The status line, headers and body of an answer, as bytes on the wire. */
export function httpAnswer(status: number, headers: Record<string, string | number> = {}, body = ""): string {
  const lines = [`HTTP/1.1 ${status} ${status < 400 ? "OK" : "Error"}`];
  const all: Record<string, string | number> = { "Content-Length": Buffer.byteLength(body), ...headers };
  for (const [name, value] of Object.entries(all)) {
    lines.push(`${name}: ${value}`);
  }
  return `${lines.join("\r\n")}\r\n\r\n${body}`;
}

/** Answers JSON and closes nothing: the connection stays open for keep-alive. */
export const json =
  (status: number, body: unknown, headers: Record<string, string | number> = {}): Behaviour =>
  (socket) =>
    socket.write(
      httpAnswer(status, { "Content-Type": "application/json", ...headers }, JSON.stringify(body)),
    );

/** The API's answer to a send. */
export const SEND_OK = {
  status: "success",
  message: "Template message sent successfully",
  template_id: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  template_name: "appointment_reminder",
  response: {
    messaging_product: "whatsapp",
    contacts: [{ input: "+14155550123", wa_id: "14155550123" }],
    messages: [{ id: "wamid.RAW1" }],
  },
};

/** Starts a raw server on a random loopback port; `behave` answers every request. */
export async function startRawServer(behave: Behaviour): Promise<RawServer> {
  const sockets = new Set<Socket>();
  const state = { requests: [] as RawRequest[], sends: new Map<string, number>() };
  let server!: RawServer;
  const net: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let buffer = Buffer.alloc(0);
    socket.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
          return;
        }
        const [line = "", ...fields] = buffer.subarray(0, end).toString("latin1").split("\r\n");
        const headers: Record<string, string> = {};
        for (const field of fields) {
          const colon = field.indexOf(":");
          headers[field.slice(0, colon).trim().toLowerCase()] = field.slice(colon + 1).trim();
        }
        const length = Number(headers["content-length"] ?? 0);
        if (buffer.length < end + 4 + length) {
          return;
        }
        const [method = "", path = ""] = line.split(" ");
        const body = buffer.subarray(end + 4, end + 4 + length).toString("utf8");
        buffer = buffer.subarray(end + 4 + length);
        const request = { method, path, headers, body };
        state.requests.push(request);
        if (method === "POST" && path.endsWith("/send_template")) {
          const phone = (JSON.parse(body) as { template: { phone_number: string } }).template.phone_number;
          state.sends.set(phone, (state.sends.get(phone) ?? 0) + 1);
        }
        behave(socket, request, server);
      }
    });
  });
  await new Promise<void>((resolve) => net.listen(0, "127.0.0.1", resolve));
  const { port } = net.address() as { port: number };
  server = {
    url: `http://127.0.0.1:${port}/api/v1`,
    port,
    ...state,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        net.close(() => resolve());
      }),
  };
  return server;
}

/** A port on 127.0.0.1 that nothing listens on: a connection to it is refused. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
