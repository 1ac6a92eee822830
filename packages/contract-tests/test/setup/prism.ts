// Starts one real Prism process for the whole run and stops it afterwards, also when
// tests fail (vitest runs the returned teardown in every case).
import { fileURLToPath } from "node:url";
import { startPrism } from "@kapsokit/testing/prism";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

export const specPath = fileURLToPath(new URL("../../../../openapi/kapso.yaml", import.meta.url));

export default async function setup(project: TestProject) {
  const prism = await startPrism({ spec: specPath, errors: true });
  console.log(`prism answered ${prism.startupMs.toFixed(0)} ms after start at ${prism.url}`);
  project.provide("prismUrl", prism.url);
  return async () => {
    await prism.stop();
  };
}
