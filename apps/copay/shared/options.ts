/**
 * Lists shared by Copay's pages and its backend: the form's choices and the application's steps. Declared once,
 * `as const`, so the types, the `<select>` options, the server's validation and the tests all follow them.
 */

export const INDUSTRIES = [
  'Retail',
  'Hospitality',
  'Construction',
  'Professional services',
  'Manufacturing',
  'Technology',
  'Health',
  'Other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const LOAN_PURPOSES = ['Working capital', 'Equipment', 'Stock', 'Expansion', 'Refinancing'] as const;
export type LoanPurpose = (typeof LOAN_PURPOSES)[number];

export const LOAN_TERMS_MONTHS = [6, 12, 24, 36, 48, 60] as const;

export const LOAN_AMOUNT_MIN = 1_000;
export const LOAN_AMOUNT_MAX = 500_000;

/** Where an application is in the journey; each step is stored so a returning applicant resumes it. */
export const APPLICATION_STATUSES = ['connecting', 'syncing', 'submitted'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The consent-ledger product Copay asks consent for. */
export const LENDING_PRODUCT = 'lending';

/** The form fields, in the order the page shows them (drives the error summary's order). */
export const APPLICANT_FIELDS = [
  'businessName',
  'registrationNumber',
  'industry',
  'loanAmount',
  'termMonths',
  'purpose',
  'contactName',
  'email',
  'phone',
  'acceptTerms',
] as const;
export type ApplicantField = (typeof APPLICANT_FIELDS)[number];
