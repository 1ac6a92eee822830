import { WhatsAppClient } from "@kapso/whatsapp-cloud-api";
import {
  API_KEY,
  PARAMETERS,
  PHONE_NUMBER,
  PHONE_NUMBER_ID,
  type SenderFactory,
  TEMPLATE_NAME,
} from "./message.js";

/**
 * Kapso's own SDK through its proxy (`kapsoApiKey` + `baseUrl`), with an injected `fetch`
 * (its `fetch` option). It speaks the Meta Graph API, so the same message is sent by name.
 */
export const createSender: SenderFactory = ({ fetch, baseUrl }) => {
  const client = new WhatsAppClient({ kapsoApiKey: API_KEY, baseUrl, fetch });
  return async () => {
    const answer = await client.messages.sendTemplate({
      phoneNumberId: PHONE_NUMBER_ID,
      to: PHONE_NUMBER,
      template: {
        name: TEMPLATE_NAME,
        language: { code: "en_US" },
        components: [{ type: "body", parameters: PARAMETERS.map((text) => ({ type: "text", text })) }],
      },
    });
    return answer.messages[0]?.id;
  };
};
