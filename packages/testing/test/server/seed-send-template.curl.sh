# The send example from the API's documentation, verbatim. The test changes only the host, and
# fills the documentation's `{template_id}` placeholder with the id its own answer names.
curl --request POST \
--url https://app.kapso.ai/api/v1/whatsapp_templates/{template_id}/send_template \
--header 'Content-Type: application/json' \
--header 'X-API-Key: <api-key>' \
--data '{
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
}'
