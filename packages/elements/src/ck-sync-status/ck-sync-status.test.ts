import { afterEach, describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { html } from 'lit';
import type { DataStatuses } from '@consent-kit/contract';
import './index.js';
import type { CkSyncStatus } from './ck-sync-status.js';
import type { SyncCompleteDetail, SyncErrorDetail } from './ck-sync-status.types.js';
import { completeStatuses, failedStatuses, statusesOf, syncingStatuses } from './fixtures.js';
import { cleanup, deepText, fixture, settle, waitFor } from '../../test/fixtures.js';
import { expectNoAxeViolations } from '../../test/axe.js';
import { createCompany, mockClient } from '../../test/connected.js';

afterEach(cleanup);

const q = (el: CkSyncStatus, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;

function collect<K extends 'ck-sync-complete' | 'ck-sync-error'>(el: Element, name: K) {
  const seen: HTMLElementEventMap[K][] = [];
  el.addEventListener(name, (e) => seen.push(e as HTMLElementEventMap[K]));
  return seen;
}

describe('ck-sync-status: controlled', () => {
  test('lists each data type with its label and state, a progress bar and a live summary', async () => {
    const el = await fixture<CkSyncStatus>(html`<ck-sync-status .statuses=${syncingStatuses}></ck-sync-status>`);
    const status = q(el, '[role="status"]');
    expect(status.textContent!.trim()).toBe('Syncing 3 of 8 data types');
    const bar = q(el, '[role="progressbar"]');
    expect(bar.getAttribute('aria-valuenow')).toBe('38');
    expect(bar.getAttribute('aria-valuetext')).toBe('3 of 8 data types finished');
    expect(bar.getAttribute('aria-label')).toBe('Sync progress');
    const fill = q(el, '.fill');
    expect(fill.getBoundingClientRect().width).toBeCloseTo(bar.clientWidth * 0.38, -1);
    const items = [...el.shadowRoot!.querySelectorAll('[part="item"]')];
    expect(items).toHaveLength(8);
    const pnl = items.find((i) => i.getAttribute('data-data-type') === 'profitAndLoss')!;
    expect(deepText(pnl)).toBe('Profit and loss Synced');
    expect(deepText(items.find((i) => i.getAttribute('data-data-type') === 'invoices')!)).toBe('Invoices Syncing');
    expect(deepText(el)).toContain('Accounting');
    expect(deepText(el)).toContain('Banking');
  });

  test('emits ck-sync-complete once when everything has finished, and ck-sync-error for failures', async () => {
    const el = await fixture<CkSyncStatus>(html`<ck-sync-status .statuses=${syncingStatuses}></ck-sync-status>`);
    const completes = collect(el, 'ck-sync-complete');
    const errors = collect(el, 'ck-sync-error');
    el.statuses = completeStatuses;
    await settle(el);
    expect(completes).toHaveLength(1);
    expect((completes[0]!.detail as SyncCompleteDetail).failedDataTypes).toEqual([]);
    expect(q(el, '[role="status"]').textContent!.trim()).toBe('All 4 data types are synced');
    expect(q(el, '[role="progressbar"]').getAttribute('aria-valuenow')).toBe('100');
    el.statuses = { ...completeStatuses };
    await settle(el);
    expect(completes).toHaveLength(1); // same statuses: no repeat
    el.statuses = failedStatuses;
    await settle(el);
    expect(errors).toHaveLength(1);
    expect((errors[0]!.detail as SyncErrorDetail).failedDataTypes).toEqual(['balanceSheet', 'banking-transactions']);
    expect(completes).toHaveLength(2);
    expect(q(el, '[role="status"]').textContent!.trim()).toBe('Synced 2 of 4 data types. 2 could not be fetched.');
    expect(deepText(el)).toContain('Sync failed');
    expect(deepText(el)).toContain('Sign-in needed');
  });

  test('dataTypes limits the list; missing ones show as waiting', async () => {
    const el = await fixture<CkSyncStatus>(
      html`<ck-sync-status .statuses=${completeStatuses} .dataTypes=${['profitAndLoss', 'cashFlowStatement']}></ck-sync-status>`,
    );
    const items = [...el.shadowRoot!.querySelectorAll('[part="item"]')];
    expect(items.map((i) => i.getAttribute('data-data-type'))).toEqual(['cashFlowStatement', 'profitAndLoss']);
    expect(deepText(items[0]!)).toBe('Cash flow statement Waiting to sync');
    expect(q(el, '[role="status"]').textContent!.trim()).toBe('Syncing 1 of 2 data types');
    el.dataTypes = { Accounting: ['profitAndLoss'] };
    await settle(el);
    expect(el.shadowRoot!.querySelectorAll('[part="item"]')).toHaveLength(1);
  });

  test('waiting state, and accessibility', async () => {
    const el = await fixture<CkSyncStatus>(html`<ck-sync-status .statuses=${{}}></ck-sync-status>`);
    expect(q(el, '[role="status"]').textContent!.trim()).toBe('Waiting for the sync to start…');
    el.statuses = syncingStatuses;
    await settle(el);
    expect(await expectNoAxeViolations(el)).toBeGreaterThan(3);
  });
});

describe('ck-sync-status: connected', () => {
  test('polls while in progress, stops when done', async () => {
    const sequence: DataStatuses[] = [
      statusesOf({ profitAndLoss: 'Queued', invoices: 'Queued' }),
      statusesOf({ profitAndLoss: 'Fetching', invoices: 'Queued' }),
      statusesOf({ profitAndLoss: 'Complete', invoices: 'Complete' }),
    ];
    let call = 0;
    const client = { data: { status: vi.fn(async () => sequence[Math.min(call++, sequence.length - 1)]!) } };
    const el = await fixture<CkSyncStatus>(html`<ck-sync-status poll-interval="100" company-id="co" .client=${client}></ck-sync-status>`);
    const completes = collect(el, 'ck-sync-complete');
    await waitFor(() => completes.length === 1, 3000, 'complete');
    expect(client.data.status).toHaveBeenCalledTimes(3);
    expect(el.isPolling).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(client.data.status).toHaveBeenCalledTimes(3);
    expect(q(el, '[role="status"]').textContent!.trim()).toBe('All 2 data types are synced');
  });

  test('shows a read error with Retry, and stops polling when removed', async () => {
    let fail = true;
    const client = {
      data: {
        status: vi.fn(async () => {
          if (fail) throw Object.assign(new Error('503'), { status: 503, body: { error: 'Busy', correlationId: 'corr-s' } });
          return statusesOf({ profitAndLoss: 'Fetching' });
        }),
      },
    };
    const el = await fixture<CkSyncStatus>(html`<ck-sync-status poll-interval="100" company-id="co" .client=${client}></ck-sync-status>`);
    await waitFor(() => el.shadowRoot!.querySelector('[part="error"]'), 3000, 'error');
    expect(deepText(el)).toContain('Reference: corr-s');
    fail = false;
    await userEvent.click(q(el, '[part="retry-button"]'));
    await waitFor(() => el.shadowRoot!.querySelector('[part="item"]'), 3000, 'rows');
    expect(el.isPolling).toBe(true);
    el.remove();
    const calls = client.data.status.mock.calls.length;
    await new Promise((r) => setTimeout(r, 350));
    expect(client.data.status.mock.calls.length).toBe(calls);
  });

  test('against the mock server: follows a real sync to completion', async () => {
    const client = mockClient();
    const companyId = await createCompany(client);
    const connection = await client.connections.create(companyId, { platformKey: 'gbol' });
    // The person approves at the provider (the spec's authorization endpoint): the mock starts a sync.
    await client.connections.updateAuthorization(companyId, connection.id, { approved: 'true' });
    const el = await fixture<CkSyncStatus>(html`<ck-sync-status poll-interval="200" company-id=${companyId} .client=${client}></ck-sync-status>`);
    const completes = collect(el, 'ck-sync-complete');
    await waitFor(() => completes.length === 1, 10_000, 'sync complete');
    const detail = completes[0]!.detail as SyncCompleteDetail;
    expect(Object.keys(detail.statuses).length).toBeGreaterThan(0);
    expect(Object.values(detail.statuses).every((s) => s.currentStatus === 'Complete')).toBe(true);
    expect(q(el, '[role="progressbar"]').getAttribute('aria-valuenow')).toBe('100');
    expect(el.isPolling).toBe(false);
  });
});
