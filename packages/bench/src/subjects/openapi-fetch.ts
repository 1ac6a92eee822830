import type { paths } from "@kapsokit/core";
import createClient from "openapi-fetch";
import { API_KEY, PARAMETERS, PHONE_NUMBER, type SenderFactory, TEMPLATE_ID } from "./message.js";

/** openapi-fetch used directly, typed by the spec's generated `paths`. */
export const createSender: SenderFactory = ({ fetch, baseUrl }) => {
  const client = createClient<paths>({ baseUrl, fetch, headers: { "X-API-Key": API_KEY } });
  return async () => {
    const { data, error } = await client.POST("/whatsapp_templates/{template_id}/send_template", {
      params: { path: { template_id: TEMPLATE_ID } },
      body: { template: { phone_number: PHONE_NUMBER, template_parameters: PARAMETERS } },
    });
    if (error) {
      throw new Error(JSON.stringify(error));
    }
    return data.status;
  };
};
