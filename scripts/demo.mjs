#!/usr/bin/env node
// The quick-start demo: starts a mock of the API and sends the documentation's example
// template through @kapsokit/core, printing the request and the response.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const build = spawnSync(
  "turbo",
  ["run", "build", "--filter=@kapsokit/testing...", "--output-logs=errors-only"],
  {
    cwd: root,
    stdio: "inherit",
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const { createClient } = await import(join(root, "packages/core/dist/index.js"));
const { startPrism } = await import(join(root, "packages/testing/dist/prism.js"));

const prism = await startPrism({ spec: join(root, "openapi/kapso.yaml") });
console.log(`mock API (Prism) answering at ${prism.url} after ${prism.startupMs.toFixed(0)} ms\n`);

// Prints what goes over the wire, with the key masked.
const loggingFetch = async (request) => {
  const headers = Object.fromEntries(request.headers);
  headers["x-api-key"] = "••••";
  console.log(`> ${request.method} ${request.url}`);
  console.log(JSON.stringify(headers, null, 2).replace(/^/gm, "> "));
  console.log(`${(await request.clone().text()).replace(/^/gm, "> ")}\n`);
  return fetch(request);
};

try {
  const api = createClient({ apiKey: "kapso_demo_key", baseUrl: prism.url, fetch: loggingFetch });
  const { data, error, response } = await api.POST("/whatsapp_templates/{template_id}/send_template", {
    params: { path: { template_id: "3c90c3cc-0d44-4b50-8888-8dd25736052a" } },
    body: {
      template: {
        phone_number: "+123456789012",
        template_parameters: ["John Smith", "Tomorrow at 2 PM"],
        header_type: "image",
        header_params: "https://example.com/header-image.jpg",
        whatsapp_config_id: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
      },
    },
  });
  console.log(`< ${response.status} ${response.statusText}`);
  console.log(JSON.stringify(data ?? error, null, 2).replace(/^/gm, "< "));
  process.exitCode = response.ok ? 0 : 1;
} finally {
  await prism.stop();
}
