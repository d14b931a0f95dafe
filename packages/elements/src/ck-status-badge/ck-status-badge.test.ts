import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import { CONNECTION_STATUSES, CONSENT_STATUSES, PULL_STATUSES } from '@consent-kit/contract';
import './index.js';
import type { CkStatusBadge } from './ck-status-badge.js';
import { BADGE_STATUSES, BADGE_TONES } from './ck-status-badge.types.js';
import { cleanup, deepText, fixture } from '../../test/fixtures.js';
import { expectNoAxeViolations } from '../../test/axe.js';

afterEach(cleanup);

const EXPECTED: Partial<Record<(typeof BADGE_STATUSES)[number], [string, string]>> = {
  PendingAuth: ['Waiting for sign-in', 'warning'],
  Linked: ['Connected', 'success'],
  Unlinked: ['Disconnected', 'neutral'],
  Deauthorized: ['Access expired', 'danger'],
  Fetching: ['Syncing', 'info'],
  Complete: ['Synced', 'success'],
  FetchError: ['Sync failed', 'danger'],
  Active: ['Active', 'success'],
  Withdrawn: ['Withdrawn', 'neutral'],
};

describe('ck-status-badge', () => {
  test('covers every connection, pull and consent status', () => {
    expect(BADGE_STATUSES).toEqual([...CONNECTION_STATUSES, ...PULL_STATUSES, ...CONSENT_STATUSES]);
  });

  test.each(BADGE_STATUSES)('%s has a label, an icon and a known tone', async (status) => {
    const el = await fixture<CkStatusBadge>(html`<ck-status-badge status=${status}></ck-status-badge>`);
    const badge = el.shadowRoot!.querySelector('[part="badge"]')!;
    const label = deepText(el);
    expect(label.length).toBeGreaterThan(2);
    expect(el.shadowRoot!.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    expect(BADGE_TONES).toContain(badge.getAttribute('data-tone'));
    const expected = EXPECTED[status];
    if (expected) {
      expect(label).toBe(expected[0]);
      expect(badge.getAttribute('data-tone')).toBe(expected[1]);
    }
  });

  test('tones that share a colour family never share an icon within a status kind', async () => {
    const icons = new Map<string, string>();
    for (const status of CONNECTION_STATUSES) {
      const el = await fixture<CkStatusBadge>(html`<ck-status-badge status=${status}></ck-status-badge>`);
      icons.set(status, el.shadowRoot!.querySelector('svg')!.innerHTML);
    }
    expect(new Set(icons.values()).size).toBe(CONNECTION_STATUSES.length);
  });

  test('stays reactive and accepts a label override', async () => {
    const el = await fixture<CkStatusBadge>(html`<ck-status-badge status="PendingAuth"></ck-status-badge>`);
    el.status = 'Linked';
    await el.updateComplete;
    expect(deepText(el)).toBe('Connected');
    expect(el.tone).toBe('success');
    el.label = 'Already connected';
    await el.updateComplete;
    expect(deepText(el)).toBe('Already connected');
  });

  test('is accessible in light and dark themes', async () => {
    const light = await fixture<HTMLElement>(html`<div>${CONNECTION_STATUSES.map((s) => html`<ck-status-badge status=${s}></ck-status-badge>`)}</div>`);
    await expectNoAxeViolations(light);
    const dark = await fixture<HTMLElement>(
      html`<div data-ck-theme="dark" style="background: var(--ck-sys-color-surface); color: var(--ck-sys-color-on-surface)">
        ${[...CONNECTION_STATUSES, 'Fetching', 'Complete', 'FetchError'].map((s) => html`<ck-status-badge status=${s}></ck-status-badge>`)}
      </div>`,
    );
    await expectNoAxeViolations(dark);
  });
});
