/**
 * GENERATED FILE - DO NOT EDIT.
 * Source: openapi/kapso.yaml. Regenerate with `pnpm generate` (packages/testing/scripts/generate.mjs).
 */

/** The operation ids of the spec. */
export type OperationId = "listWhatsappTemplates" | "getWhatsappTemplate" | "sendWhatsappTemplate";

/** The spec's examples: response bodies by operation and status, and named request bodies. */
export const specExamples = {
  "listWhatsappTemplates": {
    "responses": {
      "200": {
        "data": [
          {
            "id": "6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b",
            "name": "appointment_reminder",
            "language_code": "en_US",
            "category": "UTILITY",
            "status": "approved",
            "content": "Hi {{1}}, this is a reminder of your appointment on {{2}}.",
            "parameter_count": 2,
            "business_account_id": "102290129340398",
            "whatsapp_config_ids": [
              "3c90c3cc-0d44-4b50-8888-8dd25736052a"
            ],
            "components": [
              {
                "type": "HEADER",
                "format": "IMAGE",
                "example": {
                  "header_handle": [
                    "https://example.com/header-image.jpg"
                  ]
                }
              },
              {
                "type": "BODY",
                "text": "Hi {{1}}, this is a reminder of your appointment on {{2}}.",
                "example": {
                  "body_text": [
                    [
                      "John Smith",
                      "Tomorrow at 2 PM"
                    ]
                  ]
                }
              },
              {
                "type": "FOOTER",
                "text": "Reply STOP to opt out"
              }
            ],
            "metadata": {},
            "created_at": "2025-03-01T09:30:00Z",
            "updated_at": "2025-03-02T11:00:00Z"
          },
          {
            "id": "4e8b1d2c-7f3a-4c6e-9b5d-2a1f8e7c6d3b",
            "name": "order_shipped",
            "language_code": "en_US",
            "category": "UTILITY",
            "status": "approved",
            "content": "Hi {{1}}, your order {{2}} is on its way.",
            "parameter_count": 2,
            "business_account_id": "102290129340398",
            "whatsapp_config_ids": [
              "3c90c3cc-0d44-4b50-8888-8dd25736052a"
            ],
            "components": [
              {
                "type": "BODY",
                "text": "Hi {{1}}, your order {{2}} is on its way.",
                "example": {
                  "body_text": [
                    [
                      "John Smith",
                      "1042"
                    ]
                  ]
                }
              },
              {
                "type": "BUTTONS",
                "buttons": [
                  {
                    "type": "URL",
                    "text": "Track order",
                    "url": "https://example.com/track/{{1}}",
                    "example": [
                      "https://example.com/track/ABC123"
                    ]
                  },
                  {
                    "type": "QUICK_REPLY",
                    "text": "Stop updates"
                  }
                ]
              }
            ],
            "metadata": {},
            "created_at": "2025-02-20T10:15:00Z",
            "updated_at": "2025-02-20T10:15:00Z"
          }
        ],
        "meta": {
          "page": 1,
          "per_page": 20,
          "total_pages": 1,
          "total_count": 2
        }
      },
      "401": {
        "error": "Unauthorized",
        "status": 401,
        "message": "Invalid or missing API key"
      },
      "422": {
        "error": "Validation failed",
        "status": 422,
        "message": "per_page must be between 1 and 100"
      },
      "429": {
        "error": "Rate limit exceeded"
      },
      "500": {
        "error": "Internal server error",
        "status": 500,
        "message": "Something went wrong, please try again later"
      }
    },
    "requests": {}
  },
  "getWhatsappTemplate": {
    "responses": {
      "200": {
        "data": {
          "id": "8d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
          "name": "order_update",
          "language_code": "en_US",
          "category": "UTILITY",
          "status": "approved",
          "content": "Hello {{customer_name}}, your order {{order_number}} has shipped.",
          "parameter_count": 2,
          "business_account_id": null,
          "whatsapp_config_ids": [],
          "components": [
            {
              "type": "HEADER",
              "format": "TEXT",
              "text": "Order update"
            },
            {
              "type": "BODY",
              "text": "Hello {{customer_name}}, your order {{order_number}} has shipped.",
              "example": {
                "body_text_named_params": [
                  {
                    "param_name": "customer_name",
                    "example": "John"
                  },
                  {
                    "param_name": "order_number",
                    "example": "1042"
                  }
                ]
              }
            }
          ],
          "metadata": {
            "source": "dashboard"
          },
          "created_at": "2025-04-10T08:00:00Z",
          "updated_at": "2025-04-10T08:00:00Z"
        }
      },
      "401": {
        "error": "Unauthorized",
        "status": 401,
        "message": "Invalid or missing API key"
      },
      "404": {
        "error": "Not found",
        "status": 404,
        "message": "WhatsApp template not found"
      },
      "422": {
        "error": "Validation failed",
        "status": 422,
        "message": "per_page must be between 1 and 100"
      },
      "429": {
        "error": "Rate limit exceeded"
      },
      "500": {
        "error": "Internal server error",
        "status": 500,
        "message": "Something went wrong, please try again later"
      }
    },
    "requests": {}
  },
  "sendWhatsappTemplate": {
    "responses": {
      "200": {
        "status": "success",
        "message": "Template message sent successfully",
        "template_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "template_name": "appointment_reminder",
        "response": {
          "messaging_product": "whatsapp",
          "contacts": [
            {
              "input": "+123456789012",
              "wa_id": "123456789012"
            }
          ],
          "messages": [
            {
              "id": "wamid.HBgLMTIzNDU2Nzg5MDEyFQIAERgSQUJDREVGMDEyMzQ1Njc4OQA=",
              "message_status": "accepted"
            }
          ]
        }
      },
      "401": {
        "error": "Unauthorized",
        "status": 401,
        "message": "Invalid or missing API key"
      },
      "404": {
        "error": "Not found",
        "status": 404,
        "message": "WhatsApp template not found"
      },
      "422": {
        "error": "Template requires 2 parameters, but 1 were provided"
      },
      "429": {
        "error": "Rate limit exceeded"
      },
      "500": {
        "status": "error",
        "message": "Failed to send template message: (#131026) Message undeliverable"
      }
    },
    "requests": {
      "positional": {
        "template": {
          "phone_number": "+123456789012",
          "template_parameters": [
            "John Smith",
            "Tomorrow at 2 PM"
          ],
          "header_type": "image",
          "header_params": "https://example.com/header-image.jpg",
          "whatsapp_config_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a"
        }
      },
      "named": {
        "template": {
          "phone_number": "+14155550123",
          "template_parameters": {
            "customer_name": "John",
            "order_number": "1042"
          },
          "header_type": "text",
          "header_params": "Order update"
        }
      },
      "document": {
        "template": {
          "phone_number": "+447700900123",
          "template_parameters": [
            "INV-2041"
          ],
          "header_type": "document",
          "header_params": "https://example.com/invoice.pdf",
          "header_filename": "invoice.pdf"
        }
      },
      "url_button": {
        "template": {
          "phone_number": "+14155550123",
          "template_parameters": [
            "John Smith",
            "1042"
          ],
          "button_url_params": {
            "0": "ABC123"
          }
        }
      },
      "documentation": {
        "template": {
          "phone_number": "+123456789012",
          "template_parameters": [
            "John Smith",
            "Tomorrow at 2 PM"
          ],
          "header_type": "image",
          "header_params": "https://example.com/header-image.jpg",
          "header_filename": "invoice.pdf",
          "whatsapp_config_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
          "customer_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a"
        }
      }
    }
  }
} as const;
