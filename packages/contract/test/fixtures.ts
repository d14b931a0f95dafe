/**
 * Realistic wire objects, modelled on the examples in Codat's published Platform API spec
 * (reference/codat-platform-openapi.json) and on the consent-kit extensions described in DESIGN.md.
 */

export const companyId = '0498e921-9b53-4396-a412-4f2f5983b0a2';
export const connectionId = 'ee2eb431-c0fa-4dc9-93fa-d29781c12bcd';
export const consentId = '5b2f8a34-1c4d-4e7f-9a0b-3c2d1e0f9a8b';

export const connection = {
  id: connectionId,
  integrationId: 'bf083d72-62c7-493e-aec9-81b4dbba7e2c',
  integrationKey: 'dfxm',
  sourceId: 'bdd831ce-eebd-4896-89a7-20e5ee8989ee',
  platformName: 'Basiq',
  linkUrl: `https://link-api.codat.io/companies/${companyId}/connections/${connectionId}/start`,
  status: 'Linked',
  lastSync: '2022-10-27T10:22:43.6464237Z',
  created: '2022-10-27T09:53:29Z',
  sourceType: 'Banking',
};

export const xeroConnection = {
  id: '51baa045-4836-4317-a42e-3542e991e581',
  integrationId: 'fd321cb6-7963-4506-b873-e99593a45e30',
  integrationKey: 'gbol',
  sourceId: '8a156a5a-39cb-4f9d-856e-76ef9b9a9607',
  platformName: 'Xero',
  linkUrl: `https://link-api.codat.io/companies/${companyId}/connections/51baa045-4836-4317-a42e-3542e991e581/start`,
  status: 'PendingAuth',
  created: '2022-11-10T10:45:18.1950523Z',
  sourceType: 'Accounting',
  dataConnectionErrors: [
    {
      statusCode: '401',
      statusText: 'Unauthorized',
      errorMessage: 'The access token has expired',
      erroredOnUtc: '2022-11-12T08:00:00Z',
      status: 'Active',
      resolvedOnUtc: null,
    },
  ],
};

export const company = {
  id: companyId,
  name: "Toft stores",
  description: 'Requested early access to the new financing scheme.',
  redirect: 'https://link.codat.io/company/27628208-459c-46a2-a705-5641ce25f739',
  lastSync: '2022-01-01T12:00:00.000Z',
  created: '2022-01-01T12:00:00.000Z',
  createdByUserName: 'Sarah Dempsey',
  tags: { region: 'uk', uid: 'f6b0c253-16c7-4da1-a0c5-9c871e9c9d6c' },
  products: ['lending', 'spend-insights'],
  dataConnections: [connection, xeroConnection],
};

export const integration = {
  key: 'gbol',
  name: 'Xero',
  logoUrl: 'https://static.codat.io/public/officialLogos/Full/8A156A5A-39CB-4F9D-856E-76EF9B9A9607.png',
  enabled: true,
  sourceId: '8a156a5a-39cb-4f9d-856e-76ef9b9a9607',
  sourceType: 'Accounting',
  integrationId: 'fd321cb6-7963-4506-b873-e99593a45e30',
  isOfflineConnector: false,
  isBeta: false,
  dataProvidedBy: 'Codat',
  datatypeFeatures: [
    {
      dataType: 'invoices',
      supportedFeatures: [
        { featureType: 'Get', featureState: 'Release' },
        { featureType: 'Post', featureState: 'Beta' },
      ],
    },
  ],
};

export const branding = {
  logo: {
    full: {
      image: {
        src: 'https://static.codat.io/public/officialLogos/Full/8A156A5A-39CB-4F9D-856E-76EF9B9A9607.png',
        alt: 'xero full icon',
      },
    },
    square: {
      image: {
        src: 'https://static.codat.io/public/officialLogos/Square/8A156A5A-39CB-4F9D-856E-76EF9B2W3607.png',
        alt: 'xero square icon',
      },
    },
  },
  button: {
    default: {
      image: {
        src: 'https://static.codat.io/public/officialButtons/Full/8A156A5A-39CB-4F9D-856E-76EF9Q7A9607.png',
        alt: 'xero default button icon',
      },
    },
    hover: {
      image: {
        src: 'https://static.codat.io/public/officialLogos/Full/8A156A5A-39CB-4F9D-856E-76EF9B9A9607.png',
        alt: 'xero hover button icon',
      },
    },
  },
  sourceId: '35b92968-9851-4095-ad60-395c95cbcba4',
};

export const pullOperation = {
  id: '97d60846-f07a-4d42-b5a0-0bdcc6ebf56b',
  companyId,
  connectionId: '51baa045-4836-4317-a42e-3542e991e581',
  dataType: 'invoices',
  status: 'Initial',
  statusDescription: 'Paused until 2022-10-23T00:00:00.000Z',
  requested: '2022-11-14T11:18:37.2798351Z',
  progress: 10,
  isCompleted: false,
  isErrored: false,
};

export const dataStatuses = {
  invoices: {
    dataType: 'invoices',
    currentStatus: 'Complete',
    lastSuccessfulSync: '2022-01-01T13:00:00.000Z',
    latestSyncId: 'ad474a37-2003-478e-baee-9af9f1ec2fe3',
    latestSuccessfulSyncId: '8220fc90-55b6-47bc-9417-48ac6ea93101',
  },
  'banking-transactions': {
    dataType: 'banking-transactions',
    currentStatus: 'Fetching',
    lastSuccessfulSync: null,
  },
};

