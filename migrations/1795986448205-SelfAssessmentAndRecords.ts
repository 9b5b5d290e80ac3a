import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SelfAssessmentAndRecords1795986448205 implements MigrationInterface {
  name = 'SelfAssessmentAndRecords1795986448205';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"assessment_attempts\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"framework_version_id\" uuid NOT NULL, \"target_group\" character varying(20) NOT NULL, \"number\" integer NOT NULL, \"status\" character varying(12) NOT NULL DEFAULT 'in_progress', \"competencies\" jsonb NOT NULL, \"questions\" jsonb NOT NULL, \"ratings\" jsonb NOT NULL DEFAULT '{}', \"answers\" jsonb NOT NULL DEFAULT '{}', \"graded\" jsonb, \"result\" jsonb, \"overall_score\" smallint, \"started_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"deadline_at\" TIMESTAMP WITH TIME ZONE, \"submitted_at\" TIMESTAMP WITH TIME ZONE, \"late\" boolean NOT NULL DEFAULT false, \"idempotency_key\" character varying(64), \"unit_id\" uuid NOT NULL, \"province_id\" uuid NOT NULL, \"organisation_id\" uuid, CONSTRAINT \"ck_assessment_attempts_status\" CHECK (\"status\" IN ('in_progress', 'submitted')), CONSTRAINT \"PK_3761b6653b00f7df0ca4c1049ce\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_assessment_attempts_province_time\" ON \"assessment_attempts\"  (\"province_id\", \"submitted_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_assessment_attempts_open\" ON \"assessment_attempts\"  (\"user_id\", \"framework_version_id\", \"target_group\") WHERE \"status\" = 'in_progress'");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_assessment_attempts_number\" ON \"assessment_attempts\"  (\"user_id\", \"framework_version_id\", \"target_group\", \"number\") ");
    await queryRunner.query("CREATE TABLE \"certification_policies\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"framework_version_id\" uuid NOT NULL, \"target_group\" character varying(20) NOT NULL, \"required_courses\" text array NOT NULL DEFAULT '{}', \"min_overall_score\" smallint NOT NULL, \"min_domain_score\" smallint NOT NULL, \"require_profile_levels\" boolean NOT NULL DEFAULT false, \"questions_per_competency\" smallint NOT NULL, \"self_rating_weight\" smallint NOT NULL, \"max_attempts\" integer, \"cooldown_hours\" integer NOT NULL DEFAULT '0', \"time_limit_minutes\" integer, \"updated_by_id\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_certification_policies_scores\" CHECK (\"min_overall_score\" BETWEEN 0 AND 100 AND \"min_domain_score\" BETWEEN 0 AND 100 AND \"self_rating_weight\" BETWEEN 0 AND 100), CONSTRAINT \"PK_be87642080a3fe4be74bbe92754\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certification_policies_version_group\" ON \"certification_policies\"  (\"framework_version_id\", \"target_group\") ");
    await queryRunner.query("CREATE TABLE \"completion_records\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"code\" character varying(20) NOT NULL, \"user_id\" uuid NOT NULL, \"framework_version_id\" uuid NOT NULL, \"target_group\" character varying(20) NOT NULL, \"assessment_attempt_id\" uuid, \"issued_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"holder_name\" character varying(120), \"holder_birth_year\" smallint, \"overall_score\" smallint NOT NULL, \"overall_level\" smallint NOT NULL, \"competencies\" jsonb NOT NULL, \"courses_completed\" text array NOT NULL DEFAULT '{}', \"credential\" text NOT NULL, \"pdf_status\" character varying(12) NOT NULL DEFAULT 'pending', \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"revoked_reason\" character varying(500), \"revoked_by_id\" uuid, \"reissue_of_id\" uuid, \"unit_id\" uuid NOT NULL, \"province_id\" uuid NOT NULL, \"organisation_id\" uuid, CONSTRAINT \"UQ_e98134f03e509d8b847c075e441\" UNIQUE (\"code\"), CONSTRAINT \"ck_completion_records_pdf_status\" CHECK (\"pdf_status\" IN ('pending', 'ready', 'failed')), CONSTRAINT \"PK_9e570e43c759f26da7ff28c499d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_completion_records_province_time\" ON \"completion_records\"  (\"province_id\", \"issued_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_completion_records_valid\" ON \"completion_records\"  (\"user_id\", \"framework_version_id\", \"target_group\") WHERE \"revoked_at\" IS NULL");
    await queryRunner.query("CREATE TABLE \"certificate_files\" (\"record_id\" uuid NOT NULL, \"content\" bytea NOT NULL, \"sha256\" character varying(64) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_fbfbc52106120badfdaec700882\" PRIMARY KEY (\"record_id\"))");
    await queryRunner.query("ALTER TABLE \"assessment_attempts\" ADD CONSTRAINT \"FK_8fb35713129a8d62aaeb9933448\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"assessment_attempts\" ADD CONSTRAINT \"FK_7be3048e9b8649ccd2c082d0162\" FOREIGN KEY (\"framework_version_id\") REFERENCES \"framework_versions\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"certification_policies\" ADD CONSTRAINT \"FK_04dbe9d010f7b0dda4219467b60\" FOREIGN KEY (\"framework_version_id\") REFERENCES \"framework_versions\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"completion_records\" ADD CONSTRAINT \"FK_6baada447fff3f23ab4606dfc16\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"completion_records\" ADD CONSTRAINT \"FK_011ae802b7566878de3af4cc67f\" FOREIGN KEY (\"framework_version_id\") REFERENCES \"framework_versions\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"certificate_files\" ADD CONSTRAINT \"FK_fbfbc52106120badfdaec700882\" FOREIGN KEY (\"record_id\") REFERENCES \"completion_records\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"certificate_files\" DROP CONSTRAINT \"FK_fbfbc52106120badfdaec700882\"");
    await queryRunner.query("ALTER TABLE \"completion_records\" DROP CONSTRAINT \"FK_011ae802b7566878de3af4cc67f\"");
    await queryRunner.query("ALTER TABLE \"completion_records\" DROP CONSTRAINT \"FK_6baada447fff3f23ab4606dfc16\"");
    await queryRunner.query("ALTER TABLE \"certification_policies\" DROP CONSTRAINT \"FK_04dbe9d010f7b0dda4219467b60\"");
    await queryRunner.query("ALTER TABLE \"assessment_attempts\" DROP CONSTRAINT \"FK_7be3048e9b8649ccd2c082d0162\"");
    await queryRunner.query("ALTER TABLE \"assessment_attempts\" DROP CONSTRAINT \"FK_8fb35713129a8d62aaeb9933448\"");
    await queryRunner.query("DROP TABLE \"certificate_files\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_completion_records_valid\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_completion_records_province_time\"");
    await queryRunner.query("DROP TABLE \"completion_records\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_certification_policies_version_group\"");
    await queryRunner.query("DROP TABLE \"certification_policies\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_assessment_attempts_number\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_assessment_attempts_open\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_assessment_attempts_province_time\"");
    await queryRunner.query("DROP TABLE \"assessment_attempts\"");
  }
}
