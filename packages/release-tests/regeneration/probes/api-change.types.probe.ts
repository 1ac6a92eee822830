// Compiles only once openapi/kapso.yaml has the change the regeneration test makes and
// `pnpm generate` has run: a new optional send field, a new response field, a new operation.
import type { operations, paths, SendTemplateBody, SendTemplateResponse } from "@kapsokit/core";

export const tagged: SendTemplateBody = {
  template: { phone_number: "+14155550123", message_tag: "spring-reminder" },
};

export function messageIdOf(response: SendTemplateResponse): string | undefined {
  return response.message_id;
}

export type ArchivedTemplate =
  operations["archiveWhatsappTemplate"]["responses"][200]["content"]["application/json"]["data"];

export type ArchiveRequest = paths["/whatsapp_templates/{template_id}/archive"]["post"]["parameters"]["path"];
