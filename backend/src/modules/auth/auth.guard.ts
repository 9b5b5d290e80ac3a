import { type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { AppException } from '../../common/errors/app-exception';
import type { Role } from '../users/entities/user.entity';
import { IS_PUBLIC, type Principal, ROLES_KEY } from './decorators';

/** Deny by default: every route needs a live session unless marked @Public; @Roles narrows further. */
@Injectable()
export class SessionAuthGuard extends AuthGuard('session') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(ctx);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const user = ctx.switchToHttp().getRequest<FastifyRequest & { user: Principal }>().user;
    if (roles && !roles.includes(user.role)) {
      throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Your role may not use this');
    }
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    // A failed session lookup (database away) is the server's fault: answer 503, not "sign in".
    if (err) throw err;
    if (!user) throw new AppException(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', 'Sign in first');
    return user;
  }
}
