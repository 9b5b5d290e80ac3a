import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { RequestMeta } from '../../common/http/request-meta';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../auth/sessions.service';
import type { User } from '../users/entities/user.entity';
import type { ActiveMember } from './community-team.service';
import { CommunityResidentsService } from './community-residents.service';
import { AssistedSession } from './entities/assisted-session.entity';

/** An assisted session ends on its own after this, should the member forget to close it. */
const ASSISTED_TTL_HOURS = 3;

/**
 * A resident learning on a team member's phone. The phone holds the resident's own session while
 * the member's waits aside, so everything recorded in between (lessons, quizzes, assessment) is the
 * resident's by construction: no route takes a "learner id" from the member.
 */
@Injectable()
export class AssistedSessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly residents: CommunityResidentsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async start(member: ActiveMember, residentId: string, meta: RequestMeta): Promise<{ resident: User; token: string }> {
    const resident = await this.residents.visibleResident(member, residentId);
    return this.dataSource.transaction(async (em) => {
      const { token, session } = await this.sessions.create(resident.id, meta.userAgent, em, { byId: member.userId, ttlHours: ASSISTED_TTL_HOURS });
      await em.getRepository(AssistedSession).insert({ memberId: member.userId, residentId: resident.id, sessionId: session.id, startedAt: new Date() });
      await this.audit.record('community.assist_started', { actorId: member.userId, subjectId: resident.id, meta }, em);
      return { resident, token };
    });
  }

  /** Closes the resident's session that the member's phone holds (if it is one the member opened). */
  async end(memberId: string, residentSessionId: string, residentId: string): Promise<void> {
    const closed = await this.dataSource.getRepository(AssistedSession).update(
      { memberId, sessionId: residentSessionId, endedAt: IsNull() },
      { endedAt: new Date() },
    );
    if (closed.affected) await this.sessions.revoke(residentId, residentSessionId, 'assist_ended');
  }
}
