import { createParamDecorator, type ExecutionContext, HttpStatus } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { fieldError } from '../errors/app-exception';

const KEY = /^[A-Za-z0-9_.:-]{8,64}$/;

/** The optional `Idempotency-Key` header of a write the client may resend (retries, offline replays). */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => {
  const value = ctx.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !KEY.test(value)) {
    throw fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'Idempotency-Key', 'Idempotency-Key must be 8–64 letters, digits or _ . : -');
  }
  return value;
});

export const ApiIdempotencyKey = () =>
  ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Any unique string per action; a resend with the same key records nothing new' });
