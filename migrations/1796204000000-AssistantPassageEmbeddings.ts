import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AssistantPassageEmbeddings1796204000000 implements MigrationInterface {
  name = 'AssistantPassageEmbeddings1796204000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // pgvector where the server has it (PGlite loads it; Debian's PostgreSQL 15 may not): without it the
    // assistant ranks with full text alone, and the vectors are still kept for when it is installed.
    await queryRunner.query("DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN CREATE EXTENSION IF NOT EXISTS vector; END IF; END $$");
    await queryRunner.query("CREATE TABLE \"assistant_passage_embeddings\" (\"model\" character varying(200) NOT NULL, \"content_hash\" character varying(32) NOT NULL, \"embedding\" real array NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_820eebe4d036fb711b3540e932a\" PRIMARY KEY (\"model\", \"content_hash\"))");
    // Existing passages get the hash the indexer gives (PassageVectors' EMBEDDING_INPUT).
    await queryRunner.query("ALTER TABLE \"assistant_passages\" ADD \"content_hash\" character varying(32) NOT NULL DEFAULT ''");
    await queryRunner.query("UPDATE \"assistant_passages\" SET \"content_hash\" = md5(left(\"heading\" || E'\\n\\n' || \"text\", 2000))");
    await queryRunner.query("ALTER TABLE \"assistant_passages\" ALTER COLUMN \"content_hash\" DROP DEFAULT");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"assistant_passages\" DROP COLUMN \"content_hash\"");
    await queryRunner.query("DROP TABLE \"assistant_passage_embeddings\"");
  }
}
