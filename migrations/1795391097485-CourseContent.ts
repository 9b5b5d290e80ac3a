import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CourseContent1795391097485 implements MigrationInterface {
  name = 'CourseContent1795391097485';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"competencies\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"framework_version_id\" uuid NOT NULL, \"code\" character varying(8) NOT NULL, \"domain_code\" character varying(4) NOT NULL, \"name\" character varying(200) NOT NULL, \"name_en\" character varying(200) NOT NULL, CONSTRAINT \"PK_0b29ecda233cc61de0d93527813\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_competencies_version_code\" ON \"competencies\"  (\"framework_version_id\", \"code\") ");
    await queryRunner.query("CREATE TABLE \"content_imports\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"status\" character varying(16) NOT NULL DEFAULT 'queued', \"progress\" smallint NOT NULL DEFAULT '0', \"report\" jsonb, \"problems\" text array NOT NULL DEFAULT '{}', \"requested_by_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"finished_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"ck_content_imports_status\" CHECK (\"status\" IN ('queued', 'running', 'done', 'failed')), CONSTRAINT \"PK_2b19b65534e027781c0c35b3d4d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"framework_versions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"version\" character varying(40) NOT NULL, \"title\" character varying(300) NOT NULL, \"definition\" jsonb NOT NULL, \"profiles\" jsonb NOT NULL, \"profiles_status\" character varying(20) NOT NULL, \"current\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_88f2b87d4779257c2b50d19c491\" UNIQUE (\"version\"), CONSTRAINT \"PK_125c2ccf3b5ad490d5db89ab683\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"courses\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"slug\" character varying(120) NOT NULL, \"framework_version_id\" uuid NOT NULL, \"title\" character varying(300) NOT NULL, \"summary\" text NOT NULL, \"target_groups\" text array NOT NULL, \"competencies\" jsonb NOT NULL, \"competency_codes\" text array NOT NULL, \"domain_codes\" text array NOT NULL, \"levels\" smallint array NOT NULL, \"estimated_minutes\" integer NOT NULL, \"ordering\" character varying(12) NOT NULL, \"search_text\" text NOT NULL DEFAULT '', \"content_hash\" character varying(64) NOT NULL, \"archived_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_a3bb2d01cfa0f95bc5e034e1b7a\" UNIQUE (\"slug\"), CONSTRAINT \"ck_courses_ordering\" CHECK (\"ordering\" IN ('sequential', 'free')), CONSTRAINT \"PK_3f70a487cc718ad8eda4e6d58c9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"lessons\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"course_id\" uuid NOT NULL, \"slug\" character varying(120) NOT NULL, \"position\" integer NOT NULL, \"title\" character varying(300) NOT NULL, \"body\" text NOT NULL, \"competencies\" text array NOT NULL, \"estimated_minutes\" integer NOT NULL, \"video\" jsonb, \"archived_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_9b9a8d455cac672d262d7275730\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_lessons_course_slug\" ON \"lessons\"  (\"course_id\", \"slug\") ");
    await queryRunner.query("CREATE TABLE \"questions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"course_id\" uuid NOT NULL, \"external_id\" character varying(120) NOT NULL, \"bank_file\" character varying(200) NOT NULL, \"type\" character varying(16) NOT NULL, \"competency\" character varying(8) NOT NULL, \"level\" smallint NOT NULL, \"prompt\" text NOT NULL, \"explanation\" text NOT NULL, \"payload\" jsonb NOT NULL, \"archived_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_08a6d4b0f49ff300bf3a0ca60ac\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_questions_course_competency\" ON \"questions\"  (\"course_id\", \"competency\", \"level\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_questions_course_external\" ON \"questions\"  (\"course_id\", \"external_id\") ");
    await queryRunner.query("CREATE TABLE \"quizzes\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"course_id\" uuid NOT NULL, \"slug\" character varying(120) NOT NULL, \"title\" character varying(300) NOT NULL, \"banks\" text array NOT NULL, \"question_count\" integer NOT NULL, \"pass_percent\" smallint NOT NULL, \"required\" boolean NOT NULL, \"archived_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_b24f0f7662cf6b3a0e7dba0a1b4\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_quizzes_course_slug\" ON \"quizzes\"  (\"course_id\", \"slug\") ");
    await queryRunner.query("ALTER TABLE \"courses\" ADD CONSTRAINT \"FK_62fb8dd01cbc5afa6c4d1de9f56\" FOREIGN KEY (\"framework_version_id\") REFERENCES \"framework_versions\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"lessons\" ADD CONSTRAINT \"FK_3c4e299cf8ed04093935e2e22fe\" FOREIGN KEY (\"course_id\") REFERENCES \"courses\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"questions\" ADD CONSTRAINT \"FK_921085ed8cad9bd8299dc603ef4\" FOREIGN KEY (\"course_id\") REFERENCES \"courses\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"quizzes\" ADD CONSTRAINT \"FK_e460dcb813c2cc28c93c95f2504\" FOREIGN KEY (\"course_id\") REFERENCES \"courses\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    // Accent folding for Vietnamese search, in SQL so it runs the same on PostgreSQL and PGlite
    // without the unaccent extension. Upper-case letters are mapped too: lower() is ASCII-only under the C locale.
    await queryRunner.query(`CREATE OR REPLACE FUNCTION vn_unaccent(input text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT lower(translate(input, 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ', 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd'))
    $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION IF EXISTS vn_unaccent(text)');
    await queryRunner.query("ALTER TABLE \"quizzes\" DROP CONSTRAINT \"FK_e460dcb813c2cc28c93c95f2504\"");
    await queryRunner.query("ALTER TABLE \"questions\" DROP CONSTRAINT \"FK_921085ed8cad9bd8299dc603ef4\"");
    await queryRunner.query("ALTER TABLE \"lessons\" DROP CONSTRAINT \"FK_3c4e299cf8ed04093935e2e22fe\"");
    await queryRunner.query("ALTER TABLE \"courses\" DROP CONSTRAINT \"FK_62fb8dd01cbc5afa6c4d1de9f56\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_quizzes_course_slug\"");
    await queryRunner.query("DROP TABLE \"quizzes\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_questions_course_external\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_questions_course_competency\"");
    await queryRunner.query("DROP TABLE \"questions\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_lessons_course_slug\"");
    await queryRunner.query("DROP TABLE \"lessons\"");
    await queryRunner.query("DROP TABLE \"courses\"");
    await queryRunner.query("DROP TABLE \"framework_versions\"");
    await queryRunner.query("DROP TABLE \"content_imports\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_competencies_version_code\"");
    await queryRunner.query("DROP TABLE \"competencies\"");
  }
}
