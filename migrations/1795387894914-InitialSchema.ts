import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795387894914 implements MigrationInterface {
  name = 'InitialSchema1795387894914';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_events\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"type\" character varying(48) NOT NULL, \"actor_id\" uuid, \"subject_id\" uuid, \"ip\" character varying(64), \"request_id\" character varying(64), \"details\" jsonb NOT NULL DEFAULT '{}', CONSTRAINT \"PK_910f64d901a5c3e9878f0d4a407\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_audit_events_type\" ON \"audit_events\"  (\"type\", \"occurred_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_audit_events_subject\" ON \"audit_events\"  (\"subject_id\", \"occurred_at\") ");
    await queryRunner.query("CREATE TABLE \"admin_units\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"level\" character varying(16) NOT NULL, \"code\" character varying(32) NOT NULL, \"name\" character varying(120) NOT NULL, \"full_name\" character varying(200) NOT NULL, \"type\" character varying(32) NOT NULL, \"parent_id\" uuid, \"active\" boolean NOT NULL DEFAULT true, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"uq_admin_units_level_code\" UNIQUE (\"level\", \"code\") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT \"ck_admin_units_level\" CHECK (\"level\" IN ('province', 'commune')), CONSTRAINT \"PK_d047795cad0a139212e3e0fa362\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_admin_units_parent\" ON \"admin_units\"  (\"parent_id\") ");
    await queryRunner.query("CREATE TABLE \"organisations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying(200) NOT NULL, \"normalized_name\" character varying(200) NOT NULL, \"kind\" character varying(16) NOT NULL, \"province_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"uq_organisations_province_kind_name\" UNIQUE (\"province_id\", \"kind\", \"normalized_name\"), CONSTRAINT \"ck_organisations_kind\" CHECK (\"kind\" IN ('agency', 'school', 'enterprise', 'cooperative', 'other')), CONSTRAINT \"PK_7bf54cba378d5b2f1d4c10ef4df\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"phone_enc\" bytea, \"phone_hash\" bytea, \"email_enc\" bytea, \"email_hash\" bytea, \"password_hash\" character varying(255), \"password_changed_at\" TIMESTAMP WITH TIME ZONE, \"full_name\" character varying(120), \"birth_year\" smallint, \"target_group\" character varying(20) NOT NULL, \"unit_id\" uuid NOT NULL, \"province_id\" uuid NOT NULL, \"organisation_id\" uuid, \"role\" character varying(16) NOT NULL DEFAULT 'learner', \"scope_level\" character varying(16), \"scope_unit_id\" uuid, \"status\" character varying(16) NOT NULL DEFAULT 'active', \"consent_version\" character varying(32), \"consent_at\" TIMESTAMP WITH TIME ZONE, \"failed_login_count\" integer NOT NULL DEFAULT '0', \"locked_until\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"deleted_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"ck_users_status\" CHECK (\"status\" IN ('active', 'disabled', 'deleted')), CONSTRAINT \"ck_users_scope\" CHECK ((\"role\" = 'admin') = (\"scope_level\" IS NOT NULL)), CONSTRAINT \"ck_users_role\" CHECK (\"role\" IN ('learner', 'teacher', 'admin')), CONSTRAINT \"ck_users_target_group\" CHECK (\"target_group\" IN ('public_servant', 'student', 'worker', 'citizen')), CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_users_phone_hash\" ON \"users\"  (\"phone_hash\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_users_email_hash\" ON \"users\"  (\"email_hash\") ");
    await queryRunner.query("CREATE INDEX \"ix_users_organisation\" ON \"users\"  (\"organisation_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_users_unit_group\" ON \"users\"  (\"unit_id\", \"target_group\") ");
    await queryRunner.query("CREATE INDEX \"ix_users_province_group\" ON \"users\"  (\"province_id\", \"target_group\") ");
    await queryRunner.query("CREATE TABLE \"password_reset_codes\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"code_hash\" bytea NOT NULL, \"channel\" character varying(8) NOT NULL, \"issued_by_id\" uuid, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, \"failed_attempts\" integer NOT NULL DEFAULT '0', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_password_reset_codes_channel\" CHECK (\"channel\" IN ('admin', 'email')), CONSTRAINT \"PK_f3a88f7bc4536c53f2b277a0b56\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_password_reset_codes_user\" ON \"password_reset_codes\"  (\"user_id\") ");
    await queryRunner.query("CREATE TABLE \"sessions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"token_hash\" bytea NOT NULL, \"user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"last_seen_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"revoke_reason\" character varying(32), \"user_agent\" character varying(200), CONSTRAINT \"PK_3238ef96f18b355b671619111bc\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_sessions_token_hash\" ON \"sessions\"  (\"token_hash\") ");
    await queryRunner.query("CREATE INDEX \"ix_sessions_user\" ON \"sessions\"  (\"user_id\") ");
    await queryRunner.query("CREATE TABLE \"data_exports\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"status\" character varying(16) NOT NULL DEFAULT 'queued', \"progress\" smallint NOT NULL DEFAULT '0', \"payload\" jsonb, \"error\" character varying(200), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"finished_at\" TIMESTAMP WITH TIME ZONE, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"ck_data_exports_progress\" CHECK (\"progress\" BETWEEN 0 AND 100), CONSTRAINT \"ck_data_exports_status\" CHECK (\"status\" IN ('queued', 'running', 'done', 'failed')), CONSTRAINT \"PK_3e8b8b297ef4446f30527695c10\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_data_exports_user\" ON \"data_exports\"  (\"user_id\") ");
    await queryRunner.query("ALTER TABLE \"admin_units\" ADD CONSTRAINT \"FK_8d6ece7ee35e2984fae8507448b\" FOREIGN KEY (\"parent_id\") REFERENCES \"admin_units\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"organisations\" ADD CONSTRAINT \"FK_038f4ca6ab490d89679a4627caf\" FOREIGN KEY (\"province_id\") REFERENCES \"admin_units\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"users\" ADD CONSTRAINT \"FK_b94ecc6be926a5d23aa7791ec8a\" FOREIGN KEY (\"unit_id\") REFERENCES \"admin_units\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"users\" ADD CONSTRAINT \"FK_58838300035602d7b58c5e60b04\" FOREIGN KEY (\"province_id\") REFERENCES \"admin_units\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"users\" ADD CONSTRAINT \"FK_2fc4294f8ec97da71d587dc5577\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"users\" ADD CONSTRAINT \"FK_fb1d2463302e7bd7e8aca1d0ce7\" FOREIGN KEY (\"scope_unit_id\") REFERENCES \"admin_units\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"password_reset_codes\" ADD CONSTRAINT \"FK_421ca49f5a7b180365035267ca6\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sessions\" ADD CONSTRAINT \"FK_085d540d9f418cfbdc7bd55bb19\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_exports\" ADD CONSTRAINT \"FK_8ee9254a3040f10d3f57d789d29\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"data_exports\" DROP CONSTRAINT \"FK_8ee9254a3040f10d3f57d789d29\"");
    await queryRunner.query("ALTER TABLE \"sessions\" DROP CONSTRAINT \"FK_085d540d9f418cfbdc7bd55bb19\"");
    await queryRunner.query("ALTER TABLE \"password_reset_codes\" DROP CONSTRAINT \"FK_421ca49f5a7b180365035267ca6\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP CONSTRAINT \"FK_fb1d2463302e7bd7e8aca1d0ce7\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP CONSTRAINT \"FK_2fc4294f8ec97da71d587dc5577\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP CONSTRAINT \"FK_58838300035602d7b58c5e60b04\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP CONSTRAINT \"FK_b94ecc6be926a5d23aa7791ec8a\"");
    await queryRunner.query("ALTER TABLE \"organisations\" DROP CONSTRAINT \"FK_038f4ca6ab490d89679a4627caf\"");
    await queryRunner.query("ALTER TABLE \"admin_units\" DROP CONSTRAINT \"FK_8d6ece7ee35e2984fae8507448b\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_data_exports_user\"");
    await queryRunner.query("DROP TABLE \"data_exports\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_sessions_user\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_sessions_token_hash\"");
    await queryRunner.query("DROP TABLE \"sessions\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_password_reset_codes_user\"");
    await queryRunner.query("DROP TABLE \"password_reset_codes\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_users_province_group\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_users_unit_group\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_users_organisation\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_users_email_hash\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_users_phone_hash\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("DROP TABLE \"organisations\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_admin_units_parent\"");
    await queryRunner.query("DROP TABLE \"admin_units\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_audit_events_subject\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_audit_events_type\"");
    await queryRunner.query("DROP TABLE \"audit_events\"");
  }
}
