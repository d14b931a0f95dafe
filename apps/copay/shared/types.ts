import type { ConnectionStatus, ConsentStatus, SourceType, WebhookEventType } from '@consent-kit/contract';
import type { ApplicationStatus, Industry, LoanPurpose } from './options.js';

/** Copay's own records, as the backend stores them and the pages receive them. */

export interface Applicant {
  /** Copay's merchant id; also the Codat company's name, as the build-your-own guide recommends. */
  id: string;
  businessName: string;
  registrationNumber: string;
  industry: Industry;
  contactName: string;
  email: string;
  phone: string;
  /** The Codat company that represents this applicant. */
  companyId: string;
  createdAt: string;
}

export interface ApplicationConnection {
  id: string;
  platformName: string;
  sourceType: SourceType;
  status: ConnectionStatus;
  connectedAt: string;
}

/** What Copay's underwriters see, computed on the backend from data read under the lending consent. */
export interface FinancialSummary {
  currency: string;
  /** Revenue and net profit over the period of the profit-and-loss reports read. */
  revenue: number | null;
  netProfit: number | null;
  /** Net profit as a share of revenue, 0..1. */
  netMargin: number | null;
  cashBalance: number | null;
  totalAssets: number | null;
  totalLiabilities: number | null;
  netAssets: number | null;
  outstandingReceivables: number | null;
  bankAccounts: number;
  /** Average monthly money in / out over the bank transactions read. */
  averageMonthlyInflow: number | null;
  averageMonthlyOutflow: number | null;
  periodStart: string | null;
  periodEnd: string | null;
  /** The data types the summary was computed from (only what the lending consent covers). */
  sources: string[];
  computedAt: string;
}

/** The webhook events Copay subscribes to and applies to an application. */
export type ActivityEventType = Extract<WebhookEventType, `connection.${string}` | 'read.completed'>;

/** One webhook event applied to an application (`Application.activity`, newest first). */
export interface ApplicationActivity {
  /** The event's id (the envelope's `id`). */
  id: string;
  type: ActivityEventType;
  /** When the API generated the event (its `generatedDate`). */
  at: string;
  /** The connection's platform, e.g. "Xero"; null when the event names no connection Copay knows. */
  platformName: string | null;
  connectionId: string | null;
}

export interface Application {
  id: string;
  applicantId: string;
  status: ApplicationStatus;
  loanAmount: number;
  termMonths: number;
  purpose: LoanPurpose;
  connections: ApplicationConnection[];
  consentId: string | null;
  summary: FinancialSummary | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** Webhook events applied to this application, newest first (bounded). Empty in records written before. */
  activity: ApplicationActivity[];
  /** When a `read.completed` webhook last said the data was refreshed; null until one arrives. */
  dataRefreshedAt: string | null;
}

/** `GET /api/me` and the answers of the application's actions. */
export interface ApplicationView {
  applicant: Applicant;
  application: Application;
  /** The live status of the lending consent in the ledger (`GET /api/me` only); null when none was given. */
  consentStatus?: ConsentStatus | null;
}

/** `POST /api/session`: what the browser's elements need to talk to the API directly. */
export interface BrowserSession {
  companyId: string;
  apiBaseUrl: string;
  accessToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
}
