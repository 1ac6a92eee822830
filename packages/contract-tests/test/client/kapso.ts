// A Kapso client pointed at the run's Prism server.
import { Kapso, type KapsoOptions } from "@kapsokit/client";
import { inject } from "vitest";
import { API_KEY } from "../support/clients.js";

export function prismKapso(options: KapsoOptions = {}): Kapso {
  return new Kapso({ apiKey: API_KEY, baseUrl: inject("prismUrl"), logLevel: "off", ...options });
}
