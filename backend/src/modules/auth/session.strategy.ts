import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import type { Principal } from './decorators';
import { SESSION_COOKIE } from './session-cookie';
import { SessionsService } from './sessions.service';

/** Passport strategy for the session cookie; later login methods (OIDC) end in the same session. */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, 'session') {
  constructor(private readonly sessions: SessionsService) {
    super();
  }

  async validate(req: FastifyRequest): Promise<Principal | false> {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return false;
    return (await this.sessions.resolve(token)) ?? false;
  }
}
