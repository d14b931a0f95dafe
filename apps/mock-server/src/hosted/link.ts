import { createHash } from 'node:crypto';
import express, { Router, type Response } from 'express';
import {
  JOURNEY_SOURCE_TYPES,
  PROVIDER_ERROR_CODES,
  PROVIDER_ERRORS,
  isProviderErrorCode,
  linkResultParams,
  type ProviderErrorCode,
} from '@consent-kit/contract';
import type { Domain } from '../domain.js';
import { ApiError } from '../errors.js';
import { randomToken } from '../ids.js';
import { INTEGRATIONS, INTEGRATIONS_BY_KEY } from '../seed/integrations.js';
import { connectionsOf, linkPaths } from '../serialize.js';
import { html, HOSTED_CSS, sendErrorPage, sendPage } from './html.js';
import { allowedRedirect, redirectAllowlist, withParams } from './redirects.js';

/**
 * Hosted Link + simulated provider, all server-rendered HTML forms (no JavaScript):
 *
 *   GET  /link/{companyId}                                   pick an integration (Company.redirect)
 *   POST /link/{companyId}/connections                       create/reuse the connection, go to its start URL
 *   POST /link/{companyId}/exit                              "Cancel" (usr_opt_out) / "not listed" (usr_dh_not_listed)
 *   GET  /link/{companyId}/connections/{connectionId}/start  Connection.linkUrl: new session (state + PKCE), to provider
 *   GET  /link/provider/{platformKey}/authorize              "Sign in to Xero — simulated"
 *   POST /link/provider/{platformKey}/authorize              Approve / Deny / Cancel / Simulate error <code>
 *   GET  /link/callback                                      checks state, exchanges the code (PKCE S256), redirects
 *
 * `?redirect=` on the first two GETs picks the final target among the profile's allowlisted URLs (exact match).
 */

interface LinkSession {
  state: string;
  companyId: string;
  connectionId: string;
  platformKey: string;
  redirectUrl: string;
  codeVerifier: string;
  createdAt: number;
}

interface ProviderCode {
  platformKey: string;
  codeChallenge: string;
  redirectUri: string;
  state: string;
  createdAt: number;
}

const SESSION_TTL_MS = 30 * 60_000;
const MAX_SESSIONS = 10_000;
const PKCE = /^[A-Za-z0-9_-]{43,128}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const PROVIDER_CLIENT_ID = 'consent-kit-mock-link';

export const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

function prune<T extends { createdAt: number }>(map: Map<string, T>): void {
  const now = Date.now();
  for (const [key, value] of map) {
    if (now - value.createdAt > SESSION_TTL_MS || map.size > MAX_SESSIONS) map.delete(key);
    else break; // insertion order = age order
  }
}

