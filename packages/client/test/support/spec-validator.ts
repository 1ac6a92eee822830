// Validators compiled from openapi/kapso.yaml itself, so the property tests judge requests by
// the spec and not by a copy of its rules.
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const spec = parse(readFileSync(new URL("../../../../openapi/kapso.yaml", import.meta.url), "utf8")) as {
  components: object;
};

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: "kapso", components: spec.components });

/** Validates a send body against the spec's `SendTemplateBody`. */
export const validateSendBody = ajv.compile({ $ref: "kapso#/components/schemas/SendTemplateBody" });

/** Validates a template id against the spec's path parameter (a UUID). */
export const validateTemplateId = ajv.compile({ type: "string", format: "uuid" });
