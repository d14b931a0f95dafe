import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.js';
import { fileStore, memoryStore, type Store } from '../server/store.js';
import { SUMMARY_DATA_TYPES } from '../server/summary.js';
import { FakeGateway } from './fake-gateway.js';

const VALID = {
  businessName: 'Harbour Coffee Roasters',
  registrationNumber: '12345678',
  industry: 'Hospitality',
  loanAmount: '25,000',
  termMonths: '24',
  purpose: 'Equipment',
  contactName: 'Ada Lovelace',
  email: 'Ada@Example.com',
  phone: '',
  acceptTerms: true,
};

let gateway: FakeGateway;
let store: Store;

beforeEach(() => {
  gateway = new FakeGateway();
  store = memoryStore();
});

function app(s: Store = store) {
  return createApp({ gateway, store: s });
}

async function signUp(agent = request.agent(app())) {
  const res = await agent.post('/api/applicants').send(VALID).expect(201);
  return {
    agent,
    body: res.body as { applicant: { id: string; companyId: string }; application: { status: string } },
  };
}

describe('security', () => {
  it('sends a strict CSP (API origin only, Trusted Types) and the other security headers on every response', async () => {
    const res = await request(app()).get('/api/options').expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("img-src 'self' http://api.test:4999 data:");
    expect(csp).toContain("connect-src 'self' http://api.test:4999");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers malformed JSON, oversized bodies and other content types with Codat-style errors, never a stack', async () => {
    const bad = await request(app())
      .post('/api/applicants')
      .set('content-type', 'application/json')
      .send('{"businessName":')
      .expect(400);
    expect(bad.body).toMatchObject({
      statusCode: 400,
      service: 'Copay',
      error: 'The request body is not valid JSON.',
    });
    expect(bad.body.correlationId).toEqual(expect.any(String));
    expect(JSON.stringify(bad.body)).not.toMatch(/at .*\.ts|SyntaxError/);

    const big = await request(app())
      .post('/api/applicants')
      .send({ businessName: 'x'.repeat(20_000) })
      .expect(413);
    expect(big.body).toMatchObject({ statusCode: 413, error: 'The request body is too large.' });

    const form = await request(app())
      .post('/api/applicants')
      .type('form')
      .send({ businessName: 'x' })
      .expect(415);
    expect(form.body.statusCode).toBe(415);
  });

  it('refuses state-changing requests from another origin', async () => {
    const res = await request(app())
      .post('/api/applicants')
      .set('origin', 'https://evil.example')
      .send(VALID)
      .expect(403);
    expect(res.body.error).toMatch(/Cross-site/);
    expect(gateway.companies.size).toBe(0);
  });

  it('answers unknown API paths with a 404 error body', async () => {
    const res = await request(app()).get('/api/nope').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, service: 'Copay' });
  });
});

