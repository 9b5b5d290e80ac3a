import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ActiveMember } from './community-team.service';
import { CommunityResidentsService } from './community-residents.service';
import { CommunityErrors } from './community.errors';
import type { HouseholdVisitDto } from './dto/community.dto';
import { HouseholdVisit } from './entities/household-visit.entity';

/** Household visits as members log them, often offline: the phone's id makes a resend harmless. */
@Injectable()
export class HouseholdVisitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly residents: CommunityResidentsService,
  ) {}

  /** Stores the visit once; the same id sent again answers with what was stored, a different visit under it is refused. */
  async log(member: ActiveMember, dto: HouseholdVisitDto): Promise<{ visit: HouseholdVisit; created: boolean }> {
    const residentIds = [...new Set(dto.residentIds ?? [])].sort();
    for (const id of residentIds) await this.residents.visibleResident(member, id).catch(() => { throw CommunityErrors.unknownResidents(); });
    const repo = this.dataSource.getRepository(HouseholdVisit);
    const inserted = await repo.createQueryBuilder().insert().values({
      id: dto.id, memberId: member.userId, unitId: member.unitId, visitedAt: new Date(dto.visitedAt),
      peopleHelped: dto.peopleHelped, residentIds, note: dto.note?.trim() || null,
    }).orIgnore().execute();
    const visit = await repo.findOneByOrFail({ id: dto.id });
    const created = (inserted.identifiers.length > 0 && inserted.raw.length > 0) as boolean;
    if (!created && (visit.memberId !== member.userId || visit.visitedAt.getTime() !== new Date(dto.visitedAt).getTime() || visit.peopleHelped !== dto.peopleHelped)) {
      throw CommunityErrors.visitConflict();
    }
    return { visit, created };
  }

  listOf(member: ActiveMember): Promise<HouseholdVisit[]> {
    return this.dataSource.getRepository(HouseholdVisit).find({ where: { memberId: member.userId }, order: { visitedAt: 'DESC' }, take: 200 });
  }
}
