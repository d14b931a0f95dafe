import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  CkIntegrationPicker as PickerElement,
  IntegrationSelectDetail,
} from '@consent-kit/elements/ck-integration-picker';
import * as wrappers from './index.js';
import { CkDialog, CkIntegrationPicker, CkLogo, CkStatusBadge } from './index.js';

/** The contract's Integration, as the picker's `integrations` property types it. */
type Integration = NonNullable<PickerElement['integrations']>[number];

// React's act() outside a test renderer needs this flag.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

async function render(node: React.ReactNode): Promise<void> {
  await act(async () => root.render(node));
}

/** Waits for a Lit element's pending update. */
async function settled<E extends Element>(el: E | null): Promise<E> {
  expect(el).not.toBeNull();
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el!;
}

describe('generated wrappers', () => {
  it('registers every element it wraps, under the tag it wraps', () => {
    const components = Object.entries(wrappers).filter(([name]) => name.startsWith('Ck'));
    expect(components.length).toBeGreaterThanOrEqual(8);
    for (const [name] of components) {
      const tag = name.replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase());
      expect(customElements.get(tag), tag).toBeDefined();
    }
  });

  it('CkIntegrationPicker: integrations as a property, onCkIntegrationSelect receives the chosen integration', async () => {
    const integrations: Integration[] = [
      {
        key: 'gbol',
        name: 'Xero',
        logoUrl: 'https://example.test/xero.svg',
        enabled: true,
        sourceType: 'Accounting',
      },
      {
        key: 'qhyg',
        name: 'QuickBooks Online',
        logoUrl: 'https://example.test/qbo.svg',
        enabled: true,
        sourceType: 'Accounting',
      },
      {
        key: 'mnzo',
        name: 'Monzo Business',
        logoUrl: 'https://example.test/monzo.svg',
        enabled: true,
        sourceType: 'Banking',
      },
    ];
    const onSelect = vi.fn((event: CustomEvent<IntegrationSelectDetail>) => event.detail.integration.key);
    await render(<CkIntegrationPicker integrations={integrations} onCkIntegrationSelect={onSelect} />);
    const picker = await settled(container.querySelector('ck-integration-picker'));
    expect(picker.integrations).toBe(integrations);
    const options = [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
    expect(options.map((o) => o.textContent?.replace(/\s+/g, ' ').trim())).toEqual(
      expect.arrayContaining([expect.stringContaining('Xero'), expect.stringContaining('Monzo Business')]),
    );

    await act(async () => options.find((o) => o.textContent?.includes('QuickBooks Online'))!.click());
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onSelect.mock.results[0]?.value).toBe('qhyg');
    expect(onSelect.mock.calls[0]?.[0].detail.integration).toEqual(integrations[1]);
  });

  it('CkIntegrationPicker: a handler can veto the selection (cancelable event)', async () => {
    const integrations: Integration[] = [
      {
        key: 'gbol',
        name: 'Xero',
        logoUrl: 'https://example.test/xero.svg',
        enabled: true,
        sourceType: 'Accounting',
      },
    ];
    await render(
      <CkIntegrationPicker integrations={integrations} onCkIntegrationSelect={(e) => e.preventDefault()} />,
    );
    const picker = await settled(container.querySelector('ck-integration-picker'));
    await act(async () => picker.shadowRoot!.querySelector<HTMLElement>('[role="option"]')!.click());
    await settled(picker);
    expect(picker.value).toBeUndefined();
  });

  it('CkDialog: sets properties and calls onCkDialogClose with the event detail', async () => {
    const onClose = vi.fn((event: CustomEvent<{ returnValue: string }>) => event.detail.returnValue);
    await render(
      <CkDialog
        open
        variant="confirm"
        heading="Disconnect Xero?"
        confirmLabel="Disconnect"
        onCkDialogClose={onClose}
      >
        Copay will stop reading your accounts.
      </CkDialog>,
    );
    const dialog = await settled(container.querySelector('ck-dialog'));
    expect(dialog.open).toBe(true);
    expect(dialog.confirmLabel).toBe('Disconnect');
    const confirm = dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!;
    expect(confirm.textContent?.trim()).toBe('Disconnect');
    expect(dialog.shadowRoot!.querySelector('h2')?.textContent).toContain('Disconnect Xero?');

    await act(async () => confirm.click());
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(onClose.mock.results[0]?.value).toBe('confirm');
    expect(onClose.mock.calls[0]?.[0]).toBeInstanceOf(CustomEvent);
  });

  it('CkLogo: props stay reactive after mount; unsafe logo URLs render a monogram', async () => {
    function Harness() {
      const [src, setSrc] = useState('javascript:alert(1)');
      return (
        <>
          <CkLogo name="Xero" src={src} />
          <button type="button" onClick={() => setSrc('https://example.test/xero.png')}>
            use https
          </button>
        </>
      );
    }
    await render(<Harness />);
    const logo = await settled(container.querySelector('ck-logo'));
    expect(logo.shadowRoot!.querySelector('img')).toBeNull();
    expect(logo.shadowRoot!.querySelector('[part~="monogram"]')?.textContent?.trim()).toBe('X');

    await act(async () => container.querySelector('button')!.click());
    await settled(logo);
    expect(logo.src).toBe('https://example.test/xero.png');
    expect(logo.shadowRoot!.querySelector('img')?.getAttribute('src')).toBe('https://example.test/xero.png');
    expect(logo.shadowRoot!.querySelector('img')?.getAttribute('alt')).toBe('Xero');
  });

  it('an element name with markup renders as text', async () => {
    await render(<CkLogo name={'<img src=x onerror="window.__xss=1">'} />);
    const logo = await settled(container.querySelector('ck-logo'));
    expect(logo.shadowRoot!.querySelectorAll('img')).toHaveLength(0);
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });
});

describe('JSX intrinsic elements (React 19)', () => {
  it('sets properties on a ck-* tag and listens to on<event-name> props', async () => {
    const onClose = vi.fn();
    await render(
      <>
        <ck-status-badge status="Linked" />
        <ck-dialog open variant="confirm" heading="Withdraw consent?" onck-dialog-close={onClose} />
      </>,
    );
    const badge = await settled(container.querySelector('ck-status-badge'));
    expect(badge.status).toBe('Linked');
    expect(badge.shadowRoot!.textContent?.trim()).not.toBe('');

    const dialog = await settled(container.querySelector('ck-dialog'));
    await act(async () =>
      dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click(),
    );
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect((onClose.mock.calls[0]?.[0] as CustomEvent<{ returnValue: string }>).detail.returnValue).toBe(
      'cancel',
    );
  });

  it('CkStatusBadge wrapper renders the status text', async () => {
    await render(<CkStatusBadge status="Deauthorized" />);
    const badge = await settled(container.querySelector('ck-status-badge'));
    expect(badge.shadowRoot!.textContent?.trim().length).toBeGreaterThan(0);
  });
});
