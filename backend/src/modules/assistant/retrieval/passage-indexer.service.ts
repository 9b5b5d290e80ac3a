import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { splitLesson } from './passage-splitter';
import { EMBEDDING_INPUT } from './passage-vectors.service';

/** md5 of every live course's slug and content hash: what the passages must have been built from. */
const CONTENT_SIGNATURE = `SELECT md5(coalesce(string_agg(slug || ':' || content_hash, ',' ORDER BY slug), '')) AS signature
  FROM courses WHERE archived_at IS NULL`;

/**
 * Builds `assistant_passages` from the published lessons: live lessons of live courses, nothing else.
 * Quiz questions, options, answer keys and explanations are never read here, so they can never be
 * quoted. Idempotent and whole: one transaction replaces every passage, under a lock on the state row.
 */
@Injectable()
export class PassageIndexer {
  constructor(private readonly dataSource: DataSource) {}

  /** Rebuilds when the content changed since the last build; returns whether it did. */
  async rebuildIfStale(): Promise<boolean> {
    const [current] = (await this.dataSource.query(`${CONTENT_SIGNATURE}`)) as { signature: string }[];
    const [state] = (await this.dataSource.query('SELECT content_signature FROM assistant_index_state WHERE id = 1')) as { content_signature: string }[];
    if (state?.content_signature === current?.signature) return false;
    await this.rebuild();
    return true;
  }

  async rebuild(): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`INSERT INTO assistant_index_state (id, content_signature, passage_count, built_at) VALUES (1, '', 0, now()) ON CONFLICT (id) DO NOTHING`);
      await em.query('SELECT 1 FROM assistant_index_state WHERE id = 1 FOR UPDATE');
      const lessons = (await em.query(
        `SELECT l.id, l.course_id, l.title, l.body FROM lessons l JOIN courses c ON c.id = l.course_id
          WHERE l.archived_at IS NULL AND c.archived_at IS NULL ORDER BY c.slug, l.position`,
      )) as { id: string; course_id: string; title: string; body: string }[];
      const rows = lessons.flatMap((l) => splitLesson(l.title, l.body).map((p) => ({ lessonId: l.id, courseId: l.course_id, ...p })));
      await em.query('DELETE FROM assistant_passages');
      // Folded by vn_unaccent() in SQL, as the catalogue folds: one definition of "without diacritics".
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200);
        const params: unknown[] = [];
        const values = chunk.map((r) => {
          params.push(r.lessonId, r.courseId, r.position, r.heading.slice(0, 300), r.anchor, r.text);
          const n = params.length;
          const [heading, text] = [`$${n - 2}::text`, `$${n}::text`];
          return `($${n - 5}::uuid, $${n - 4}::uuid, $${n - 3}::int, ${heading}, $${n - 1}::text, ${text}, vn_unaccent(${heading}), vn_unaccent(${text}), md5(${EMBEDDING_INPUT(heading, text)}))`;
        });
        await em.query(
          `INSERT INTO assistant_passages (lesson_id, course_id, position, heading, anchor, text, heading_folded, text_folded, content_hash) VALUES ${values.join(', ')}`,
          params,
        );
      }
      await em.query(`UPDATE assistant_index_state SET content_signature = (${CONTENT_SIGNATURE}), passage_count = $1, built_at = clock_timestamp() WHERE id = 1`, [rows.length]);
      return rows.length;
    });
  }
}