export const accessToken = { accessToken: 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.e30.c2ln', expiresIn: 86400, tokenType: 'Bearer' };

export const profile = {
  name: "Bob's Burgers",
  logoUrl:
    'https://client-images.codat.io/logo/042399f5-d104-4f38-9ce8-cac3524f4e88_5806cb1f-7342-4c0e-a0a8-99bfbc47b0ff.png',
  iconUrl:
    'https://client-images.codat.io/icon/042399f5-d104-4f38-9ce8-cac3524f4e88_3f5623af-d992-4c22-bc08-e58c520a8526.ico',
  redirectUrl: 'https://bobs-burgers.{countrySuffix}/{companyId}',
  whiteListUrls: ['https://bobs-burgers.com', 'https://bobs-burgers.co.uk'],
};

export const corsSettings = { allowedOrigins: ['https://www.bank-of-dave.com', 'http://localhost:5173'] };

export const errorBody = {
  statusCode: 409,
  service: 'PublicApi',
  error: 'A company can have only one accounting connection',
  correlationId: 'bc997528a9d7abb9161ef45f05d38599',
  validation: { errors: [], warnings: [] },
  canBeRetried: 'False',
  detailedErrorCode: 0,
};

export const validationErrorBody = {
  statusCode: 400,
  service: 'PublicApi',
  error: 'The request was invalid',
  correlationId: '7c1e1ac5a0d34f1a8a3e1d0b3f4e5a6b',
  validation: {
    errors: [{ itemId: 'name', message: 'name must not be empty', validatorName: 'too_small' }],
    warnings: null,
  },
  canBeRetried: 'False',
};

export const webhookConsumer = {
  id: '8a210b68-6988-11ed-a1eb-0242ac120002',
  url: 'https://lender.example.com/webhooks/codat',
  disabled: false,
  eventTypes: ['connection.connected', 'read.completed'],
  companyTags: ['region:uk'],
};

export const product = {
  identifier: 'lending',
  name: 'Copay business loan',
  purpose: 'to assess your loan application',
  dataTypes: {
    Accounting: ['balanceSheet', 'profitAndLoss', 'invoices'],
    Banking: ['banking-accounts', 'banking-transactions'],
  },
  retention: { days: 365, description: 'Kept for one year after your consent ends, as required by FCA rules.' },
  duration: { days: 90 },
  policyUrl: 'https://copay.example.com/privacy',
  termsUrl: 'https://copay.example.com/terms',
};

export const consentEvent = {
  id: '3d9b0c2e-6f1a-4b5c-8d7e-9f0a1b2c3d4e',
  consentId,
  type: 'given',
  timestamp: '2024-03-01T09:30:00.000Z',
  dataTypes: product.dataTypes,
  connectionIds: [connectionId],
  noticeText: 'Copay will read your balance sheet, profit and loss, invoices and bank transactions for 90 days.',
  reason: null,
};

export const consentRecord = {
  id: consentId,
  schema: 'ISO/IEC TS 27560:2023',
  subject: { companyId },
  controller: { name: 'Copay Ltd', policyUrl: 'https://copay.example.com/privacy' },
  productIdentifier: 'lending',
  purposes: [{ description: 'to assess your loan application', legalBasis: 'consent' }],
  dataTypes: product.dataTypes,
  connectionIds: [connectionId],
  duration: { days: 90, expiresAt: '2024-05-30T09:30:00.000Z' },
  retention: product.retention,
  policyUrl: 'https://copay.example.com/privacy',
  language: 'en-GB',
  collectionMethod: 'web-form',
  timestamp: '2024-03-01T09:30:00.000Z',
  status: 'Active',
  events: [consentEvent],
};

export const webhookDelivery = {
  id: '0f4b7c3a-2d1e-4f5a-9b8c-7d6e5f4a3b2c',
  webhookId: webhookConsumer.id,
  messageId: 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
  eventType: 'connection.connected',
  status: 'Retrying',
  attempts: [
    { at: '2024-03-01T09:31:00.000Z', responseStatus: 503, error: null },
    { at: '2024-03-01T09:31:05.000Z', responseStatus: null, error: 'connect ECONNREFUSED' },
  ],
  nextAttemptAt: '2024-03-01T09:31:35.000Z',
};

export const referenceCompany = {
  id: companyId,
  name: 'Toft stores',
  links: { portal: `https://app.codat.io/companies/${companyId}/summary` },
  tags: { region: 'uk' },
};

export const connectionConnectedEvent = {
  id: 'ba29118f-5406-4e59-b05c-ba307ca38d01',
  eventType: 'connection.connected',
  generatedDate: '2024-08-08T17:10:34.015Z',
  payload: { referenceCompany, connection },
};

export const readCompletedEvent = {
  id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  eventType: 'read.completed',
  generatedDate: '2024-09-01T00:00:00Z',
  payload: {
    referenceCompany,
    modifiedFromDate: '2024-08-31T00:00:00Z',
    dataTypes: [
      { connectionId, dataType: 'banking-transactions', recordsModified: true, status: 'Complete', issues: [] },
    ],
  },
};

export const consentGivenEvent = {
  id: 'c0ffee00-1234-4abc-9def-0123456789ab',
  eventType: 'consent.given',
  generatedDate: '2024-03-01T09:30:01.000Z',
  payload: { referenceCompany, consent: consentRecord, event: consentEvent },
};
