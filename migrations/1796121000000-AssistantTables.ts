import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AssistantTables1796121000000 implements MigrationInterface {
  name = 'AssistantTables1796121000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"assistant_index_state\" (\"id\" smallint NOT NULL, \"content_signature\" character varying(64) NOT NULL, \"passage_count\" integer NOT NULL, \"built_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_16f11f7b3afa3be94fb553b96cf\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"assistant_messages\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"unit_id\" uuid, \"province_id\" uuid, \"question\" text NOT NULL, \"question_folded\" text NOT NULL, \"mode\" character varying(12) NOT NULL, \"answer_text\" text NOT NULL DEFAULT '', \"citations\" jsonb NOT NULL DEFAULT '[]', \"helpful\" boolean, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_assistant_messages_mode\" CHECK (\"mode\" IN ('passages', 'model', 'none')), CONSTRAINT \"PK_2e3cd3325f853089044baca6b77\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_assistant_messages_created\" ON \"assistant_messages\"  (\"created_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_assistant_messages_user\" ON \"assistant_messages\"  (\"user_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"assistant_passages\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"lesson_id\" uuid NOT NULL, \"course_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"heading\" character varying(300) NOT NULL, \"anchor\" character varying(100) NOT NULL, \"text\" text NOT NULL, \"heading_folded\" text NOT NULL, \"text_folded\" text NOT NULL, CONSTRAINT \"PK_33cad1e2a376c6aaa453985a680\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_assistant_passages_lesson_position\" ON \"assistant_passages\"  (\"lesson_id\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"assistant_settings\" (\"id\" smallint NOT NULL, \"mode\" character varying(8) NOT NULL, \"updated_by_id\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_assistant_settings_mode\" CHECK (\"mode\" IN ('off', 'local', 'model')), CONSTRAINT \"PK_163483d7c1edaa6ed13a9c4f2c7\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("ALTER TABLE \"assistant_messages\" ADD CONSTRAINT \"FK_41ac3e209249b9c3ab37ba66184\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    // On until a national administrator says otherwise; with no model configured "model" answers with passages.
    await queryRunner.query("INSERT INTO \"assistant_settings\" (\"id\", \"mode\") VALUES (1, 'model')");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"assistant_messages\" DROP CONSTRAINT \"FK_41ac3e209249b9c3ab37ba66184\"");
    await queryRunner.query("DROP TABLE \"assistant_settings\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_assistant_passages_lesson_position\"");
    await queryRunner.query("DROP TABLE \"assistant_passages\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_assistant_messages_user\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_assistant_messages_created\"");
    await queryRunner.query("DROP TABLE \"assistant_messages\"");
    await queryRunner.query("DROP TABLE \"assistant_index_state\"");
  }
}
