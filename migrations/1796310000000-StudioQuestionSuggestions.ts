import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StudioQuestionSuggestions1796310000000 implements MigrationInterface {
  name = 'StudioQuestionSuggestions1796310000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"studio_question_suggestions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"course_id\" uuid NOT NULL, \"lesson_id\" uuid NOT NULL, \"author_id\" uuid NOT NULL, \"idempotency_key\" character varying(64), \"fingerprint\" character varying(120) NOT NULL, \"status\" character varying(8) NOT NULL DEFAULT 'pending', \"requested\" smallint NOT NULL, \"question_ids\" uuid array NOT NULL DEFAULT '{}', \"dropped\" smallint NOT NULL DEFAULT '0', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_e78fcb1be779fd9920b78b1ad3f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_studio_question_suggestions_request\" ON \"studio_question_suggestions\"  (\"author_id\", \"fingerprint\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_studio_question_suggestions_key\" ON \"studio_question_suggestions\"  (\"author_id\", \"idempotency_key\") ");
    await queryRunner.query("ALTER TABLE \"studio_questions\" ADD \"suggested_from_lesson_id\" uuid");
    await queryRunner.query("ALTER TABLE \"studio_questions\" ADD \"suggested_at\" TIMESTAMP WITH TIME ZONE");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"studio_questions\" DROP COLUMN \"suggested_at\"");
    await queryRunner.query("ALTER TABLE \"studio_questions\" DROP COLUMN \"suggested_from_lesson_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_studio_question_suggestions_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_studio_question_suggestions_request\"");
    await queryRunner.query("DROP TABLE \"studio_question_suggestions\"");
  }
}
