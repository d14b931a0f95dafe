import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import * as f from '../test/fixtures.js';
import {
  AccessToken,
  AmendConsentRequest,
  BUSINESS_NAME_TAG,
  businessNameKey,
  Branding,
  Company,
  CompanyDetails,
  ConsentEvent,
  ConsentRecord,
  Connection,
  CorsSettings,
  CreateCompanyRequest,
  CreateConnectionRequest,
  CreateWebhookConsumerRequest,
  CreatedWebhookConsumer,
  CONNECTION_STATUSES,
  DataStatuses,
  DateTime,
  ErrorBody,
  GrantConsentRequest,
  HttpUrl,
  Integration,
  PagingQuery,
  PatchCompanyRequest,
  Product,
  Profile,
  PullOperation,
  Tags,
  UpdateConnectionStatusRequest,
  WEBHOOK_EVENT_TYPES,
  WebhookConsumer,
  WebhookDelivery,
  WebhookEvent,
  WithdrawConsentRequest,
  describeIssue,
  formatZodError,
  linkResultParams,
  paged,
  parseLinkResult,
  toValidationItems,
} from './index.js';

/** Parses and returns the readable failure text; fails the test when the value was accepted. */
function rejection(schema: z.ZodMiniType, value: unknown): string {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`expected ${JSON.stringify(value)} to be rejected`);
  return formatZodError(result.error);
}

const clone = <T>(value: T): T => structuredClone(value);

