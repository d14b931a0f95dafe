import { h } from './dom.js';

/** The steps of an application, as the progress list shows them. */
export const JOURNEY_STEPS = [
  { key: 'details', label: 'Your details' },
  { key: 'connect', label: 'Connect accounts' },
  { key: 'sync', label: 'Check your data' },
  { key: 'submitted', label: 'Submitted' },
] as const;
export type JourneyStepKey = (typeof JOURNEY_STEPS)[number]['key'];

/** "Step 2 of 4" progress list; the current step carries `aria-current="step"`. */
export function progress(current: JourneyStepKey): HTMLElement {
  const index = JOURNEY_STEPS.findIndex((s) => s.key === current);
  return h(
    'nav',
    { 'aria-label': 'Application progress' },
    h(
      'ol',
      { class: 'progress' },
      ...JOURNEY_STEPS.map((step, i) =>
        h(
          'li',
          { class: i < index ? 'done' : null, 'aria-current': i === index ? 'step' : null },
          i < index ? h('span', { class: 'visually-hidden' }, 'Completed: ') : null,
          step.label,
        ),
      ),
    ),
  );
}

/** Where a returning applicant continues, by application status. */
export function continuePath(status: 'connecting' | 'syncing' | 'submitted'): string {
  return status === 'connecting' ? '/apply/connect' : status === 'syncing' ? '/apply/sync' : '/application';
}

/** A notice box (`role=alert` only for errors that appear after an action; `role=status` for help that follows one). */
export function notice(
  kind: 'info' | 'success' | 'warning' | 'danger',
  title: string,
  body: (Node | string)[] = [],
  options: { alert?: boolean; status?: boolean; headingLevel?: 2 | 3 } = {},
): HTMLElement {
  return h(
    'div',
    {
      class: `notice ${kind === 'info' ? '' : kind}`.trim(),
      role: options.alert ? 'alert' : options.status ? 'status' : null,
    },
    h(options.headingLevel === 3 ? 'h3' : 'h2', {}, title),
    ...body.map((part) => (typeof part === 'string' ? h('p', {}, part) : part)),
  );
}

/** Marks the main navigation's link for the current page (`aria-current="page"`). */
export function markCurrentNav(path = location.pathname): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.nav a')) {
    const target = new URL(link.href).pathname;
    const current =
      target === path ||
      (target === '/apply' && path.startsWith('/apply')) ||
      (target === '/connections' && path.startsWith('/connections'));
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}
