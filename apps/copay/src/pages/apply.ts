import {
  INDUSTRIES,
  LOAN_PURPOSES,
  LOAN_TERMS_MONTHS,
  APPLICANT_FIELDS,
  type ApplicantField,
} from '../../shared/options.js';
import { validateApplicant, type FieldError } from '../../shared/validation.js';
import { BackendError, backend } from '../api.js';
import { h, renderPage } from '../dom.js';
import { continuePath, notice, progress } from '../layout.js';

interface FieldSpec {
  name: ApplicantField;
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  inputmode?: string;
  narrow?: boolean;
  prefix?: string;
  options?: readonly (string | { value: string; label: string })[];
  spellcheck?: boolean;
}

function fieldId(name: ApplicantField): string {
  return `field-${name}`;
}

function field(spec: FieldSpec): HTMLElement {
  const id = fieldId(spec.name);
  const hintId = spec.hint ? `${id}-hint` : null;
  const control = spec.options
    ? h(
        'select',
        { id, name: spec.name, 'aria-describedby': hintId, autocomplete: spec.autocomplete ?? 'off' },
        h('option', { value: '' }, 'Select…'),
        ...spec.options.map((o) =>
          typeof o === 'string' ? h('option', { value: o }, o) : h('option', { value: o.value }, o.label),
        ),
      )
    : h('input', {
        id,
        name: spec.name,
        type: spec.type ?? 'text',
        autocomplete: spec.autocomplete ?? 'off',
        inputmode: spec.inputmode,
        spellcheck: spec.spellcheck === false ? 'false' : null,
        class: spec.narrow ? 'narrow' : null,
        'aria-describedby': hintId,
      });
  return h(
    'div',
    { class: 'field', 'data-field': spec.name },
    h('label', { for: id }, spec.label),
    spec.hint ? h('span', { class: 'hint', id: hintId }, spec.hint) : null,
    spec.prefix
      ? h('div', { class: 'prefixed' }, h('span', { 'aria-hidden': 'true' }, spec.prefix), control)
      : control,
  );
}

function readForm(form: HTMLFormElement): Record<string, unknown> {
  const data = new FormData(form);
  const values: Record<string, unknown> = {};
  for (const name of APPLICANT_FIELDS)
    values[name] = name === 'acceptTerms' ? data.get(name) === 'on' : (data.get(name) ?? '');
  return values;
}

function clearErrors(form: HTMLFormElement): void {
  form.querySelector('.error-summary')?.remove();
  for (const wrapper of form.querySelectorAll<HTMLElement>('[data-field]')) {
    wrapper.classList.remove('has-error');
    wrapper.querySelector('.error-message')?.remove();
    const control = wrapper.querySelector<HTMLInputElement | HTMLSelectElement>('input, select');
    if (!control) continue;
    control.removeAttribute('aria-invalid');
    const hint = wrapper.querySelector('.hint');
    if (hint) control.setAttribute('aria-describedby', hint.id);
    else control.removeAttribute('aria-describedby');
  }
}

/** GOV.UK-style errors: a summary that takes focus and links to each field, and a message on each field. */
function showErrors(form: HTMLFormElement, errors: FieldError[]): void {
  clearErrors(form);
  const ordered = [...errors].sort(
    (a, b) => APPLICANT_FIELDS.indexOf(a.itemId) - APPLICANT_FIELDS.indexOf(b.itemId),
  );
  for (const error of ordered) {
    const wrapper = form.querySelector<HTMLElement>(`[data-field="${error.itemId}"]`);
    const control = wrapper?.querySelector<HTMLInputElement | HTMLSelectElement>('input, select');
    if (!wrapper || !control) continue;
    const messageId = `${fieldId(error.itemId)}-error`;
    wrapper.classList.add('has-error');
    const message = h(
      'span',
      { class: 'error-message', id: messageId },
      h('span', { class: 'visually-hidden' }, 'Error: '),
      error.message,
    );
    const label =
      wrapper.querySelector('.checkbox') ?? wrapper.querySelector('.hint') ?? wrapper.querySelector('label');
    if (wrapper.querySelector('.checkbox')) wrapper.prepend(message);
    else label?.after(message);
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute(
      'aria-describedby',
      [control.getAttribute('aria-describedby'), messageId].filter(Boolean).join(' '),
    );
  }
  const summary = h(
    'div',
    { class: 'error-summary', tabindex: '-1', 'aria-labelledby': 'error-summary-title' },
    h('h2', { id: 'error-summary-title' }, 'There is a problem'),
    h(
      'ul',
      {},
      ...ordered.map((error) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: `#${fieldId(error.itemId)}`,
              onclick: ((event: Event) => {
                event.preventDefault();
                document.getElementById(fieldId(error.itemId))?.focus();
              }) as EventListener,
            },
            error.message,
          ),
        ),
      ),
    ),
  );
  form.prepend(summary);
  summary.focus();
}

