/**
 * GENERATED FILE - DO NOT EDIT.
 * Source: openapi/kapso.yaml. Regenerate with `pnpm generate`.
 */
export interface paths {
    "/whatsapp_templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List WhatsApp templates
         * @description Returns one page of the account's templates, newest first, narrowed by the optional filters.
         */
        get: operations["listWhatsappTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/whatsapp_templates/{template_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a WhatsApp template
         * @description Returns one template with its WhatsApp components.
         */
        get: operations["getWhatsappTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/whatsapp_templates/{template_id}/send_template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a WhatsApp template message
         * @description Sends an approved template to one phone number. This operation is not
         *     idempotent: repeating it sends the message again.
         */
        post: operations["sendWhatsappTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Format: uuid
         * @example 3c90c3cc-0d44-4b50-8888-8dd25736052a
         */
        Uuid: string;
        /** @enum {string} */
        TemplateCategory: "MARKETING" | "UTILITY" | "AUTHENTICATION";
        /**
         * @description Review state of a template. `removed` appears on templates deleted from WhatsApp.
         * @enum {string}
         */
        TemplateStatus: "draft" | "submitted" | "approved" | "rejected" | "disabled" | "removed";
        /** @enum {string} */
        TemplateStatusFilter: "draft" | "submitted" | "approved" | "rejected" | "disabled";
        TemplateFilters: {
            /** @description Name contains this text. */
            name_cont?: string;
            /**
             * @description Language code, such as `en_US`.
             * @example en_US
             */
            language_code_eq?: string;
            category_eq?: components["schemas"]["TemplateCategory"];
            status_eq?: components["schemas"]["TemplateStatusFilter"];
            customer_id_eq?: components["schemas"]["Uuid"];
            /**
             * @description WhatsApp Business Account id equals this.
             * @example 102290129340398
             */
            business_account_id_eq?: string;
            whatsapp_config_id_eq?: components["schemas"]["Uuid"];
        };
        /**
         * @description Values for `{{1}}`, `{{2}}`, … in order.
         * @example [
         *       "John Smith",
         *       "Tomorrow at 2 PM"
         *     ]
         */
        PositionalParameters: string[];
        /**
         * @description Values for named placeholders such as `{{customer_name}}`.
         * @example {
         *       "customer_name": "John"
         *     }
         */
        NamedParameters: {
            [key: string]: string;
        };
        /** @enum {string} */
        HeaderType: "text" | "image" | "video" | "document";
        /**
         * @description Unknown fields are refused here, though the API drops them without a word: a misspelt
         *     field (`templateParameters`) would otherwise send the message without what it meant.
         */
        SendTemplateBody: {
            template: components["schemas"]["TemplateMessage"];
        };
        /** @description The message to send. Unknown fields are refused, for the reason given on the body. */
        TemplateMessage: {
            /**
             * @description Recipient in E.164 form: `+`, the country code, the number, no spaces. The API's own
             *     description names no format; this one is kept because a number without its country
             *     code can reach someone else, and the SDK normalises what people type before sending.
             * @example +123456789012
             */
            phone_number: string;
            /** @description Positional values (an array) or named values (an object). */
            template_parameters?: components["schemas"]["PositionalParameters"] | components["schemas"]["NamedParameters"];
            header_type?: components["schemas"]["HeaderType"];
            /**
             * @description The header's content; a URL for media headers, the text for `text`.
             * @example https://example.com/header-image.jpg
             */
            header_params?: string;
            /**
             * @description File name shown for a `document` header. The API ignores it with any other header,
             *     so it is accepted there too (the API documentation's own example sends one with an
             *     `image` header).
             * @example invoice.pdf
             */
            header_filename?: string;
            whatsapp_config_id?: components["schemas"]["Uuid"];
            customer_id?: components["schemas"]["Uuid"];
            button_url_params?: components["schemas"]["ButtonUrlParameters"];
        };
        /**
         * @description Values for the `{{1}}` at the end of URL buttons, keyed by the button's position among
         *     the template's buttons, counted from 0 and written as a string (`"0"`, `"1"`). Only a
         *     URL button whose address ends in `{{1}}` takes one. Any key and any string are accepted,
         *     as by the API; the template decides what fits.
         * @example {
         *       "0": "track123"
         *     }
         */
        ButtonUrlParameters: {
            [key: string]: string;
        } | null;
        SendTemplateResponse: {
            /** @enum {string} */
            status: "success";
            /** @example Template message sent successfully */
            message: string;
            template_id: components["schemas"]["Uuid"];
            /** @example appointment_reminder */
            template_name: string;
            response: components["schemas"]["WhatsappSendResult"];
        };
        /**
         * @description WhatsApp's own answer to the send, passed through unchanged. Its three fields are always
         *     there on a success (the API documentation shows an empty object in its place, which is
         *     how it renders an object without a schema); more may come, and are kept.
         */
        WhatsappSendResult: {
            /**
             * @description Always `whatsapp`.
             * @example whatsapp
             */
            messaging_product: string;
            /** @description The recipient as it was sent and as WhatsApp knows it. */
            contacts: [
                {
                    /**
                     * @description The phone number as it was sent.
                     * @example +123456789012
                     */
                    input: string;
                    /**
                     * @description The recipient's WhatsApp id, the number without `+`.
                     * @example 123456789012
                     */
                    wa_id: string;
                } & {
                    [key: string]: unknown;
                },
                ...({
                    /**
                     * @description The phone number as it was sent.
                     * @example +123456789012
                     */
                    input: string;
                    /**
                     * @description The recipient's WhatsApp id, the number without `+`.
                     * @example 123456789012
                     */
                    wa_id: string;
                } & {
                    [key: string]: unknown;
                })[]
            ];
            /** @description The message that was sent; `messages[0].id` is the id WhatsApp reports its status by. */
            messages: [
                {
                    /**
                     * @description The WhatsApp message id (`wamid.…`).
                     * @example wamid.HBgLMTIzNDU2Nzg5MDEyFQIAERgSQUJDREVGMDEyMzQ1Njc4OQA=
                     */
                    id: string;
                    /**
                     * @description How WhatsApp took the message, such as `accepted` (present for some senders only).
                     * @example accepted
                     */
                    message_status?: string;
                } & {
                    [key: string]: unknown;
                },
                ...({
                    /**
                     * @description The WhatsApp message id (`wamid.…`).
                     * @example wamid.HBgLMTIzNDU2Nzg5MDEyFQIAERgSQUJDREVGMDEyMzQ1Njc4OQA=
                     */
                    id: string;
                    /**
                     * @description How WhatsApp took the message, such as `accepted` (present for some senders only).
                     * @example accepted
                     */
                    message_status?: string;
                } & {
                    [key: string]: unknown;
                })[]
            ];
        } & {
            [key: string]: unknown;
        };
        WhatsappTemplate: {
            id: components["schemas"]["Uuid"];
            /** @example appointment_reminder */
            name: string;
            /** @example en_US */
            language_code: string;
            category: components["schemas"]["TemplateCategory"];
            status: components["schemas"]["TemplateStatus"];
            /**
             * @description Body text with `{{1}}` or `{{name}}` placeholders.
             * @example Hi {{1}}, this is a reminder of your appointment on {{2}}.
             */
            content: string;
            /** @example 2 */
            parameter_count: number;
            /** @example 102290129340398 */
            business_account_id: string | null;
            whatsapp_config_ids: components["schemas"]["Uuid"][];
            components: components["schemas"]["TemplateComponent"][];
            metadata: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @example 2025-03-01T09:30:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2025-03-02T11:00:00Z
             */
            updated_at: string;
        };
        /** @description One component of the template as WhatsApp stores it. */
        TemplateComponent: {
            /** @enum {string} */
            type: "HEADER" | "BODY" | "FOOTER" | "BUTTONS";
            /** @enum {string} */
            format?: "TEXT" | "IMAGE" | "VIDEO" | "DOCUMENT" | "LOCATION";
            text?: string;
            example?: {
                [key: string]: unknown;
            };
            buttons?: components["schemas"]["TemplateButton"][];
        };
        /**
         * @description One button of a BUTTONS component, as WhatsApp stores it. A URL button whose `url` ends
         *     in `{{1}}` takes that value from `button_url_params` when the template is sent.
         */
        TemplateButton: {
            /**
             * @description `URL`, `QUICK_REPLY`, `PHONE_NUMBER`, `COPY_CODE`, `OTP`, … (WhatsApp adds kinds).
             * @example URL
             */
            type: string;
            /**
             * @description The button's label.
             * @example Track order
             */
            text?: string;
            /**
             * @description The address of a URL button.
             * @example https://example.com/track/{{1}}
             */
            url?: string;
            /**
             * @description The number a PHONE_NUMBER button calls.
             * @example +14155550123
             */
            phone_number?: string;
            /** @description Sample addresses, as the template was submitted with. */
            example?: string[];
        } & {
            [key: string]: unknown;
        };
        PageMeta: {
            page: number;
            per_page: number;
            total_pages: number;
            total_count: number;
        };
        WhatsappTemplateList: {
            data: components["schemas"]["WhatsappTemplate"][];
            meta: components["schemas"]["PageMeta"];
        };
        /** @description The API's general error body. */
        Error: {
            /** @example Not found */
            error: string;
            /** @example 404 */
            status?: number;
            /** @example WhatsApp template not found */
            message?: string;
        };
        /** @description WhatsApp did not accept the message. */
        ServiceError: {
            /** @enum {string} */
            status: "error";
            /** @example Failed to send template message: (#131026) Message undeliverable */
            message: string;
        };
    };
    responses: {
        /** @description The API key is missing or not valid. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "Unauthorized",
                 *       "status": 401,
                 *       "message": "Invalid or missing API key"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No template has this id. */
        TemplateNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "Not found",
                 *       "status": 404,
                 *       "message": "WhatsApp template not found"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request's parameters are not valid. */
        InvalidRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "Validation failed",
                 *       "status": 422,
                 *       "message": "per_page must be between 1 and 100"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too many requests for this API key in the current minute. */
        RateLimited: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "Rate limit exceeded"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Something went wrong on the server. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "Internal server error",
                 *       "status": 500,
                 *       "message": "Something went wrong, please try again later"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description The template's id. */
        TemplateId: string;
    };
    requestBodies: never;
    headers: {
        /** @description Requests allowed per minute for this API key. */
        "X-RateLimit-Limit": number;
        /** @description Requests left in the current minute. */
        "X-RateLimit-Remaining": number;
        /** @description Seconds to wait before trying again. */
        "Retry-After": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listWhatsappTemplates: {
        parameters: {
            query?: {
                /** @description Page number, starting at 1. */
                page?: number;
                /** @description Templates per page. */
                per_page?: number;
                /** @description Only templates that belong to this customer. */
                customer_id?: string;
                /**
                 * @description Only templates of this WhatsApp Business Account (Meta's numeric id, as a string).
                 * @example 102290129340398
                 */
                business_account_id?: string;
                /** @description Only templates that this WhatsApp number (a Kapso WhatsApp configuration) can send. */
                whatsapp_config_id?: string;
                /**
                 * @description Filters, sent as `q[name_cont]=...`, `q[status_eq]=...` and so on. The API reads each
                 *     `q[...]` filter as a query parameter of its own; described here as one `deepObject`,
                 *     which puts the same names on the wire.
                 */
                q?: components["schemas"]["TemplateFilters"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of templates. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *           "name": "appointment_reminder",
                     *           "language_code": "en_US",
                     *           "category": "UTILITY",
                     *           "status": "approved",
                     *           "content": "Hi {{1}}, this is a reminder of your appointment on {{2}}.",
                     *           "parameter_count": 2,
                     *           "business_account_id": "102290129340398",
                     *           "whatsapp_config_ids": [
                     *             "3c90c3cc-0d44-4b50-8888-8dd25736052a"
                     *           ],
                     *           "components": [
                     *             {
                     *               "type": "HEADER",
                     *               "format": "IMAGE",
                     *               "example": {
                     *                 "header_handle": [
                     *                   "https://example.com/header-image.jpg"
                     *                 ]
                     *               }
                     *             },
                     *             {
                     *               "type": "BODY",
                     *               "text": "Hi {{1}}, this is a reminder of your appointment on {{2}}.",
                     *               "example": {
                     *                 "body_text": [
                     *                   [
                     *                     "John Smith",
                     *                     "Tomorrow at 2 PM"
                     *                   ]
                     *                 ]
                     *               }
                     *             },
                     *             {
                     *               "type": "FOOTER",
                     *               "text": "Reply STOP to opt out"
                     *             }
                     *           ],
                     *           "metadata": {},
                     *           "created_at": "2025-03-01T09:30:00Z",
                     *           "updated_at": "2025-03-02T11:00:00Z"
                     *         },
                     *         {
                     *           "id": "4e8b1d2c-7f3a-4c6e-9b5d-2a1f8e7c6d3b",
                     *           "name": "order_shipped",
                     *           "language_code": "en_US",
                     *           "category": "UTILITY",
                     *           "status": "approved",
                     *           "content": "Hi {{1}}, your order {{2}} is on its way.",
                     *           "parameter_count": 2,
                     *           "business_account_id": "102290129340398",
                     *           "whatsapp_config_ids": [
                     *             "3c90c3cc-0d44-4b50-8888-8dd25736052a"
                     *           ],
                     *           "components": [
                     *             {
                     *               "type": "BODY",
                     *               "text": "Hi {{1}}, your order {{2}} is on its way.",
                     *               "example": {
                     *                 "body_text": [
                     *                   [
                     *                     "John Smith",
                     *                     "1042"
                     *                   ]
                     *                 ]
                     *               }
                     *             },
                     *             {
                     *               "type": "BUTTONS",
                     *               "buttons": [
                     *                 {
                     *                   "type": "URL",
                     *                   "text": "Track order",
                     *                   "url": "https://example.com/track/{{1}}",
                     *                   "example": [
                     *                     "https://example.com/track/ABC123"
                     *                   ]
                     *                 },
                     *                 {
                     *                   "type": "QUICK_REPLY",
                     *                   "text": "Stop updates"
                     *                 }
                     *               ]
                     *             }
                     *           ],
                     *           "metadata": {},
                     *           "created_at": "2025-02-20T10:15:00Z",
                     *           "updated_at": "2025-02-20T10:15:00Z"
                     *         }
                     *       ],
                     *       "meta": {
                     *         "page": 1,
                     *         "per_page": 20,
                     *         "total_pages": 1,
                     *         "total_count": 2
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["WhatsappTemplateList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["InvalidRequest"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getWhatsappTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The template's id. */
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "id": "8d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
                     *         "name": "order_update",
                     *         "language_code": "en_US",
                     *         "category": "UTILITY",
                     *         "status": "approved",
                     *         "content": "Hello {{customer_name}}, your order {{order_number}} has shipped.",
                     *         "parameter_count": 2,
                     *         "business_account_id": null,
                     *         "whatsapp_config_ids": [],
                     *         "components": [
                     *           {
                     *             "type": "HEADER",
                     *             "format": "TEXT",
                     *             "text": "Order update"
                     *           },
                     *           {
                     *             "type": "BODY",
                     *             "text": "Hello {{customer_name}}, your order {{order_number}} has shipped.",
                     *             "example": {
                     *               "body_text_named_params": [
                     *                 {
                     *                   "param_name": "customer_name",
                     *                   "example": "John"
                     *                 },
                     *                 {
                     *                   "param_name": "order_number",
                     *                   "example": "1042"
                     *                 }
                     *               ]
                     *             }
                     *           }
                     *         ],
                     *         "metadata": {
                     *           "source": "dashboard"
                     *         },
                     *         "created_at": "2025-04-10T08:00:00Z",
                     *         "updated_at": "2025-04-10T08:00:00Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        data: components["schemas"]["WhatsappTemplate"];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["TemplateNotFound"];
            422: components["responses"]["InvalidRequest"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    sendWhatsappTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The template's id. */
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendTemplateBody"];
            };
        };
        responses: {
            /** @description The message was handed to WhatsApp. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "message": "Template message sent successfully",
                     *       "template_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
                     *       "template_name": "appointment_reminder",
                     *       "response": {
                     *         "messaging_product": "whatsapp",
                     *         "contacts": [
                     *           {
                     *             "input": "+123456789012",
                     *             "wa_id": "123456789012"
                     *           }
                     *         ],
                     *         "messages": [
                     *           {
                     *             "id": "wamid.HBgLMTIzNDU2Nzg5MDEyFQIAERgSQUJDREVGMDEyMzQ1Njc4OQA=",
                     *             "message_status": "accepted"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SendTemplateResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["TemplateNotFound"];
            /** @description The request or its parameters do not fit the template. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "Template requires 2 parameters, but 1 were provided"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
            /** @description WhatsApp refused or failed to deliver the message to its network. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "error",
                     *       "message": "Failed to send template message: (#131026) Message undeliverable"
                     *     }
                     */
                    "application/json": components["schemas"]["ServiceError"];
                };
            };
        };
    };
}
