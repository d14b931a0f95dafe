import type { ValidationItem } from '@consent-kit/contract';
import {
  INDUSTRIES,
  LOAN_AMOUNT_MAX,
  LOAN_AMOUNT_MIN,
  LOAN_PURPOSES,
  LOAN_TERMS_MONTHS,
  type ApplicantField,
  type Industry,
  type LoanPurpose,
} from './options.js';

/**
 * The "Apply for a loan" form's rules, shared by the page (instant feedback) and the backend (the check that
 * counts). Messages are written for the person filling the form in.
 */
export interface ApplicantInput {
  businessName: string;
  registrationNumber: string;
  industry: Industry;
  contactName: string;
  email: string;
  phone: string;
  loanAmount: number;
  termMonths: number;
  purpose: LoanPurpose;
}

export interface FieldError extends ValidationItem {
  itemId: ApplicantField;
  message: string;
  validatorName: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^\+?[0-9][0-9 ()-]{6,19}$/;
/** UK Companies House numbers: 8 digits, or 2 letters and 6 digits (SC123456). */
const REGISTRATION = /^(?:[0-9]{8}|[A-Z]{2}[0-9]{6})$/;

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
}

export function validateApplicant(body: unknown): ValidationResult<ApplicantInput> {
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  const fail = (itemId: ApplicantField, message: string, validatorName: string) =>
    errors.push({ itemId, message, validatorName });

  const businessName = text(input.businessName);
  if (!businessName) fail('businessName', 'Enter your business name', 'required');
  else if (businessName.length < 2 || businessName.length > 100)
    fail('businessName', 'Business name must be between 2 and 100 characters', 'length');

  const registrationNumber = text(input.registrationNumber).replace(/\s/g, '').toUpperCase();
  if (!registrationNumber) fail('registrationNumber', 'Enter your company registration number', 'required');
  else if (!REGISTRATION.test(registrationNumber))
    fail('registrationNumber', 'Enter a registration number like 12345678 or SC123456', 'format');

  const industry = text(input.industry);
  if (!(INDUSTRIES as readonly string[]).includes(industry)) fail('industry', 'Select your industry', 'enum');

  const rawAmount =
    typeof input.loanAmount === 'string' ? input.loanAmount.replace(/[,\s£]/g, '') : input.loanAmount;
  const loanAmount = typeof rawAmount === 'number' ? rawAmount : Number(rawAmount);
  if (rawAmount === undefined || rawAmount === null || rawAmount === '')
    fail('loanAmount', 'Enter how much you want to borrow', 'required');
  else if (!Number.isInteger(loanAmount))
    fail('loanAmount', 'Enter the amount in whole pounds, like 25000', 'format');
  else if (loanAmount < LOAN_AMOUNT_MIN || loanAmount > LOAN_AMOUNT_MAX)
    fail('loanAmount', 'Enter an amount between £1,000 and £500,000', 'range');

  const termMonths = Number(input.termMonths);
  if (!(LOAN_TERMS_MONTHS as readonly number[]).includes(termMonths))
    fail('termMonths', 'Select a loan term', 'enum');

  const purpose = text(input.purpose);
  if (!(LOAN_PURPOSES as readonly string[]).includes(purpose))
    fail('purpose', 'Select what the loan is for', 'enum');

  const contactName = text(input.contactName);
  if (!contactName) fail('contactName', 'Enter your full name', 'required');
  else if (contactName.length < 2 || contactName.length > 100)
    fail('contactName', 'Full name must be between 2 and 100 characters', 'length');

  const email = text(input.email).toLowerCase();
  if (!email) fail('email', 'Enter your email address', 'required');
  else if (email.length > 254 || !EMAIL.test(email))
    fail('email', 'Enter an email address in the correct format, like name@example.com', 'format');

  const phone = text(input.phone);
  if (phone && !PHONE.test(phone))
    fail('phone', 'Enter a phone number, like 020 7946 0000 or +44 20 7946 0000', 'format');

  if (input.acceptTerms !== true && input.acceptTerms !== 'on' && input.acceptTerms !== 'true')
    fail('acceptTerms', 'Confirm that you agree to the terms and the privacy notice', 'required');

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      businessName,
      registrationNumber,
      industry: industry as Industry,
      contactName,
      email,
      phone,
      loanAmount,
      termMonths,
      purpose: purpose as LoanPurpose,
    },
  };
}