function one(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function linkRouter(domain: Domain): Router {
  const router = Router();
  const sessions = new Map<string, LinkSession>();
  const codes = new Map<string, ProviderCode>();
  const callbackUrl = () => `${domain.publicUrl}/link/callback`;
  const form = express.urlencoded({ extended: false, limit: '10kb', parameterLimit: 20 });

  /** The final redirect: `?redirect=` if allowlisted, else the profile's redirect URL. null = rejected. */
  const resolveRedirect = (requested: string | undefined): string | null => {
    const allowlist = redirectAllowlist(domain.store.profile);
    if (requested === undefined || requested === '') return domain.store.profile.redirectUrl;
    return allowedRedirect(requested, allowlist)?.href ?? null;
  };

  const rejectRedirect = (res: Response, requested: string) =>
    sendErrorPage(
      res,
      400,
      'This redirect address is not allowed',
      `The address "${requested}" is not on this application's list of allowed redirect URLs, so the sign-in cannot continue. Nothing was shared.`,
    );

  const companyOr404 = (res: Response, companyId: string) => {
    const company = UUID.test(companyId) ? domain.store.companies.get(companyId) : undefined;
    if (!company)
      sendErrorPage(
        res,
        404,
        'Link not found',
        'This connection link is not valid. Ask the application for a new one.',
      );
    return company;
  };

  router.get('/link/assets/hosted.css', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.type('text/css').send(HOSTED_CSS);
  });

  // ------------------------------------------------------------- callback (before /link/:companyId)
  router.get('/link/callback', (req, res) => {
    const state = one(req.query.state);
    const session = state ? sessions.get(state) : undefined;
    if (!state || !session || Date.now() - session.createdAt > SESSION_TTL_MS) {
      return sendErrorPage(
        res,
        400,
        'This sign-in has expired',
        'The sign-in session is unknown, expired or was already used. Start again from the application.',
      );
    }
    sessions.delete(state); // single use
    const connection = domain.store.connections.get(session.connectionId);
    const finishWithError = (code: ProviderErrorCode | string, description?: string) => {
      const known = isProviderErrorCode(code) ? PROVIDER_ERRORS[code] : undefined;
      const statusCode = known?.statusCode ?? 500;
      const errorDescription = description || known?.description || 'The provider returned an error.';
      if (connection) domain.authorisationFailed(connection, code, errorDescription, statusCode);
      domain.store.scheduleSave();
      const params = linkResultParams({
        ok: false,
        statusCode,
        companyId: session.companyId,
        connectionId: session.connectionId,
        error: code,
        errorDescription,
        userRecoverable: known?.userRecoverable ?? false,
      });
      res.redirect(303, withParams(session.redirectUrl, params));
    };
    const error = one(req.query.error);
    if (error) return finishWithError(error.slice(0, 100), one(req.query.error_description)?.slice(0, 500));
    const codeValue = one(req.query.code);
    const code = codeValue ? codes.get(codeValue) : undefined;
    if (codeValue) codes.delete(codeValue);
    if (!code || Date.now() - code.createdAt > SESSION_TTL_MS)
      return finishWithError('invalid_request', 'The authorisation code is missing, unknown or expired.');
    if (
      code.state !== state ||
      code.redirectUri !== callbackUrl() ||
      code.platformKey !== session.platformKey
    ) {
      return finishWithError('invalid_request', 'The authorisation code was issued for another request.');
    }
    // The token exchange: the provider checks our code_verifier against the challenge it saw (PKCE, S256).
    if (s256(session.codeVerifier) !== code.codeChallenge) {
      return finishWithError(
        'invalid_request',
        'PKCE verification failed: the code verifier does not match the code challenge.',
      );
    }
    if (!connection || connection.companyId !== session.companyId) {
      return finishWithError('invalid_resource', 'The connection no longer exists.');
    }
    domain.authorise(connection);
    domain.store.scheduleSave();
    const integration = INTEGRATIONS_BY_KEY.get(connection.integrationKey)!;
    const params = linkResultParams({
      ok: true,
      statusCode: 200,
      companyId: session.companyId,
      connectionId: connection.id,
      platform: integration.key,
      sourceType: integration.sourceType,
    });
    res.redirect(303, withParams(session.redirectUrl, params));
  });

  // ------------------------------------------------------------- simulated provider
  const providerParams = (source: Record<string, unknown>) => ({
    state: one(source.state) ?? '',
    codeChallenge: one(source.code_challenge) ?? '',
    codeChallengeMethod: one(source.code_challenge_method) ?? '',
    redirectUri: one(source.redirect_uri) ?? '',
    clientId: one(source.client_id) ?? '',
  });

  const checkProviderRequest = (res: Response, platformKey: string, p: ReturnType<typeof providerParams>) => {
    const integration = INTEGRATIONS_BY_KEY.get(platformKey);
    if (!integration) {
      sendErrorPage(res, 404, 'Unknown provider', 'There is no simulated provider at this address.');
      return null;
    }
    // The provider's own allowlist: it only returns to the mock's Link callback, never elsewhere.
    if (p.clientId !== PROVIDER_CLIENT_ID || p.redirectUri !== callbackUrl()) {
      sendErrorPage(
        res,
        400,
        'Invalid sign-in request',
        'The application or its return address is not registered with this provider.',
      );
      return null;
    }
    if (!p.state || p.state.length > 200 || !PKCE.test(p.codeChallenge) || p.codeChallengeMethod !== 'S256') {
      sendErrorPage(
        res,
        400,
        'Invalid sign-in request',
        'The sign-in request is missing its state or PKCE code challenge (S256).',
      );
      return null;
    }
    return integration;
  };

  router.get('/link/provider/:platformKey/authorize', (req, res) => {
    const p = providerParams(req.query as Record<string, unknown>);
    const integration = checkProviderRequest(res, String(req.params.platformKey), p);
    if (!integration) return;
    if (one(req.query.response_type) !== 'code') {
      return sendErrorPage(res, 400, 'Invalid sign-in request', 'Only response_type=code is supported.');
    }
    const session = sessions.get(p.state);
    const clientName = domain.store.profile.name;
    const hidden = html`<input type="hidden" name="state" value="${p.state}" /><input
        type="hidden"
        name="code_challenge"
        value="${p.codeChallenge}"
      /><input type="hidden" name="code_challenge_method" value="S256" /><input
        type="hidden"
        name="redirect_uri"
        value="${p.redirectUri}"
      /><input type="hidden" name="client_id" value="${p.clientId}" />`;
    sendPage(res, 200, {
      title: `Sign in to ${integration.name} — simulated`,
      formOrigins: session ? [new URL(session.redirectUrl).origin] : [],
      body: html` <div class="brand">
          <img src="/assets/logos/${integration.key}.svg" alt="" /><span class="badge"
            >Simulated provider</span
          >
        </div>
        <h1>Sign in to ${integration.name} — simulated</h1>
        <p>
          <strong>${clientName}</strong> wants read-only access to your ${integration.name} data
          (${integration.sourceType.toLowerCase()}).
        </p>
        <p class="muted">
          This page stands in for ${integration.name}'s real sign-in. Any details work; nothing is sent
          anywhere.
        </p>
        <form method="post" action="/link/provider/${integration.key}/authorize">
          ${hidden}
          <label for="username">Email or username</label>
          <input id="username" name="username" type="text" autocomplete="username" spellcheck="false" />
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" />
          <div class="actions">
            <button class="primary" type="submit" name="action" value="approve">Approve</button>
            <button type="submit" name="action" value="deny">Deny</button>
            <button class="danger" type="submit" name="action" value="cancel">Cancel</button>
          </div>
          <details>
            <summary>Simulate an error</summary>
            <p class="muted">
              Return to ${clientName} with one of the OAuth-style error codes a provider can send.
            </p>
            <div class="errors">
              ${PROVIDER_ERROR_CODES.map((code) => html`<button type="submit" name="action" value="error:${code}">Simulate error ${code}</button>`)}
            </div>
          </details>
        </form>`,
    });
  });

  router.post('/link/provider/:platformKey/authorize', form, (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const p = providerParams(body);
    const platformKey = String(req.params.platformKey);
    const integration = checkProviderRequest(res, platformKey, p);
    if (!integration) return;
    const action = one(body.action) ?? '';
    const back = new URL(p.redirectUri);
    back.searchParams.set('state', p.state);
    if (action === 'approve') {
      prune(codes);
      const code = randomToken(24);
      codes.set(code, {
        platformKey,
        codeChallenge: p.codeChallenge,
        redirectUri: p.redirectUri,
        state: p.state,
        createdAt: Date.now(),
      });
      back.searchParams.set('code', code);
    } else {
      const error: ProviderErrorCode | undefined =
        action === 'deny'
          ? 'access_denied'
          : action === 'cancel'
            ? 'cancelled_authentication'
            : action.startsWith('error:') && isProviderErrorCode(action.slice(6))
              ? (action.slice(6) as ProviderErrorCode)
              : undefined;
      if (!error)
        return sendErrorPage(
          res,
          400,
          'Unknown action',
          'Choose Approve, Deny, Cancel or one of the simulated errors.',
        );
      back.searchParams.set('error', error);
      back.searchParams.set('error_description', PROVIDER_ERRORS[error].description);
    }
    res.redirect(303, back.href);
  });

  // ------------------------------------------------------------- Link (company level)
  router.get('/link/:companyId/connections/:connectionId/start', (req, res) => {
    const company = companyOr404(res, String(req.params.companyId));
    if (!company) return;
    const connectionId = String(req.params.connectionId);
    const connection = domain.store.connections.get(connectionId);
    if (!connection || connection.companyId !== company.id) {
      return sendErrorPage(
        res,
        404,
        'Link not found',
        'This connection link is not valid. Ask the application for a new one.',
      );
    }
    const requested = one(req.query.redirect);
    const redirectUrl = resolveRedirect(requested);
    if (!redirectUrl) return rejectRedirect(res, requested ?? '');
    prune(sessions);
    const state = randomToken(24);
    const codeVerifier = randomToken(48);
    sessions.set(state, {
      state,
      companyId: company.id,
      connectionId: connection.id,
      platformKey: connection.integrationKey,
      redirectUrl,
      codeVerifier,
      createdAt: Date.now(),
    });
    const authorize = new URL(`${domain.publicUrl}/link/provider/${connection.integrationKey}/authorize`);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: PROVIDER_CLIENT_ID,
      redirect_uri: callbackUrl(),
      state,
      code_challenge: s256(codeVerifier),
      code_challenge_method: 'S256',
    }).toString();
    res.redirect(303, authorize.href);
  });

  router.get('/link/:companyId', (req, res) => {
    const company = companyOr404(res, String(req.params.companyId));
    if (!company) return;
    const requested = one(req.query.redirect);
    const redirectUrl = resolveRedirect(requested);
    if (!redirectUrl) return rejectRedirect(res, requested ?? '');
    const connected = new Set(
      connectionsOf(domain.store, company.id)
        .filter((c) => c.status === 'Linked')
        .map((c) => c.integrationKey),
    );
    const groups = JOURNEY_SOURCE_TYPES.map((sourceType) => {
      const items = INTEGRATIONS.filter((i) => i.sourceType === sourceType && i.enabled !== false);
      return html`<h2 id="group-${sourceType}">${sourceType}</h2>
        <ul class="integrations" aria-labelledby="group-${sourceType}">
          ${items.map(
            (i) =>
              html`<li>
                <button type="submit" name="platformKey" value="${i.key}">
                  <img src="/assets/logos/${i.key}.svg" alt="" /><span
                    >${i.name}${i.sandbox ? ' (sandbox)' : ''}${connected.has(i.key) ? ' — connected' : ''}</span
                  >
                </button>
              </li>`,
          )}
        </ul>`;
    });
    sendPage(res, 200, {
      title: `Connect your financial data — ${domain.store.profile.name}`,
      formOrigins: [new URL(redirectUrl).origin],
      body: html` <h1>Connect your financial data</h1>
        <p>
          <strong>${domain.store.profile.name}</strong> asks you to connect the software and bank accounts of
          <strong>${company.name}</strong>.
        </p>
        <form method="post" action="${linkPaths.company(company.id)}/connections">
          <input type="hidden" name="redirect" value="${requested ?? ''}" />
          ${groups}
        </form>
        <form method="post" action="${linkPaths.company(company.id)}/exit">
          <input type="hidden" name="redirect" value="${requested ?? ''}" />
          <div class="actions">
            <button type="submit" name="reason" value="not_listed">My software isn't listed</button>
            <button class="danger" type="submit" name="reason" value="cancel">Cancel</button>
          </div>
        </form>`,
    });
  });

  router.post('/link/:companyId/connections', form, (req, res) => {
    const company = companyOr404(res, String(req.params.companyId));
    if (!company) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const requested = one(body.redirect) || undefined;
    if (!resolveRedirect(requested)) return rejectRedirect(res, requested ?? '');
    const platformKey = one(body.platformKey) ?? '';
    const reusable = connectionsOf(domain.store, company.id).find(
      (c) => c.integrationKey === platformKey && c.status !== 'Linked',
    );
    let connectionId: string;
    try {
      connectionId = reusable?.id ?? domain.createConnection(company.id, platformKey).id;
    } catch (error) {
      if (error instanceof ApiError)
        return sendErrorPage(res, error.statusCode, 'Cannot connect this software', error.message);
      throw error;
    }
    domain.store.scheduleSave();
    const start = new URL(`${domain.publicUrl}${linkPaths.connectionStart(company.id, connectionId)}`);
    if (requested) start.searchParams.set('redirect', requested);
    res.redirect(303, start.href);
  });

  router.post('/link/:companyId/exit', form, (req, res) => {
    const company = companyOr404(res, String(req.params.companyId));
    if (!company) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const requested = one(body.redirect) || undefined;
    const redirectUrl = resolveRedirect(requested);
    if (!redirectUrl) return rejectRedirect(res, requested ?? '');
    const code: ProviderErrorCode = one(body.reason) === 'not_listed' ? 'usr_dh_not_listed' : 'usr_opt_out';
    const params = linkResultParams({
      ok: false,
      statusCode: PROVIDER_ERRORS[code].statusCode,
      companyId: company.id,
      connectionId: null,
      error: code,
      errorDescription: PROVIDER_ERRORS[code].description,
      userRecoverable: true,
    });
    res.redirect(303, withParams(redirectUrl, params));
  });

  return router;
}
