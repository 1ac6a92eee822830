import { API_KEY, PARAMETERS, PHONE_NUMBER, type SenderFactory, TEMPLATE_ID } from "./message.js";

/** Raw `fetch`: the request written by hand, the least any client can do. */
export const createSender: SenderFactory = ({ fetch, baseUrl }) => {
  const url = `${baseUrl}/whatsapp_templates/${TEMPLATE_ID}/send_template`;
  return async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "X-API-Key": API_KEY, "Content-Type": "application/json" },
      body: JSON.stringify({ template: { phone_number: PHONE_NUMBER, template_parameters: PARAMETERS } }),
    });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    const { status } = (await response.json()) as { status: string };
    return status;
  };
};