describe('every wire schema accepts a realistic example', () => {
  const cases: [string, z.ZodMiniType, unknown][] = [
    ['Company', Company, f.company],
    ['CompanyDetails', CompanyDetails, (({ dataConnections: _d, ...details }) => details)(f.company)],
    ['Connection (banking, Linked)', Connection, f.connection],
    ['Connection (accounting, with errors)', Connection, f.xeroConnection],
    ['Integration', Integration, f.integration],
    ['Branding', Branding, f.branding],
    ['PullOperation', PullOperation, f.pullOperation],
    ['DataStatuses', DataStatuses, f.dataStatuses],
    ['AccessToken', AccessToken, f.accessToken],
    ['Profile (redirect URL template)', Profile, f.profile],
    ['CorsSettings', CorsSettings, f.corsSettings],
    ['ErrorBody (409)', ErrorBody, f.errorBody],
    ['ErrorBody (400 with validation)', ErrorBody, f.validationErrorBody],
    ['WebhookConsumer', WebhookConsumer, f.webhookConsumer],
    [
      'CreatedWebhookConsumer',
      CreatedWebhookConsumer,
      { ...f.webhookConsumer, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
    ],
    ['WebhookDelivery', WebhookDelivery, f.webhookDelivery],
    ['Product', Product, f.product],
    ['ConsentEvent', ConsentEvent, f.consentEvent],
    ['ConsentRecord', ConsentRecord, f.consentRecord],
    ['WebhookEvent connection.connected', WebhookEvent, f.connectionConnectedEvent],
    ['WebhookEvent read.completed', WebhookEvent, f.readCompletedEvent],
    ['WebhookEvent consent.given', WebhookEvent, f.consentGivenEvent],
    [
      'paged(Company)',
      paged(Company),
      {
        results: [f.company],
        pageNumber: 1,
        pageSize: 100,
        totalResults: 1,
        _links: { self: { href: '/companies' }, current: { href: '/companies?page=1&pageSize=100' } },
      },
    ],
    [
      'CreateCompanyRequest',
      CreateCompanyRequest,
      { name: "Bob's Burgers & Co.", description: 'Lending prospect', tags: { region: 'uk' } },
    ],
    ['PatchCompanyRequest', PatchCompanyRequest, { tags: { segment: 'smb' } }],
    ['CreateConnectionRequest', CreateConnectionRequest, { platformKey: 'gbol' }],
    ['UpdateConnectionStatusRequest', UpdateConnectionStatusRequest, { status: 'Unlinked' }],
    [
      'CreateWebhookConsumerRequest',
      CreateWebhookConsumerRequest,
      { url: 'https://lender.example.com/hooks', eventTypes: ['company.created'] },
    ],
    ['AmendConsentRequest', AmendConsentRequest, { dataTypes: { Commerce: ['commerce-orders'] } }],
    ['WithdrawConsentRequest', WithdrawConsentRequest, { reason: 'No longer applying for the loan' }],
  ];

  it.each(cases)('%s', (_name, schema, example) => {
    const result = schema.safeParse(example);
    if (!result.success) throw new Error(formatZodError(result.error));
    // Known fields survive parsing unchanged.
    expect(result.data).toMatchObject(example as object);
  });

  it('strips unknown fields on read models (forward compatible) but keeps the known ones', () => {
    const parsed = Company.parse({ ...f.company, ownerUserIds: ['3f1a2b4c-5d6e-7f80-91a2-b3c4d5e6f708'] });
    expect(parsed).not.toHaveProperty('ownerUserIds');
    expect(parsed.dataConnections?.map((c) => c.platformName)).toEqual(['Basiq', 'Xero']);
  });

  it('fills request defaults', () => {
    const grant = GrantConsentRequest.parse({
      productIdentifier: 'lending',
      connectionIds: [f.connectionId],
    });
    expect(grant).toEqual({
      productIdentifier: 'lending',
      connectionIds: [f.connectionId],
      language: 'en',
      collectionMethod: 'web-form',
    });
    expect(PagingQuery.parse({})).toEqual({ page: 1, pageSize: 100 });
    expect(PagingQuery.parse({ page: '3', pageSize: '50', orderBy: '-created' })).toEqual({
      page: 3,
      pageSize: 50,
      orderBy: '-created',
    });
  });

  it('accepts the date-time forms Codat documents, and rejects non-dates', () => {
    for (const value of [
      '2021-11-15T06:00:00Z',
      '2021-11-15T01:00:00-05:00',
      '2021-11-15T01:00:00',
      '2022-11-10T10:45:18.1950523Z',
    ]) {
      expect(DateTime.safeParse(value).success, value).toBe(true);
    }
    expect(rejection(DateTime, 'yesterday')).toBe('value must be a valid datetime');
    expect(rejection(DateTime, '2021-13-40T00:00:00Z')).toBe('value must be a valid datetime');
  });
});

describe('malformed objects are rejected with a readable message', () => {
  it('Connection: unknown status, bad uuid, javascript: link', () => {
    const bad = {
      ...clone(f.connection),
      status: 'Connected',
      id: 'not-a-uuid',
      linkUrl: 'javascript:alert(1)',
    };
    const text = rejection(Connection, bad);
    expect(text).toContain('id must be a valid uuid');
    expect(text).toContain('linkUrl must be a valid url');
    expect(text).toContain(`status must be one of ${CONNECTION_STATUSES.map((s) => `"${s}"`).join(', ')}`);
  });

  it('Company: missing required redirect, wrong type of name', () => {
    const { redirect: _redirect, ...withoutRedirect } = clone(f.company);
    expect(rejection(Company, { ...withoutRedirect, name: 42 })).toBe(
      'name must be string; redirect must be string',
    );
  });

  it('Company: nested connection errors carry their path', () => {
    const bad = clone(f.company);
    bad.dataConnections[1]!.sourceType = 'Crypto';
    expect(rejection(Company, bad)).toMatch(/^dataConnections\.1\.sourceType must be one of "Accounting", /);
  });

  it('Integration: platform key must be four lowercase letters', () => {
    expect(rejection(Integration, { ...f.integration, key: 'XERO1' })).toBe(
      'key must be four lowercase letters',
    );
  });

  it('CreateCompanyRequest: empty name, illegal characters, unknown fields, too many tags', () => {
    expect(rejection(CreateCompanyRequest, { name: '' })).toContain('name must not be empty');
    expect(rejection(CreateCompanyRequest, { name: 'Acme <script>' })).toBe(
      "name may only contain letters, digits, spaces and -',&@.?!",
    );
    expect(rejection(CreateCompanyRequest, { name: 'Acme', id: 'x' })).toBe('value has unknown field(s) id');
    const tags = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`tag${i}`, 'x']));
    expect(rejection(Tags, tags)).toBe('value must have at most 10 tags');
    expect(rejection(Tags, { ['k'.repeat(28)]: 'v' })).toBe(
      `${'k'.repeat(28)} is not an allowed key: it must be at most 27 characters`,
    );
  });

  it('PagingQuery: out-of-range paging and a malformed orderBy', () => {
    expect(rejection(PagingQuery, { page: '0', pageSize: '5001', orderBy: 'name desc' })).toBe(
      'page must be at least 1; pageSize must be at most 5000; orderBy must be a field name, optionally prefixed by -',
    );
  });

  it('AccessToken: only Bearer tokens with a positive lifetime', () => {
    expect(rejection(AccessToken, { ...f.accessToken, tokenType: 'Basic', expiresIn: 0 })).toBe(
      'expiresIn must be greater than 0; tokenType must be one of "Bearer"',
    );
  });

  it('CorsSettings: an origin has no path', () => {
    expect(rejection(CorsSettings, { allowedOrigins: ['https://app.example.com/path'] })).toBe(
      'allowedOrigins.0 must be an origin like https://app.example.com',
    );
  });

  it('HttpUrl: only http(s)', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://files.example.com', 'not a url']) {
      expect(rejection(HttpUrl, url), url).toBe('value must be a valid url');
    }
  });

  it('WebhookEvent: unknown event types list the known ones; payloads are checked per event type', () => {
    const unknown = rejection(WebhookEvent, {
      ...f.connectionConnectedEvent,
      eventType: 'connection.exploded',
    });
    expect(unknown).toBe(`eventType must be one of ${WEBHOOK_EVENT_TYPES.map((t) => `"${t}"`).join(', ')}`);
    // A read.completed envelope around a connection payload is wrong.
    const mismatched = rejection(WebhookEvent, {
      ...f.connectionConnectedEvent,
      eventType: 'read.completed',
    });
    expect(mismatched).toContain('payload.dataTypes must be array');
  });

  it('ConsentRecord: records are ISO 27560 shaped', () => {
    const text = rejection(ConsentRecord, {
      ...clone(f.consentRecord),
      schema: 'GDPR',
      collectionMethod: 'phone',
    });
    expect(text).toContain('schema must be one of "ISO/IEC TS 27560:2023"');
    expect(text).toContain('collectionMethod must be one of "web-form", "additional-consent", "api"');
  });

  it('Product: identifiers are lowercase and data types are real', () => {
    const text = rejection(Product, {
      ...clone(f.product),
      identifier: 'Lending',
      dataTypes: { Accounting: ['invoicez'] },
    });
    expect(text).toContain('identifier must be a lowercase identifier');
    expect(text).toMatch(/dataTypes\.Accounting\.0 must be one of "accountTransactions"/);
  });

  it('CreateWebhookConsumerRequest: at least one event type', () => {
    expect(rejection(CreateWebhookConsumerRequest, { url: 'https://x.example.com', eventTypes: [] })).toBe(
      'eventTypes must not be empty',
    );
  });

  it('ErrorBody: status code must be an integer', () => {
    expect(rejection(ErrorBody, { ...f.errorBody, statusCode: '409' })).toBe('statusCode must be number');
  });
});

