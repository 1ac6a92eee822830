import { Kapso } from "@kapsokit/client";
import { API_KEY, PARAMETERS, PHONE_NUMBER, type SenderFactory, TEMPLATE_ID } from "./message.js";

/** kapsokit: `Kapso` with its defaults (two retries, 60 s timeout, input validation). */
export const createSender: SenderFactory = ({ fetch, baseUrl }) => {
  const kapso = new Kapso({ apiKey: API_KEY, baseUrl, fetch });
  return async () => {
    const { status } = await kapso.templates.send(TEMPLATE_ID, { to: PHONE_NUMBER, parameters: PARAMETERS });
    return status;
  };
};
