/**
 * The hosted flow in a real browser (Debian Chromium through the playwright library): linkUrl -> simulated provider
 * sign-in -> Approve / Deny / Cancel / each "Simulate error <code>" -> redirect back to the client's allowlisted URL.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright';
import { PROVIDER_ERROR_CODES, PROVIDER_ERRORS, parseLinkResult } from '@consent-kit/contract';
import { startMockServer, type RunningMockServer } from '../src/index.js';
import { BASIC } from './helpers.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs';

let server: RunningMockServer;
let browser: Browser;
/** The client app (Copay) the flow returns to: a stub server on a random port. */
let client: Server;
let CALLBACK = '';
let OTHER_CALLBACK = '';

beforeAll(async () => {
  client = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html');
    res.end('<!doctype html><title>Copay callback</title><h1>Back in Copay</h1>');
  });
  await new Promise<void>((r) => client.listen(0, '127.0.0.1', r));
  const origin = `http://localhost:${(client.address() as AddressInfo).port}`;
  CALLBACK = `${origin}/connect/callback`;
  OTHER_CALLBACK = `${origin}/other-app/callback`;
  server = await startMockServer({
    port: 0,
    syncStepMs: 0,
    enableTestEndpoints: true,
    profile: { name: 'Copay', redirectUrl: CALLBACK, whiteListUrls: [CALLBACK, OTHER_CALLBACK] },
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((r) => client?.close(r));
});

async function api(path: string, init: { method?: string; body?: unknown } = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: BASIC, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

/** A fresh page; CSP problems are collected. */
async function newPage(): Promise<{ page: Page; cspErrors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
  });
  return { page, cspErrors };
}

async function newConnection(platformKey: string) {
  const company = (await api('/companies', { method: 'POST', body: { name: 'Browser Bakery' } })).body as {
    id: string;
  };
  const connection = (
    await api(`/companies/${company.id}/connections`, { method: 'POST', body: { platformKey } })
  ).body as { id: string; linkUrl: string };
  return { companyId: company.id, connection };
}

function result(page: Page) {
  const url = new URL(page.url());
  expect(`${url.origin}${url.pathname}`).toBe(CALLBACK);
  return parseLinkResult(url.searchParams)!;
}

