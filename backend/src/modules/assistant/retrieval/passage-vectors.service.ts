import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** What is embedded for a passage, as SQL over two text expressions: heading and text, cut where models stop reading. */
export const EMBEDDING_INPUT = (heading: string, text: string) => `left(${heading} || E'\\n\\n' || ${text}, 2000)`;

/** How often a process looks again for the vector extension (it may be installed while the API runs). */
const EXTENSION_CHECK_MS = 60_000;

/**
 * The passages' vectors in `assistant_passage_embeddings`: which are missing for a model, storing them,
 * dropping those no passage uses any more, and the nearest passages to a question's vector through
 * pgvector (PostgreSQL) or PGlite's vector extension. Without the extension nothing here ranks.
 */
@Injectable()
export class PassageVectors {
  private readonly logger = new Logger('PassageVectors');
  private extension: { ok: boolean; at: number } | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Whether `vector` is usable. The migration creates it where installed; a server that gets pgvector
   * later has it created here, without a new migration (CREATE EXTENSION fails harmlessly where it is missing).
   */
  async extensionReady(): Promise<boolean> {
    if (this.extension && Date.now() - this.extension.at < EXTENSION_CHECK_MS) return this.extension.ok;
    const had = this.extension?.ok;
    let ok: boolean;
    try {
      const [row] = (await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') AS ok`)) as { ok: boolean }[];
      ok = !!row?.ok;
      if (!ok) ok = await this.dataSource.query('CREATE EXTENSION IF NOT EXISTS vector').then(() => true, () => false);
    } catch {
      ok = false;
    }
    if (had !== ok) this.logger[ok ? 'log' : 'warn'](ok ? 'Vector extension ready: hybrid ranking' : 'No vector extension (pgvector) in the database: ranking with full text alone');
    this.extension = { ok, at: Date.now() };
    return ok;
  }

  /** Passages (by content hash) that have no vector from `model` yet, with the text to embed. */
  missing(model: string, limit: number): Promise<{ hash: string; input: string }[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (p.content_hash) p.content_hash AS hash, ${EMBEDDING_INPUT('p.heading', 'p.text')} AS input
         FROM assistant_passages p
        WHERE NOT EXISTS (SELECT 1 FROM assistant_passage_embeddings e WHERE e.model = $1 AND e.content_hash = p.content_hash)
        ORDER BY p.content_hash LIMIT $2`,
      [model, limit],
    );
  }

  /** Stores vectors; one already stored for the same text and model is kept (a retried batch adds nothing). */
  async store(model: string, rows: { hash: string; vector: number[] }[]): Promise<void> {
    if (rows.length === 0) return;
    const params: unknown[] = [model];
    const values = rows.map((r) => {
      params.push(r.hash, `{${r.vector.join(',')}}`);
      return `($1, $${params.length - 1}, $${params.length}::real[])`;
    });
    await this.dataSource.query(
      `INSERT INTO assistant_passage_embeddings (model, content_hash, embedding) VALUES ${values.join(', ')} ON CONFLICT (model, content_hash) DO NOTHING`,
      params,
    );
  }

  /** Drops vectors of other models and of texts no passage has any more; returns how many. */
  async prune(model: string): Promise<number> {
    const rows = (await this.dataSource.query(
      `DELETE FROM assistant_passage_embeddings e
        WHERE e.model <> $1 OR NOT EXISTS (SELECT 1 FROM assistant_passages p WHERE p.content_hash = e.content_hash) RETURNING 1`,
      [model],
    )) as unknown[];
    return rows.length;
  }

  /** Distinct passage texts, and how many of them have a vector from `model`. */
  async counts(model: string | null): Promise<{ passages: number; embedded: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(DISTINCT p.content_hash)::int AS passages, count(DISTINCT e.content_hash)::int AS embedded
         FROM assistant_passages p LEFT JOIN assistant_passage_embeddings e ON e.model = $1 AND e.content_hash = p.content_hash`,
      [model ?? ''],
    )) as { passages: number; embedded: number }[];
    return row ?? { passages: 0, embedded: 0 };
  }

  /** The passages whose vectors are nearest to `vector` (cosine), best first; only call when the extension is ready. */
  nearest(model: string, vector: number[], limit: number): Promise<{ id: string; similarity: number }[]> {
    // Vectors of another length (a model changed under the same name) are skipped, not compared.
    return this.dataSource.query(
      `SELECT p.id, 1 - (e.embedding::vector <=> $2::vector) AS similarity
         FROM assistant_passage_embeddings e JOIN assistant_passages p ON p.content_hash = e.content_hash
        WHERE e.model = $1 AND cardinality(e.embedding) = $3
        ORDER BY e.embedding::vector <=> $2::vector LIMIT $4`,
      [model, `[${vector.join(',')}]`, vector.length, limit],
    );
  }
}
