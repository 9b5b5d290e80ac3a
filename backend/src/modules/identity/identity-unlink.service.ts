import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException, notFound } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/entities/user.entity';
import { IdentityLink } from './entities/identity-link.entity';
import { IdentityProviders } from './identity-providers';

/**
 * Unlinking a provider, only while the person keeps another way in: a password with a phone or email
 * to sign in with, another configured provider, or a sign-in card. The identity number's hash stays
 * on the account (a later link must match it) and records issued as verified stay verified.
 */
@Injectable()
export class IdentityUnlinkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly providers: IdentityProviders,
    private readonly audit: AuditService,
  ) {}

  async unlink(userId: string, provider: string, meta: RequestMeta): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      // The person's row, locked: two unlinks at once cannot each count on the other provider.
      const user = await em.getRepository(User).findOneOrFail({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      const links = await em.getRepository(IdentityLink).findBy({ userId });
      const link = links.find((l) => l.provider === provider);
      if (!link) throw notFound('Identity link');
      const configured = new Set(this.providers.list().map((p) => p.id));
      const [card] = (await em.query('SELECT EXISTS (SELECT 1 FROM sign_in_cards WHERE user_id = $1 AND revoked_at IS NULL) AS has', [userId])) as { has: boolean }[];
      const password = user.passwordHash !== null && (user.phoneHash !== null || user.emailHash !== null);
      const otherProvider = links.some((l) => l.provider !== provider && configured.has(l.provider));
      if (!password && !otherProvider && !card?.has) {
        throw new AppException(HttpStatus.CONFLICT, 'LAST_SIGN_IN_METHOD', 'Set a password first: this provider is your only way to sign in');
      }
      await em.getRepository(IdentityLink).delete({ id: link.id });
      await this.audit.record('identity.unlinked', { actorId: userId, subjectId: userId, meta, details: { provider } }, em);
    });
  }
}
