// A realistic, backwards-compatible change to openapi/kapso.yaml, made the way a person
// would: text inserted into the YAML at the places it belongs.

const MESSAGE_TAG = `        message_tag:
          type: string
          description: A label of the sender's choosing, kept with the message for reporting.
          maxLength: 64
          example: spring-reminder
`;

const MESSAGE_ID = `        message_id:
          type: string
          description: The WhatsApp message id of the send.
          example: wamid.HBgLMTQxNTU1NTAxMjMVAgARGBI
`;

const ARCHIVE = `  /whatsapp_templates/{template_id}/archive:
    post:
      operationId: archiveWhatsappTemplate
      summary: Archive a WhatsApp template
      description: Hides a template from lists; sends with it are refused from then on.
      tags: [WhatsApp Templates]
      parameters:
        - $ref: "#/components/parameters/TemplateId"
      responses:
        "200":
          description: The archived template.
          content:
            application/json:
              schema:
                type: object
                required: [data]
                properties:
                  data:
                    $ref: "#/components/schemas/WhatsappTemplate"
        "401":
          $ref: "#/components/responses/Unauthorized"
        "404":
          $ref: "#/components/responses/TemplateNotFound"
`;

function insertAfter(spec: string, anchors: readonly string[], text: string): string {
  let at = 0;
  for (const anchor of anchors) {
    const found = spec.indexOf(anchor, at);
    if (found === -1) {
      throw new Error(`openapi/kapso.yaml has no ${JSON.stringify(anchor)} where the API change goes`);
    }
    at = found + anchor.length;
  }
  return spec.slice(0, at) + text + spec.slice(at);
}

/** The spec with a new optional send field, a new response field and a new operation. */
export function applyApiChange(spec: string): string {
  let changed = insertAfter(spec, ["\n    TemplateMessage:\n", "\n      properties:\n"], MESSAGE_TAG);
  changed = insertAfter(changed, ["\n    SendTemplateResponse:\n", "\n      properties:\n"], MESSAGE_ID);
  return insertAfter(changed, ["\npaths:\n"], ARCHIVE);
}