describe('error helpers', () => {
  it('describeIssue prefixes the path and uses the custom message when given', () => {
    const result = CreateCompanyRequest.safeParse({ name: 'Bad|name', tags: { region: 5 } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map(describeIssue)).toEqual([
      "name may only contain letters, digits, spaces and -',&@.?!",
      'tags.region must be string',
    ]);
  });

  it('describeIssue names the root "value"', () => {
    const result = CorsSettings.safeParse('nope');
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssue(result.error.issues[0]!)).toBe('value must be object');
  });

  it('toValidationItems produces Codat validation items that ErrorBody accepts', () => {
    const result = PagingQuery.safeParse({ pageSize: 0 });
    expect(result.success).toBe(false);
    if (result.success) return;
    const items = toValidationItems(result.error);
    expect(items).toEqual([
      { itemId: 'pageSize', message: 'pageSize must be at least 1', validatorName: 'too_small' },
    ]);
    const body = ErrorBody.parse({ ...f.validationErrorBody, validation: { errors: items, warnings: [] } });
    expect(body.validation?.errors?.[0]?.message).toBe('pageSize must be at least 1');
  });
});

describe('Link redirect helpers', () => {
  it('parses a successful redirect and writes it back', () => {
    const params = new URLSearchParams(
      `statusCode=200&companyId=${f.companyId}&connectionId=${f.connectionId}&platform=gbol&sourceType=Accounting`,
    );
    const result = parseLinkResult(params);
    expect(result).toEqual({
      ok: true,
      statusCode: 200,
      companyId: f.companyId,
      connectionId: f.connectionId,
      platform: 'gbol',
      sourceType: 'Accounting',
    });
    expect(parseLinkResult(linkResultParams(result!))).toEqual(result);
  });

  it('maps a cancelled flow to a user-recoverable error', () => {
    const result = parseLinkResult(
      new URLSearchParams(`statusCode=403&companyId=${f.companyId}&error=usr_opt_out`),
    );
    expect(result).toMatchObject({
      ok: false,
      statusCode: 403,
      error: 'usr_opt_out',
      errorDescription: 'User cancelled',
      userRecoverable: true,
    });
    expect(parseLinkResult(new URLSearchParams('foo=bar'))).toBeNull();
    expect(parseLinkResult(new URLSearchParams('statusCode=banana'))).toMatchObject({
      ok: false,
      statusCode: 500,
      error: 'server_error',
    });
  });
});

describe('business name key (the apps’ tag convention)', () => {
  it('ignores case and runs of whitespace, and fits a tag value', () => {
    expect(businessNameKey('  Harbour   Coffee\tRoasters ')).toBe('harbour coffee roasters');
    const long = businessNameKey(`B${'a'.repeat(150)}`);
    expect(long).toHaveLength(100);
    expect(Tags.safeParse({ [BUSINESS_NAME_TAG]: long }).success).toBe(true);
  });
});
