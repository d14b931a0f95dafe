import * as z from 'zod/mini';
import * as C from '@consent-kit/contract';
import { esc } from './hosted/html.js';

/**
 * The OpenAPI 3.1 document, generated from the contract's zod schemas (`z.toJSONSchema`, JSON Schema 2020-12 as
 * OpenAPI 3.1 uses), plus a server-rendered reference page (no scripts, no CDN).
 */

type Schema = z.core.$ZodType;

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  /** `apiKey` only, or also a company `bearer` token. `none` for public documents. */
  auth: 'apiKey' | 'both' | 'none';
  body?: string;
  status: number;
  response?: string;
  paged?: boolean;
  query?: { name: string; description: string; required?: boolean }[];
  errors?: number[];
  extension?: boolean;
}

const SCHEMAS: Record<string, Schema> = {
  Company: C.Company,
  CompanyDetails: C.CompanyDetails,
  CreateCompanyRequest: C.CreateCompanyRequest,
  PatchCompanyRequest: C.PatchCompanyRequest,
  Connection: C.Connection,
  CreateConnectionRequest: C.CreateConnectionRequest,
  UpdateConnectionStatusRequest: C.UpdateConnectionStatusRequest,
  UpdateConnectionAuthorizationRequest: z.record(z.string(), z.string()),
  Integration: C.Integration,
  Branding: C.Branding,
  AccessToken: C.AccessToken,
  Profile: C.Profile,
  CorsSettings: C.CorsSettings,
  DataStatuses: C.DataStatuses,
  PullOperation: C.PullOperation,
  DataRecord: C.DataRecord,
  WebhookConsumer: C.WebhookConsumer,
  WebhookConsumers: z.object({ results: z.array(C.WebhookConsumer) }),
  CreateWebhookConsumerRequest: C.CreateWebhookConsumerRequest,
  CreatedWebhookConsumer: C.CreatedWebhookConsumer,
  WebhookDelivery: C.WebhookDelivery,
  WebhookEvent: C.WebhookEvent,
  Product: C.Product,
  ConsentRecord: C.ConsentRecord,
  ConsentEvent: C.ConsentEvent,
  GrantConsentRequest: C.GrantConsentRequest,
  AmendConsentRequest: C.AmendConsentRequest,
  WithdrawConsentRequest: C.WithdrawConsentRequest,
  ErrorBody: C.ErrorBody,
  ClockRequest: z.object({
    advanceDays: z.optional(z.number()),
    advanceMs: z.optional(z.int()),
    now: z.optional(z.iso.datetime({ offset: true })),
  }),
  ClockState: z.object({ now: C.DateTime, offsetMs: z.number() }),
};

const PAGED = [
  'Company',
  'Connection',
  'Integration',
  'PullOperation',
  'DataRecord',
  'WebhookDelivery',
  'Product',
  'ConsentRecord',
];

