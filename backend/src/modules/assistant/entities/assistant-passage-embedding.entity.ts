import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A passage's vector from the configured embedding model, keyed by the model and the hash of the text
 * that was embedded: rebuilding the passages (new ids) re-embeds nothing unchanged, and a changed passage
 * gets a new hash. Stored as `real[]` so the schema is the same whether or not pgvector is installed;
 * searches cast it to `vector` where the extension exists (decision 0008).
 */
@Entity('assistant_passage_embeddings')
export class AssistantPassageEmbedding {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  model: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  contentHash: string;

  @Column({ type: 'real', array: true })
  embedding: number[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
