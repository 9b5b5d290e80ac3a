import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Lessons read aloud (MP3), keyed by a hash of the words spoken (issue 17). */
export class LessonAudio1796117000001 implements MigrationInterface {
  name = 'LessonAudio1796117000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "lesson_audio" ("text_hash" character varying(64) NOT NULL, "content" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_53a4a7aa05936a83a29f1379c23" PRIMARY KEY ("text_hash"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "lesson_audio"`);
  }
}