const CO = '/companies/{companyId}';
export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/companies',
    summary: 'List companies',
    tag: 'Companies',
    auth: 'apiKey',
    status: 200,
    response: 'Company',
    paged: true,
    query: [{ name: 'tags', description: 'Filter by a tag: key=value' }],
  },
  {
    method: 'post',
    path: '/companies',
    summary: 'Create a company',
    tag: 'Companies',
    auth: 'apiKey',
    body: 'CreateCompanyRequest',
    status: 200,
    response: 'Company',
  },
  {
    method: 'get',
    path: CO,
    summary: 'Get a company',
    tag: 'Companies',
    auth: 'both',
    status: 200,
    response: 'Company',
  },
  {
    method: 'put',
    path: CO,
    summary: 'Replace a company',
    tag: 'Companies',
    auth: 'apiKey',
    body: 'CreateCompanyRequest',
    status: 200,
    response: 'Company',
  },
  {
    method: 'patch',
    path: CO,
    summary: 'Update a company',
    tag: 'Companies',
    auth: 'apiKey',
    body: 'PatchCompanyRequest',
    status: 200,
    response: 'Company',
  },
  {
    method: 'delete',
    path: CO,
    summary: 'Delete a company and its data',
    tag: 'Companies',
    auth: 'apiKey',
    status: 204,
  },
  {
    method: 'put',
    path: `${CO}/products/{productIdentifier}`,
    summary: 'Add a product',
    tag: 'Companies',
    auth: 'apiKey',
    status: 204,
  },
  {
    method: 'delete',
    path: `${CO}/products/{productIdentifier}`,
    summary: 'Remove a product',
    tag: 'Companies',
    auth: 'apiKey',
    status: 204,
  },
  {
    method: 'post',
    path: `${CO}/products/{productIdentifier}/refresh`,
    summary: 'Refresh product data',
    tag: 'Companies',
    auth: 'apiKey',
    status: 202,
  },
  {
    method: 'get',
    path: `${CO}/accessToken`,
    summary: 'Issue a company-scoped access token',
    tag: 'Companies',
    auth: 'apiKey',
    status: 200,
    response: 'AccessToken',
  },
  {
    method: 'get',
    path: `${CO}/connections`,
    summary: 'List connections',
    tag: 'Connections',
    auth: 'both',
    status: 200,
    response: 'Connection',
    paged: true,
  },
  {
    method: 'post',
    path: `${CO}/connections`,
    summary: 'Create a connection (PendingAuth, with linkUrl)',
    tag: 'Connections',
    auth: 'both',
    body: 'CreateConnectionRequest',
    status: 200,
    response: 'Connection',
    errors: [409],
  },
  {
    method: 'get',
    path: `${CO}/connections/{connectionId}`,
    summary: 'Get a connection',
    tag: 'Connections',
    auth: 'both',
    status: 200,
    response: 'Connection',
  },
  {
    method: 'patch',
    path: `${CO}/connections/{connectionId}`,
    summary: 'Unlink a connection (keeps data)',
    tag: 'Connections',
    auth: 'both',
    body: 'UpdateConnectionStatusRequest',
    status: 200,
    response: 'Connection',
    errors: [409],
  },
  {
    method: 'delete',
    path: `${CO}/connections/{connectionId}`,
    summary: 'Delete a connection and its data',
    tag: 'Connections',
    auth: 'both',
    status: 200,
  },
  {
    method: 'put',
    path: `${CO}/connections/{connectionId}/authorization`,
    summary: 'Update authorization',
    tag: 'Connections',
    auth: 'both',
    body: 'UpdateConnectionAuthorizationRequest',
    status: 200,
    response: 'Connection',
  },
  {
    method: 'get',
    path: `${CO}/dataStatus`,
    summary: 'Data status per data type',
    tag: 'Data',
    auth: 'both',
    status: 200,
    response: 'DataStatuses',
  },
  {
    method: 'get',
    path: `${CO}/data/history`,
    summary: 'Pull operations',
    tag: 'Data',
    auth: 'both',
    status: 200,
    response: 'PullOperation',
    paged: true,
  },
  {
    method: 'get',
    path: `${CO}/data/history/{datasetId}`,
    summary: 'One pull operation',
    tag: 'Data',
    auth: 'both',
    status: 200,
    response: 'PullOperation',
  },
  {
    method: 'post',
    path: `${CO}/data/all`,
    summary: 'Refresh all data',
    tag: 'Data',
    auth: 'both',
    status: 204,
  },
  {
    method: 'post',
    path: `${CO}/data/queue/{dataType}`,
    summary: 'Refresh one data type',
    tag: 'Data',
    auth: 'both',
    status: 200,
    response: 'PullOperation',
    query: [{ name: 'connectionId', description: 'Only this connection' }],
    errors: [409],
  },
  {
    method: 'get',
    path: `${CO}/data/{dataType}`,
    summary: 'Read synced data for a product (consent-checked)',
    tag: 'Data',
    auth: 'both',
    status: 200,
    response: 'DataRecord',
    paged: true,
    query: [{ name: 'product', description: 'Product whose consent covers the read', required: true }],
    errors: [403],
    extension: true,
  },
  {
    method: 'get',
    path: '/integrations',
    summary: 'List integrations',
    tag: 'Integrations',
    auth: 'both',
    status: 200,
    response: 'Integration',
    paged: true,
  },
  {
    method: 'get',
    path: '/integrations/{platformKey}',
    summary: 'Get an integration',
    tag: 'Integrations',
    auth: 'both',
    status: 200,
    response: 'Integration',
  },
  {
    method: 'get',
    path: '/integrations/{platformKey}/branding',
    summary: 'Get branding',
    tag: 'Integrations',
    auth: 'both',
    status: 200,
    response: 'Branding',
  },
  {
    method: 'get',
    path: '/webhooks',
    summary: 'List webhook consumers',
    tag: 'Webhooks',
    auth: 'apiKey',
    status: 200,
    response: 'WebhookConsumers',
  },
  {
    method: 'post',
    path: '/webhooks',
    summary: 'Create a webhook consumer (returns its secret once)',
    tag: 'Webhooks',
    auth: 'apiKey',
    body: 'CreateWebhookConsumerRequest',
    status: 201,
    response: 'CreatedWebhookConsumer',
  },
  {
    method: 'get',
    path: '/webhooks/{webhookId}',
    summary: 'Get a webhook consumer',
    tag: 'Webhooks',
    auth: 'apiKey',
    status: 200,
    response: 'WebhookConsumer',
  },
  {
    method: 'delete',
    path: '/webhooks/{webhookId}',
    summary: 'Delete a webhook consumer',
    tag: 'Webhooks',
    auth: 'apiKey',
    status: 204,
  },
  {
    method: 'get',
    path: '/webhooks/{webhookId}/deliveries',
    summary: 'Delivery log',
    tag: 'Webhooks',
    auth: 'apiKey',
    status: 200,
    response: 'WebhookDelivery',
    paged: true,
    extension: true,
  },
  {
    method: 'get',
    path: '/profile',
    summary: 'Client profile',
    tag: 'Settings',
    auth: 'both',
    status: 200,
    response: 'Profile',
  },
  {
    method: 'put',
    path: '/profile',
    summary: 'Update the client profile',
    tag: 'Settings',
    auth: 'apiKey',
    body: 'Profile',
    status: 200,
    response: 'Profile',
  },
  {
    method: 'get',
    path: '/corsSettings',
    summary: 'Allowed browser origins',
    tag: 'Settings',
    auth: 'apiKey',
    status: 200,
    response: 'CorsSettings',
  },
  {
    method: 'post',
    path: '/corsSettings',
    summary: 'Set allowed browser origins',
    tag: 'Settings',
    auth: 'apiKey',
    body: 'CorsSettings',
    status: 200,
    response: 'CorsSettings',
  },
  {
    method: 'get',
    path: '/products',
    summary: 'List products (use cases)',
    tag: 'Consent ledger',
    auth: 'both',
    status: 200,
    response: 'Product',
    paged: true,
    extension: true,
  },
  {
    method: 'get',
    path: '/products/{productIdentifier}',
    summary: 'Get a product',
    tag: 'Consent ledger',
    auth: 'both',
    status: 200,
    response: 'Product',
    extension: true,
  },
  {
    method: 'get',
    path: `${CO}/consents`,
    summary: 'List consent records',
    tag: 'Consent ledger',
    auth: 'both',
    status: 200,
    response: 'ConsentRecord',
    paged: true,
    extension: true,
  },
  {
    method: 'post',
    path: `${CO}/consents`,
    summary: 'Grant consent',
    tag: 'Consent ledger',
    auth: 'both',
    body: 'GrantConsentRequest',
    status: 201,
    response: 'ConsentRecord',
    errors: [409],
    extension: true,
  },
  {
    method: 'get',
    path: `${CO}/consents/{consentId}`,
    summary: 'Get a consent record',
    tag: 'Consent ledger',
    auth: 'both',
    status: 200,
    response: 'ConsentRecord',
    extension: true,
  },
  {
    method: 'post',
    path: `${CO}/consents/{consentId}/amendments`,
    summary: 'Amend (additional data types or connections)',
    tag: 'Consent ledger',
    auth: 'both',
    body: 'AmendConsentRequest',
    status: 200,
    response: 'ConsentRecord',
    errors: [409],
    extension: true,
  },
  {
    method: 'post',
    path: `${CO}/consents/{consentId}/withdrawal`,
    summary: 'Withdraw consent',
    tag: 'Consent ledger',
    auth: 'both',
    body: 'WithdrawConsentRequest',
    status: 200,
    response: 'ConsentRecord',
    errors: [409],
    extension: true,
  },
  {
    method: 'get',
    path: '/_mock/clock',
    summary: 'Read the mock clock (test endpoints only)',
    tag: 'Mock',
    auth: 'none',
    status: 200,
    response: 'ClockState',
    extension: true,
  },
  {
    method: 'post',
    path: '/_mock/clock',
    summary: 'Move the mock clock forwards (test endpoints only)',
    tag: 'Mock',
    auth: 'none',
    body: 'ClockRequest',
    status: 200,
    response: 'ClockState',
    extension: true,
  },
  {
    method: 'post',
    path: '/_mock/reset',
    summary: 'Reset all state (test endpoints only)',
    tag: 'Mock',
    auth: 'none',
    status: 204,
    extension: true,
  },
];