function applicationForm(): HTMLFormElement {
  const terms = h(
    'div',
    { class: 'field', 'data-field': 'acceptTerms' },
    h(
      'div',
      { class: 'checkbox' },
      h('input', { type: 'checkbox', id: fieldId('acceptTerms'), name: 'acceptTerms' }),
      h(
        'label',
        { for: fieldId('acceptTerms') },
        'I agree to Copay’s terms and privacy notice, and confirm I am authorised to apply for this business.',
      ),
    ),
  );
  const submit = h('button', { class: 'button primary', type: 'submit' }, 'Save and continue');
  const form = h(
    'form',
    { novalidate: true, 'aria-labelledby': 'apply-title' },
    h(
      'fieldset',
      {},
      h('legend', {}, 'Your business'),
      field({ name: 'businessName', label: 'Business name', autocomplete: 'organization' }),
      field({
        name: 'registrationNumber',
        label: 'Company registration number',
        hint: '8 characters, for example 12345678 or SC123456',
        narrow: true,
        spellcheck: false,
      }),
      field({ name: 'industry', label: 'Industry', options: INDUSTRIES }),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Your loan'),
      field({
        name: 'loanAmount',
        label: 'How much do you want to borrow?',
        hint: 'Between £1,000 and £500,000',
        inputmode: 'numeric',
        prefix: '£',
      }),
      field({
        name: 'termMonths',
        label: 'Over how long?',
        options: LOAN_TERMS_MONTHS.map((m) => ({ value: String(m), label: `${m} months` })),
      }),
      field({ name: 'purpose', label: 'What is the loan for?', options: LOAN_PURPOSES }),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'About you'),
      field({ name: 'contactName', label: 'Full name', autocomplete: 'name' }),
      field({
        name: 'email',
        label: 'Email address',
        type: 'email',
        autocomplete: 'email',
        spellcheck: false,
        hint: 'We only use it about this application',
      }),
      field({
        name: 'phone',
        label: 'Phone number (optional)',
        type: 'tel',
        autocomplete: 'tel',
        narrow: true,
      }),
    ),
    terms,
    h('div', { class: 'actions' }, submit),
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const values = readForm(form);
      const local = validateApplicant(values);
      if (!local.ok) return showErrors(form, local.errors);
      clearErrors(form);
      form.querySelector('.notice')?.remove();
      submit.disabled = true;
      submit.textContent = 'Saving…';
      try {
        await backend.apply(values);
        location.assign('/apply/connect');
      } catch (error) {
        submit.disabled = false;
        submit.textContent = 'Save and continue';
        const items = error instanceof BackendError ? error.body?.validation?.errors : null;
        if (items?.length) return showErrors(form, items as FieldError[]);
        const box = notice(
          'danger',
          'Your details were not saved',
          [error instanceof Error ? error.message : 'Try again.'],
          { alert: true },
        );
        form.prepend(box);
      }
    })();
  });
  return form;
}

export async function render(): Promise<void> {
  const startNew = new URLSearchParams(location.search).has('new');
  const me = startNew ? null : await backend.me().catch(() => null);
  if (me) {
    renderPage(
      'Your application',
      h('h1', {}, 'You have already started an application'),
      h(
        'p',
        {},
        `Application ${me.applicant.id} for ${me.applicant.businessName} is saved. Carry on where you left off, or start again for another business.`,
      ),
      h(
        'div',
        { class: 'actions' },
        h(
          'a',
          { class: 'button primary', href: continuePath(me.application.status) },
          'Continue your application',
        ),
        h('a', { class: 'button', href: '/apply?new=1' }, 'Start a new application'),
      ),
    );
    return;
  }
  renderPage(
    'Apply for a loan',
    progress('details'),
    h('h1', { id: 'apply-title' }, 'Apply for a business loan'),
    h(
      'p',
      { class: 'lead' },
      'Tell us about your business and the loan you need. It takes about 2 minutes. All fields are required unless marked optional.',
    ),
    h('div', { class: 'card' }, applicationForm()),
  );
}
