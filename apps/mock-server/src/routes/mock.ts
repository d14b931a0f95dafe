import { Router } from 'express';
import * as z from 'zod/mini';
import { DAY_MS } from '../clock.js';
import type { Domain } from '../domain.js';
import { ApiError } from '../errors.js';
import { parseBody } from '../validate.js';

const ClockBody = z
  .strictObject({
    advanceDays: z.optional(z.number().check(z.minimum(0), z.maximum(3650))),
    advanceMs: z.optional(z.int().check(z.minimum(0))),
    now: z.optional(z.iso.datetime({ offset: true })),
  })
  .check(
    z.refine((b) => [b.advanceDays, b.advanceMs, b.now].filter((v) => v !== undefined).length === 1, {
      message: 'give exactly one of advanceDays, advanceMs, now',
    }),
  );

const ResetBody = z.strictObject({ seed: z.optional(z.string().check(z.maxLength(50))) });

/**
 * Test/demo endpoints, only mounted when `enableTestEndpoints` is on (404 otherwise). No credentials needed:
 * they exist for local tests and demos only.
 */
export function mockRouter(domain: Domain, reset: (seed?: string) => void): Router {
  const router = Router();
  const clockState = () => ({ now: domain.clock.iso(), offsetMs: domain.clock.offset });

  router.get('/_mock/clock', (_req, res) => {
    res.json(clockState());
  });

  router.post('/_mock/clock', (req, res) => {
    const body = parseBody(ClockBody, req.body);
    try {
      if (body.advanceDays !== undefined) domain.clock.advance(Math.round(body.advanceDays * DAY_MS));
      else if (body.advanceMs !== undefined) domain.clock.advance(body.advanceMs);
      else if (body.now !== undefined) domain.clock.set(Date.parse(body.now));
    } catch (error) {
      throw ApiError.invalid('now', (error as Error).message, 'clock');
    }
    res.json(clockState());
  });

  router.post('/_mock/reset', (req, res) => {
    const body = req.body === undefined ? {} : parseBody(ResetBody, req.body);
    try {
      reset(body.seed);
    } catch (error) {
      throw ApiError.invalid('seed', (error as Error).message, 'seed');
    }
    res.status(204).end();
  });

  return router;
}