const ERROR_TEXT: Record<number, string> = {
  400: 'Validation failed (see validation.errors) or malformed query',
  401: 'Missing or invalid credentials',
  403: 'Not allowed for these credentials (or consent missing)',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body larger than 100 kB',
  422: 'Idempotency-Key reused with another body',
  429: 'Too many requests (Retry-After)',
  500: 'Server error',
  503: 'Unavailable (Retry-After)',
};

function jsonSchema(schema: Schema, io: 'input' | 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete out.$schema;
  return out;
}

let cached: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const schemas: Record<string, unknown> = {};
  const requestNames = new Set(OPERATIONS.map((op) => op.body).filter(Boolean));
  for (const [name, schema] of Object.entries(SCHEMAS))
    schemas[name] = jsonSchema(schema, requestNames.has(name) ? 'input' : 'output');
  for (const name of PAGED) {
    schemas[`Paged${name}`] = {
      type: 'object',
      required: ['results', 'pageNumber', 'pageSize', 'totalResults', '_links'],
      properties: {
        results: { type: 'array', items: { $ref: `#/components/schemas/${name}` } },
        pageNumber: { type: 'integer' },
        pageSize: { type: 'integer' },
        totalResults: { type: 'integer' },
        _links: jsonSchema(C.PagingLinks, 'output'),
      },
    };
  }
  const pagingParams = [
    { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
    {
      name: 'pageSize',
      in: 'query',
      schema: { type: 'integer', minimum: 1, maximum: C.MAX_PAGE_SIZE, default: C.DEFAULT_PAGE_SIZE },
    },
    {
      name: 'query',
      in: 'query',
      schema: { type: 'string', maxLength: C.MAX_QUERY_LENGTH },
      description: 'Codat query language: = != ~ > < >= <= && || { }',
    },
    {
      name: 'orderBy',
      in: 'query',
      schema: { type: 'string' },
      description: 'field, or -field for descending',
    },
  ];
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const responses: Record<string, unknown> = {};
    const ref = op.response
      ? { $ref: `#/components/schemas/${op.paged ? `Paged${op.response}` : op.response}` }
      : undefined;
    responses[String(op.status)] = ref
      ? { description: 'OK', content: { 'application/json': { schema: ref } } }
      : { description: 'OK' };
    const errors = new Set([
      ...(op.body || op.paged ? [400] : []),
      ...(op.auth === 'none' ? [] : [401, 403, 429]),
      404,
      ...(op.errors ?? []),
      ...(op.method === 'post' ? [422] : []),
    ]);
    for (const code of [...errors].sort()) {
      responses[String(code)] = {
        description: ERROR_TEXT[code] ?? 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
      };
    }
    const operation: Record<string, unknown> = {
      summary: op.summary,
      tags: [op.tag],
      operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())}`,
      parameters: [
        ...pathParams,
        ...(op.paged ? pagingParams : []),
        ...(op.query ?? []).map((q) => ({
          name: q.name,
          in: 'query',
          required: q.required ?? false,
          description: q.description,
          schema: { type: 'string' },
        })),
        ...(op.method === 'post'
          ? [
              {
                name: 'Idempotency-Key',
                in: 'header',
                required: false,
                schema: { type: 'string', maxLength: 255 },
              },
            ]
          : []),
      ],
      responses,
      security:
        op.auth === 'none'
          ? []
          : op.auth === 'apiKey'
            ? [{ apiKey: [] }]
            : [{ apiKey: [] }, { companyToken: [] }],
    };
    if (op.extension) operation['x-consent-kit-extension'] = true;
    if (op.body)
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${op.body}` } } },
      };
    (paths[op.path] ??= {})[op.method] = operation;
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'consent-kit mock API',
      version: '0.1.0',
      description:
        "A mock of Codat's Platform API (companies, connections, integrations, data status, webhooks) plus consent-kit's consent ledger. Operations marked x-consent-kit-extension are not part of Codat's API.",
    },
    servers: [{ url: '/' }],
    tags: [...new Set(OPERATIONS.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    webhooks: {
      event: {
        post: {
          summary: 'Signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature)',
          requestBody: {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/WebhookEvent' } } },
          },
          responses: { '200': { description: 'Any 2xx acknowledges the delivery' } },
        },
      },
    },
    components: {
      schemas,
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'basic', description: 'Authorization: Basic base64(apiKey)' },
        companyToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'GET /companies/{companyId}/accessToken',
        },
      },
    },
  };
  return cached;
}

