import { createSender as kapsoWhatsappCloudApi } from "./kapso-whatsapp-cloud-api.js";
import { createSender as kapsokit } from "./kapsokit.js";
import type { SenderFactory } from "./message.js";
import { createSender as openapiFetch } from "./openapi-fetch.js";
import { createSender as rawFetch } from "./raw-fetch.js";

/** A client compared in the benchmarks: its name, the module that uses it and its sender. */
export interface Subject {
  name: string;
  /** The module under src/subjects/ that sends the message with this client. */
  file: string;
  /** The npm package it loads, when it loads one. */
  packageName: string | undefined;
  createSender: SenderFactory;
}

export const KAPSOKIT = "kapsokit";
export const KAPSO_SDK = "@kapso/whatsapp-cloud-api";
export const OPENAPI_FETCH = "openapi-fetch";
export const RAW_FETCH = "raw fetch";

/** kapsokit first, then the peers it is measured against. */
export const subjects: readonly Subject[] = [
  { name: KAPSOKIT, file: "kapsokit.ts", packageName: "@kapsokit/client", createSender: kapsokit },
  { name: OPENAPI_FETCH, file: "openapi-fetch.ts", packageName: "openapi-fetch", createSender: openapiFetch },
  {
    name: KAPSO_SDK,
    file: "kapso-whatsapp-cloud-api.ts",
    packageName: "@kapso/whatsapp-cloud-api",
    createSender: kapsoWhatsappCloudApi,
  },
  { name: RAW_FETCH, file: "raw-fetch.ts", packageName: undefined, createSender: rawFetch },
];
