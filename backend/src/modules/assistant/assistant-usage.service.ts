import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { whereInScope } from '../admin-users/user-scope';
import type { Principal } from '../auth/decorators';
import { AssistantSettingsService } from './assistant-settings.service';
import { ChatModelClient } from './answering/chat-model.client';
import type { AssistantMode } from './entities/assistant-settings.entity';
import { AssistantMessage } from './entities/assistant-message.entity';
import { HybridRetriever, type RetrievalStatus } from './retrieval/hybrid-retriever.service';

export type AssistantUsage = {
  mode: AssistantMode;
  provider: { host: string; model: string } | null;
  retrieval: RetrievalStatus;
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
    private readonly retriever: HybridRetriever,
  ) {}

  async overview(admin: Principal): Promise<AssistantUsage> {
    // Scoped in SQL like the user list (admin-users/user-scope.ts): a commune's or a province's rows only.
    const scope = whereInScope(this.dataSource.getRepository(AssistantMessage).createQueryBuilder('m').select('m.id'), 'm', admin);
    const [inScope, params] = scope.getQueryAndParameters();
    const q = <T>(select: string, tail: string, extra: unknown[] = []) =>
      this.dataSource.query(`WITH s AS (${inScope}) SELECT ${select} FROM assistant_messages m JOIN s ON s.m_id = m.id ${tail}`, [...params, ...extra]) as Promise<T[]>;
    const n = params.length;
    const weeks = await q<AssistantUsage['weeks'][number]>(
      `to_char(date_trunc('week', m.created_at), 'YYYY-MM-DD') AS week, m.unit_id AS "unitId", u.name AS "unitName", count(*)::int AS questions`,
      `LEFT JOIN admin_units u ON u.id = m.unit_id WHERE m.created_at >= date_trunc('week', now()) - make_interval(weeks => $${n + 1})
       GROUP BY 1, m.unit_id, u.name ORDER BY 1 DESC, questions DESC`,
      [WEEKS - 1],
    );
    const [verdicts] = await q<{ helpful: number; notHelpful: number }>(`count(*) FILTER (WHERE m.helpful)::int AS helpful, count(*) FILTER (WHERE NOT m.helpful)::int AS "notHelpful"`, '');
    const unanswered = await q<{ question: string; count: number }>(
      'm.question_folded AS question, count(*)::int AS count',
      `WHERE m.mode = 'none' GROUP BY m.question_folded ORDER BY count DESC, question ASC LIMIT $${n + 1}`,
      [UNANSWERED_SHOWN],
    );
    return {
      mode: await this.settings.mode(),
      provider: this.model.provider,
      retrieval: await this.retriever.status(),
      weeks,
      helpful: verdicts?.helpful ?? 0,
      notHelpful: verdicts?.notHelpful ?? 0,
      unanswered,
    };
  }
}
