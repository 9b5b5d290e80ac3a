import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../../../database/prepared';
import type { AssistantCitation, AssistantMessage } from '../entities/assistant-message.entity';
import { TurnBatch } from './turn-batch';

/** Who asks: what masking and the usage counts need, and the title of a timed quiz they have open (the exam lock). */
export type Asker = { fullName: string | null; unitId: string | null; provinceId: string | null; exam: string | null };

export type NewMessage = Pick<AssistantMessage, 'userId' | 'unitId' | 'provinceId' | 'question' | 'questionFolded' | 'mode' | 'answerText'> & { citations: AssistantCitation[] };

/** The people asking in one turn, and any exam each has open whose time is not over, in one statement. */
const ASKERS_SQL = `
  SELECT u.id, u.full_name, u.unit_id, u.province_id,
         (SELECT q.title FROM quiz_attempts a JOIN quizzes q ON q.id = a.quiz_id
           WHERE a.user_id = u.id AND a.status = 'in_progress' AND a.deadline_at IS NOT NULL AND a.deadline_at > now() LIMIT 1) AS exam
    FROM users u WHERE u.id = ANY($1::text[]::uuid[])`;

/** The answers of one turn stored by one statement of any size (arrays unnested; ids made here). */
const INSERT_SQL = `
  INSERT INTO assistant_messages (id, user_id, unit_id, province_id, question, question_folded, mode, answer_text, citations)
  SELECT * FROM unnest($1::text[]::uuid[], $2::text[]::uuid[], $3::text[]::uuid[], $4::text[]::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]::jsonb[])`;

/**
 * The two statements every question needs, batched per event-loop turn: reading the askers (with the
 * exam lock, never cached: it must hold from the moment an exam starts) and storing the answers. Each
 * caller still gets its answer only once its row is stored.
 */
@Injectable()
export class AssistantAsks {
  private readonly askers: TurnBatch<string, Asker | null>;
  private readonly inserts: TurnBatch<NewMessage & { id: string }, string>;

  constructor(dataSource: DataSource) {
    this.askers = new TurnBatch(async (userIds) => {
      const rows = await preparedQuery<{ id: string; full_name: string | null; unit_id: string | null; province_id: string | null; exam: string | null }>(
        dataSource, 'assistant_askers', ASKERS_SQL, [[...new Set(userIds)]],
      );
      const byId = new Map(rows.map((r) => [r.id, { fullName: r.full_name, unitId: r.unit_id, provinceId: r.province_id, exam: r.exam }]));
      return userIds.map((id) => byId.get(id) ?? null);
    });
    this.inserts = new TurnBatch(async (rows) => {
      const column = <K extends keyof (NewMessage & { id: string })>(k: K) => rows.map((r) => r[k]);
      await preparedQuery(dataSource, 'assistant_insert_messages', INSERT_SQL, [
        column('id'), column('userId'), column('unitId'), column('provinceId'), column('question'), column('questionFolded'), column('mode'), column('answerText'),
        rows.map((r) => JSON.stringify(r.citations)),
      ]);
      return rows.map((r) => r.id);
    });
  }

  asker(userId: string): Promise<Asker | null> {
    return this.askers.run(userId);
  }

  /** Stores an answer; resolves with its id once the row is written. */
  store(message: NewMessage): Promise<string> {
    return this.inserts.run({ ...message, id: randomUUID() });
  }
}