/** A browsable reference, server-rendered (no scripts). */
export function referencePage(): string {
  const doc = openApiDocument() as { components: { schemas: Record<string, unknown> } };
  const byTag = new Map<string, Operation[]>();
  for (const op of OPERATIONS) byTag.set(op.tag, [...(byTag.get(op.tag) ?? []), op]);
  const sections = [...byTag]
    .map(
      ([tag, ops]) =>
        `<section><h2 id="${esc(tag.replace(/\W+/g, '-'))}">${esc(tag)}</h2>${ops
          .map(
            (
              op,
            ) => `<article><h3><code class="m">${op.method.toUpperCase()}</code> <code>${esc(op.path)}</code></h3>
<p>${esc(op.summary)}${op.extension ? ' <em>(consent-kit extension)</em>' : ''}. Auth: ${op.auth === 'apiKey' ? 'API key' : op.auth === 'both' ? 'API key or company token' : 'none (test endpoints)'}. Success: ${op.status}${op.response ? ` <a href="#schema-${op.response}">${op.paged ? 'paged ' : ''}${esc(op.response)}</a>` : ''}${op.body ? `; body <a href="#schema-${op.body}">${esc(op.body)}</a>` : ''}.</p></article>`,
          )
          .join('')}</section>`,
    )
    .join('');
  const schemas = Object.entries(doc.components.schemas)
    .filter(([name]) => !name.startsWith('Paged'))
    .map(
      ([name, schema]) =>
        `<details id="schema-${esc(name)}"><summary>${esc(name)}</summary><pre>${esc(JSON.stringify(schema, null, 2))}</pre></details>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>consent-kit mock API reference</title><link rel="stylesheet" href="/docs/reference.css"></head>
<body><main><h1>consent-kit mock API reference</h1><p>The machine-readable document: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1, generated from the contract's zod schemas).</p>
<nav aria-label="Sections"><ul>${[...byTag.keys()].map((tag) => `<li><a href="#${esc(tag.replace(/\W+/g, '-'))}">${esc(tag)}</a></li>`).join('')}<li><a href="#schemas">Schemas</a></li></ul></nav>
${sections}<section><h2 id="schemas">Schemas</h2>${schemas}</section></main></body></html>`;
}

export const REFERENCE_CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1f2328;background:#fff}main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}
h3{font-size:1rem;margin:1.25rem 0 .25rem}code{font-family:ui-monospace,monospace}.m{display:inline-block;min-width:4.5rem;font-weight:700;color:#0b5cad}
pre{background:#f6f8fa;padding:1rem;overflow:auto;font-size:.8rem}summary{cursor:pointer;font-family:ui-monospace,monospace;padding:.2rem 0}a{color:#0b5cad}
nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}`;
