// A fresh Node process with a bare node:http server on the port given as argv[2], answering
// every request with an empty JSON object: the floor of any server started as a new process.
import { createServer } from "node:http";

createServer((_, response) =>
  response.writeHead(200, { "content-type": "application/json" }).end("{}"),
).listen(Number(process.argv[2]), "127.0.0.1");
