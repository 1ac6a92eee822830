// A fresh Node process that loads @kapsokit/testing, creates the in-process mock and has one
// request answered; it prints "answered" then. Spawned by startup.mjs.
import { createKapsoMock } from "@kapsokit/testing";

const mock = createKapsoMock();
const response = await mock.fetch(`${mock.baseUrl}/whatsapp_templates`, {
  headers: { "X-API-Key": "bench" },
});
if (response.status !== 200) {
  throw new Error(`unexpected status ${response.status}`);
}
process.stdout.write("answered\n");