describe('sign-up', () => {
  it('rejects invalid details with one validation item per field, in the words shown to the applicant', async () => {
    const res = await request(app())
      .post('/api/applicants')
      .send({
        ...VALID,
        businessName: ' ',
        registrationNumber: '12',
        email: 'not-an-email',
        loanAmount: '999',
        acceptTerms: false,
      })
      .expect(400);
    expect(res.body.error).toBe('There are 5 problems with your details.');
    const items = res.body.validation.errors as { itemId: string; message: string }[];
    expect(Object.fromEntries(items.map((i) => [i.itemId, i.message]))).toEqual({
      businessName: 'Enter your business name',
      registrationNumber: 'Enter a registration number like 12345678 or SC123456',
      email: 'Enter an email address in the correct format, like name@example.com',
      loanAmount: 'Enter an amount between £1,000 and £500,000',
      acceptTerms: 'Confirm that you agree to the terms and the privacy notice',
    });
    expect(gateway.companies.size).toBe(0);
  });

  it('creates the Codat company named with the merchant id, stores the applicant and sets an HttpOnly session cookie', async () => {
    const agent = request.agent(app());
    const res = await agent.post('/api/applicants').send(VALID).expect(201);
    const { applicant, application } = res.body;
    expect(applicant.id).toMatch(/^CPY-000001-[0-9A-F]{4}$/);
    expect(applicant.email).toBe('ada@example.com');
    expect(application).toMatchObject({
      status: 'connecting',
      loanAmount: 25_000,
      termMonths: 24,
      purpose: 'Equipment',
    });
    const company = gateway.companies.get(applicant.companyId);
    expect(company?.name).toBe(applicant.id);
    expect(company?.description).toBe('Copay applicant: Harbour Coffee Roasters');
    // Tagged with the business name, so the lender's Insights dashboard finds the same business by name.
    expect(company?.tags).toEqual({
      merchantId: applicant.id,
      app: 'copay',
      businessName: 'harbour coffee roasters',
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/copay_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    const me = await agent.get('/api/me').expect(200);
    expect(me.body.applicant.id).toBe(applicant.id);
    expect(me.body.consentStatus).toBeNull();
    await request(app()).get('/api/me').expect(204);
    await request(app()).post('/api/session').send({}).expect(401);
  });

  it('stores only a hash of the session token', async () => {
    const res = await request(app()).post('/api/applicants').send(VALID).expect(201);
    const token = /copay_session=([^;]+)/.exec(String(res.headers['set-cookie']))![1]!;
    const data = await store.read();
    expect(data.sessions).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain(token);
  });
});

describe('browser session', () => {
  it('mints a company-scoped token and never sends the API key', async () => {
    const { agent, body } = await signUp();
    const res = await agent.post('/api/session').send({}).expect(200);
    expect(res.body).toEqual({
      companyId: body.applicant.companyId,
      apiBaseUrl: 'http://api.test:4999',
      accessToken: `token-for-${body.applicant.companyId}`,
      expiresIn: 86_400,
      tokenType: 'Bearer',
    });
  });

  it('recreates the company when the API no longer knows it (a restarted mock)', async () => {
    const { agent, body } = await signUp();
    gateway.companies.clear();
    const res = await agent.post('/api/session').send({}).expect(200);
    expect(res.body.companyId).not.toBe(body.applicant.companyId);
    expect(gateway.companies.get(res.body.companyId)?.name).toBe(body.applicant.id);
    const me = await agent.get('/api/me').expect(200);
    expect(me.body.applicant.companyId).toBe(res.body.companyId);
  });
});

describe('the application journey', () => {
  it('records only connections the API confirms are Linked and belong to the company', async () => {
    const { agent, body } = await signUp();
    const companyId = body.applicant.companyId;
    await agent
      .post('/api/application/connections')
      .send({ connectionId: 'c0ffee00-0000-4000-8000-000000000000' })
      .expect(404);
    const pending = gateway.addConnection(companyId, 'Accounting', 'Xero', 'PendingAuth');
    const conflict = await agent
      .post('/api/application/connections')
      .send({ connectionId: pending.id })
      .expect(409);
    expect(conflict.body.error).toBe('That connection is PendingAuth, not Linked.');
    pending.status = 'Linked';
    const ok = await agent
      .post('/api/application/connections')
      .send({ connectionId: pending.id })
      .expect(200);
    expect(ok.body.application.connections).toEqual([
      expect.objectContaining({
        id: pending.id,
        platformName: 'Xero',
        sourceType: 'Accounting',
        status: 'Linked',
      }),
    ]);
  });

  it('moves on to the sync step only with accounting, a bank and an active lending consent', async () => {
    const { agent, body } = await signUp();
    const companyId = body.applicant.companyId;
    expect((await agent.post('/api/application/connected').send({}).expect(409)).body.error).toBe(
      'Connect your accounting software to continue.',
    );
    gateway.addConnection(companyId, 'Accounting', 'Xero');
    expect((await agent.post('/api/application/connected').send({}).expect(409)).body.error).toBe(
      'Connect at least one bank account to continue.',
    );
    gateway.addConnection(companyId, 'Banking', 'Monzo');
    gateway.addConsent(companyId, 'insights');
    expect((await agent.post('/api/application/connected').send({}).expect(409)).body.error).toBe(
      'Confirm what you share with Copay to continue.',
    );
    const consent = gateway.addConsent(companyId, 'lending');
    const res = await agent.post('/api/application/connected').send({}).expect(200);
    expect(res.body.application.status).toBe('syncing');
    expect(res.body.application.consentId).toBe(consent.id);
    expect(res.body.application.connections.map((c: { platformName: string }) => c.platformName)).toEqual([
      'Xero',
      'Monzo',
    ]);
  });

  it('waits for the sync, then submits with a summary computed from lending reads only', async () => {
    const { agent, body } = await signUp();
    const companyId = body.applicant.companyId;
    await agent.post('/api/application/submit').send({}).expect(409);
    gateway.addConnection(companyId, 'Accounting', 'Xero');
    gateway.addConnection(companyId, 'Banking', 'Monzo');
    gateway.addConsent(companyId, 'lending');
    await agent.post('/api/application/connected').send({}).expect(200);

    gateway.setStatus(companyId, [...SUMMARY_DATA_TYPES], 'Fetching');
    const early = await agent.post('/api/application/submit').send({}).expect(409);
    expect(early.body.error).toMatch(/still syncing/);

    gateway.setStatus(companyId, [...SUMMARY_DATA_TYPES], 'Complete');
    gateway.records.set(companyId, {
      profitAndLoss: [
        {
          fromDate: '2026-09-01T00:00:00Z',
          toDate: '2026-09-30T23:59:59Z',
          currency: 'GBP',
          revenue: 10_000,
          netProfit: 1_000,
        },
        {
          fromDate: '2026-10-01T00:00:00Z',
          toDate: '2026-10-31T23:59:59Z',
          currency: 'GBP',
          revenue: 30_000,
          netProfit: 5_000,
        },
      ],
      balanceSheet: [
        { date: '2026-09-30T23:59:59Z', assets: 1, liabilities: 1, netAssets: 0 },
        { date: '2026-10-31T23:59:59Z', assets: 90_000, liabilities: 40_000, netAssets: 50_000 },
      ],
      invoices: [
        { status: 'Submitted', amountDue: 1_200 },
        { status: 'PartiallyPaid', amountDue: 300 },
        { status: 'Paid', amountDue: 0 },
        { status: 'Void', amountDue: 999 },
      ],
      'banking-accounts': [{ id: 'a' }, { id: 'b' }],
      'banking-accountBalances': [{ balance: { current: 12_000.5 } }, { balance: { current: -500 } }],
      'banking-transactions': [
        { postedDate: '2026-10-03T00:00:00Z', amount: 4_000 },
        { postedDate: '2026-10-05T00:00:00Z', amount: -1_000 },
        { postedDate: '2026-11-03T00:00:00Z', amount: 2_000 },
        { postedDate: '2026-11-09T00:00:00Z', amount: -3_000 },
      ],
    });
    const res = await agent.post('/api/application/submit').send({}).expect(200);
    expect(res.body.application.status).toBe('submitted');
    expect(res.body.application.submittedAt).toEqual(expect.any(String));
    expect(res.body.application.summary).toMatchObject({
      currency: 'GBP',
      revenue: 40_000,
      netProfit: 6_000,
      netMargin: 0.15,
      cashBalance: 11_500.5,
      totalAssets: 90_000,
      totalLiabilities: 40_000,
      netAssets: 50_000,
      outstandingReceivables: 1_500,
      bankAccounts: 2,
      averageMonthlyInflow: 3_000,
      averageMonthlyOutflow: 2_000,
      periodStart: '2026-09-01T00:00:00Z',
      periodEnd: '2026-10-31T23:59:59Z',
    });
    expect(gateway.reads.every((r) => r.endsWith('?product=lending'))).toBe(true);
    expect(gateway.reads).toHaveLength(SUMMARY_DATA_TYPES.length);
  });

  it('says so when the lending consent no longer allows reading the data', async () => {
    const { agent, body } = await signUp();
    const companyId = body.applicant.companyId;
    gateway.addConnection(companyId, 'Accounting', 'Xero');
    gateway.addConnection(companyId, 'Banking', 'Monzo');
    gateway.addConsent(companyId, 'lending');
    await agent.post('/api/application/connected').send({}).expect(200);
    gateway.setStatus(companyId, ['profitAndLoss'], 'Complete');
    gateway.refused.add('profitAndLoss');
    const res = await agent.post('/api/application/submit').send({}).expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'No active consent for lending' });
  });

  it('refreshes connection statuses from the API, so an expired bank shows on the next visit', async () => {
    const { agent, body } = await signUp();
    const companyId = body.applicant.companyId;
    gateway.addConnection(companyId, 'Accounting', 'Xero');
    const bank = gateway.addConnection(companyId, 'Banking', 'Monzo');
    gateway.addConsent(companyId, 'lending');
    await agent.post('/api/application/connected').send({}).expect(200);
    bank.status = 'Deauthorized';
    const me = await agent.get('/api/me').expect(200);
    expect(me.body.application.connections.find((c: { id: string }) => c.id === bank.id).status).toBe(
      'Deauthorized',
    );
    expect(me.body.consentStatus).toBe('Active');
  });
});

