import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { whereInScope } from '../admin-users/user-scope';
import type { Principal } from '../auth/decorators';
import { AssistantSettingsService } from './assistant-settings.service';
import { ChatModelClient } from './answering/chat-model.client';
import type { AssistantMode } from './entities/assistant-settings.entity';
import { AssistantMessage } from './entities/assistant-message.entity';

export type AssistantUsage = {
  mode: AssistantMode;
  provider: { host: string; model: string } | null;
  weeks: { week: string; unitId: string | null; unitName: string | null; questions: number }[];
  helpful: number;
  notHelpful: number;
  unanswered: { question: string; count: number }[];
};

const WEEKS = 8;
const UNANSWERED_SHOWN = 20;

/**
 * The administrator's view, in their scope (in SQL) and aggregated: counts per week and commune, the
 * helpful rate, and the questions that found no lesson, grouped by their folded (already masked) text.
 */
@Injectable()
export class AssistantUsageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: AssistantSettingsService,
    private readonly model: ChatModelClient,
  ) {}

  async overview(admin: Principal): Promise<AssistantUsage> {
    const scoped = () => whereInScope(this.dataSource.getRepository(AssistantMessage).createQueryBuilder('m'), 'm', admin);
    const weeks = await scoped()
      .select(`to_char(date_trunc('week', m.created_at), 'YYYY-MM-DD')`, 'week')
      .addSelect('m.unit_id', 'unitId')
      .addSelect('u.name', 'unitName')
      .addSelect('count(*)::int', 'questions')
      .leftJoin('admin_units', 'u', 'u.id = m.unit_id')
      .andWhere(`m.created_at >= date_trunc('week', now()) - make_interval(weeks => ${WEEKS - 1})`)
      .groupBy('1, m.unit_id, u.name')
      .orderBy('1', 'DESC')
      .addOrderBy('questions', 'DESC')
      .getRawMany<AssistantUsage['weeks'][number]>();
    const verdicts = await scoped()
      .select('count(*) FILTER (WHERE m.helpful)::int', 'helpful')
      .addSelect('count(*) FILTER (WHERE NOT m.helpful)::int', 'notHelpful')
      .getRawOne<{ helpful: number; notHelpful: number }>();
    const unanswered = await scoped()
      .select('m.question_folded', 'question')
      .addSelect('count(*)::int', 'count')
      .andWhere(`m.mode = 'none'`)
      .groupBy('m.question_folded')
      .orderBy('count', 'DESC')
      .addOrderBy('m.question_folded', 'ASC')
      .limit(UNANSWERED_SHOWN)
      .getRawMany<{ question: string; count: number }>();
    return {
      mode: await this.settings.mode(),
      provider: this.model.provider,
      weeks,
      helpful: verdicts?.helpful ?? 0,
      notHelpful: verdicts?.notHelpful ?? 0,
      unanswered,
    };
  }
}
