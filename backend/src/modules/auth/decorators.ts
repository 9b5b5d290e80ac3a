import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Role, ScopeLevel } from '../users/entities/user.entity';

/** The signed-in person as guards and services see them. */
export type Principal = {
  userId: string;
  sessionId: string;
  role: Role;
  scope: { level: ScopeLevel; unitId: string | null } | null;
};

export const IS_PUBLIC = 'auth:public';
/** Open to anyone; every other route needs a session. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const ROLES_KEY = 'auth:roles';
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest<FastifyRequest & { user: Principal }>().user,
);