describe('persistence', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'copay-store-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps applicants, applications and sessions across a restart, written atomically', async () => {
    const file = join(dir, 'nested', 'copay.json');
    const first = createApp({ gateway, store: fileStore(file) });
    const res = await request(first).post('/api/applicants').send(VALID).expect(201);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;

    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.applicants[0].businessName).toBe('Harbour Coffee Roasters');
    expect(saved.applications[0].status).toBe('connecting');
    expect((await readdir(join(dir, 'nested'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // A new process: a new store reading the same file.
    const restarted = createApp({ gateway, store: fileStore(file) });
    const me = await request(restarted).get('/api/me').set('cookie', cookie).expect(200);
    expect(me.body.applicant.id).toBe(res.body.applicant.id);
    const second = await request(restarted)
      .post('/api/applicants')
      .send({ ...VALID, businessName: 'Second Shop' })
      .expect(201);
    expect(second.body.applicant.id).toMatch(/^CPY-000002-/);
  });

  it('serialises concurrent updates without losing any', async () => {
    const s = fileStore(join(dir, 'copay.json'));
    await Promise.all(Array.from({ length: 20 }, () => s.update((d) => void (d.nextMerchantNumber += 1))));
    expect((await fileStore(join(dir, 'copay.json')).read()).nextMerchantNumber).toBe(21);
  });
});

describe('demo token endpoint for Storybook', () => {
  const STORYBOOK = 'http://localhost:6006';

  it('does not exist unless the demo turns it on', async () => {
    const res = await request(app()).get('/api/demo/token?company=fresh').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, service: 'Copay' });
    expect(gateway.companies.size).toBe(0);
  });

  it('gives a company-scoped token (never the API key), with CORS for the Storybook origin only', async () => {
    const demo = createApp({ gateway, store, demoTokens: { storybookOrigin: STORYBOOK } });
    const res = await request(demo).get('/api/demo/token?company=fresh').set('Origin', STORYBOOK).expect(200);
    expect(res.headers['access-control-allow-origin']).toBe(STORYBOOK);
    expect(res.body).toEqual({
      apiBaseUrl: gateway.baseUrl,
      companyId: expect.any(String),
      companyName: 'Storybook Demo',
      accessToken: `token-for-${res.body.companyId}`,
      expiresIn: 86_400,
    });
    expect(gateway.companies.has(res.body.companyId)).toBe(true);

    const foreign = await request(demo)
      .get('/api/demo/token')
      .set('Origin', 'https://evil.example')
      .expect(200);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a clear Codat-style error for an unknown or missing demo company', async () => {
    const demo = createApp({ gateway, store, demoTokens: { storybookOrigin: STORYBOOK } });
    const missing = await request(demo).get('/api/demo/token?company=demo').expect(404);
    expect(missing.body.error).toMatch(/--seed demo/);
    const bad = await request(demo).get('/api/demo/token?company=everyone').expect(400);
    expect(bad.body).toMatchObject({
      statusCode: 400,
      service: 'Copay',
      error: 'company must be "fresh" or "demo".',
    });
  });
});