describe('hosted flow in Chromium', () => {
  it('approve: the person signs in, the connection is Linked and syncs, the app gets statusCode=200', async () => {
    const { companyId, connection } = await newConnection('gbol');
    const { page, cspErrors } = await newPage();
    await page.goto(connection.linkUrl);
    await expect(page.title()).resolves.toBe('Sign in to Xero — simulated');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to Xero — simulated');
    await page.getByLabel('Email or username').fill('owner@bakery.example');
    await page.getByLabel('Password').fill('anything');
    await Promise.all([
      page.waitForURL((u) => u.href.startsWith(CALLBACK)),
      page.getByRole('button', { name: 'Approve' }).click(),
    ]);
    expect(result(page)).toEqual({
      ok: true,
      statusCode: 200,
      companyId,
      connectionId: connection.id,
      platform: 'gbol',
      sourceType: 'Accounting',
    });
    expect(await page.getByRole('heading').textContent()).toBe('Back in Copay');
    expect(cspErrors).toEqual([]);
    expect((await api(`/companies/${companyId}/connections/${connection.id}`)).body.status).toBe('Linked');
    const statuses = Object.values(
      (await api(`/companies/${companyId}/dataStatus`)).body as Record<string, { currentStatus: string }>,
    );
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s.currentStatus === 'Complete')).toBe(true);
    await page.context().close();
  });

  it('sign-in takes a username as well as an email, and its fields name their purpose for password managers', async () => {
    const { page } = await newPage();
    const { connection } = await newConnection('gbol');
    await page.goto(connection.linkUrl);
    const username = page.getByLabel('Email or username');
    const password = page.getByLabel('Password');
    expect(await username.getAttribute('autocomplete')).toBe('username');
    expect(await password.getAttribute('autocomplete')).toBe('current-password');
    await username.fill('bakery-owner');
    await password.fill('anything');
    await Promise.all([
      page.waitForURL((u) => u.href.startsWith(CALLBACK)),
      page.getByRole('button', { name: 'Approve' }).click(),
    ]);
    expect(result(page)).toMatchObject({ ok: true, statusCode: 200, connectionId: connection.id });
    await page.context().close();
  });

  it('deny and cancel return 403 with access_denied / cancelled_authentication', async () => {
    for (const [button, code] of [
      ['Deny', 'access_denied'],
      ['Cancel', 'cancelled_authentication'],
    ] as const) {
      const { companyId, connection } = await newConnection('bbrc');
      const { page, cspErrors } = await newPage();
      await page.goto(connection.linkUrl);
      await Promise.all([
        page.waitForURL((u) => u.href.startsWith(CALLBACK)),
        page.getByRole('button', { name: button, exact: true }).click(),
      ]);
      expect(result(page)).toMatchObject({
        ok: false,
        statusCode: 403,
        error: code,
        companyId,
        connectionId: connection.id,
        userRecoverable: true,
      });
      expect(cspErrors).toEqual([]);
      expect((await api(`/companies/${companyId}/connections/${connection.id}`)).body.status).toBe(
        'PendingAuth',
      );
      await page.context().close();
    }
  });

  it('"Simulate error <code>" returns each OAuth-style error code with its status', async () => {
    const { page, cspErrors } = await newPage();
    for (const code of PROVIDER_ERROR_CODES) {
      const { connection } = await newConnection('shpf');
      await page.goto(connection.linkUrl);
      await page.getByText('Simulate an error').click();
      await Promise.all([
        page.waitForURL((u) => u.href.startsWith(CALLBACK)),
        page.getByRole('button', { name: `Simulate error ${code}`, exact: true }).click(),
      ]);
      const r = result(page);
      expect(r).toMatchObject({
        ok: false,
        statusCode: PROVIDER_ERRORS[code].statusCode,
        error: code,
        errorDescription: PROVIDER_ERRORS[code].description,
      });
    }
    expect(cspErrors).toEqual([]);
    await page.context().close();
  });

  it('company Link page: choose an integration, then sign in; "not listed" and cancel go back', async () => {
    const company = (await api('/companies', { method: 'POST', body: { name: 'Picker Ltd' } })).body as {
      id: string;
      redirect: string;
    };
    const { page, cspErrors } = await newPage();
    await page.goto(`${company.redirect}?redirect=${encodeURIComponent(OTHER_CALLBACK)}`);
    await page.getByRole('button', { name: /Sandbox Bank/ }).click();
    await page.waitForURL(/\/link\/provider\/ssbx\/authorize/);
    await Promise.all([
      page.waitForURL((u) => u.href.startsWith(OTHER_CALLBACK)),
      page.getByRole('button', { name: 'Approve' }).click(),
    ]);
    const url = new URL(page.url());
    expect(`${url.origin}${url.pathname}`).toBe(OTHER_CALLBACK);
    expect(parseLinkResult(url.searchParams)).toMatchObject({
      ok: true,
      platform: 'ssbx',
      sourceType: 'Banking',
    });

    await page.goto(company.redirect);
    await Promise.all([
      page.waitForURL((u) => u.href.startsWith(CALLBACK)),
      page.getByRole('button', { name: "My software isn't listed" }).click(),
    ]);
    expect(result(page)).toMatchObject({ ok: false, error: 'usr_dh_not_listed', statusCode: 403 });
    await page.goto(company.redirect);
    await Promise.all([
      page.waitForURL((u) => u.href.startsWith(CALLBACK)),
      page.getByRole('button', { name: 'Cancel' }).click(),
    ]);
    expect(result(page)).toMatchObject({
      ok: false,
      error: 'usr_opt_out',
      errorDescription: 'User cancelled',
    });
    expect(cspErrors).toEqual([]);
    await page.context().close();
  });

  it('re-consent of an expired bank connection in the browser makes it Linked again', async () => {
    const { companyId, connection } = await newConnection('lloy');
    const { page } = await newPage();
    await page.goto(connection.linkUrl);
    await Promise.all([
      page.waitForURL((u) => u.href.startsWith(CALLBACK)),
      page.getByRole('button', { name: 'Approve' }).click(),
    ]);
    await api('/_mock/clock', { method: 'POST', body: { advanceDays: 91 } });
    expect((await api(`/companies/${companyId}/connections/${connection.id}`)).body.status).toBe(
      'Deauthorized',
    );
    await page.goto(connection.linkUrl);
    await Promise.all([
      page.waitForURL((u) => u.href.startsWith(CALLBACK)),
      page.getByRole('button', { name: 'Approve' }).click(),
    ]);
    expect(result(page)).toMatchObject({ ok: true, connectionId: connection.id });
    expect((await api(`/companies/${companyId}/connections/${connection.id}`)).body.status).toBe('Linked');
    await page.context().close();
  });

  it('a disallowed redirect shows an error page and never leaves the mock', async () => {
    const { connection } = await newConnection('strp');
    const { page } = await newPage();
    const response = await page.goto(
      `${connection.linkUrl}?redirect=${encodeURIComponent(`${new URL(CALLBACK).origin}@evil.example/connect/callback`)}`,
    );
    expect(response?.status()).toBe(400);
    expect(new URL(page.url()).origin).toBe(server.url);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'This redirect address is not allowed',
    );
    await page.context().close();
  });
});
