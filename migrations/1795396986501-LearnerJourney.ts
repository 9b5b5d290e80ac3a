import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LearnerJourney1795396986501 implements MigrationInterface {
  name = 'LearnerJourney1795396986501';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"enrolments\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"course_id\" uuid NOT NULL, \"status\" character varying(12) NOT NULL DEFAULT 'active', \"enrolled_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"left_at\" TIMESTAMP WITH TIME ZONE, \"completed_at\" TIMESTAMP WITH TIME ZONE, \"last_lesson_id\" uuid, CONSTRAINT \"ck_enrolments_status\" CHECK (\"status\" IN ('active', 'left', 'completed')), CONSTRAINT \"PK_6e79971fbd26967c4da9ed52770\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_enrolments_course\" ON \"enrolments\"  (\"course_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_enrolments_user_course\" ON \"enrolments\"  (\"user_id\", \"course_id\") ");
    await queryRunner.query("CREATE TABLE \"learning_events\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"type\" character varying(24) NOT NULL, \"course_id\" uuid NOT NULL, \"lesson_id\" uuid, \"quiz_attempt_id\" uuid, \"score_percent\" smallint, \"passed\" boolean, \"idempotency_key\" character varying(64), \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"unit_id\" uuid NOT NULL, \"province_id\" uuid NOT NULL, \"organisation_id\" uuid, \"target_group\" character varying(20) NOT NULL, \"framework_version\" character varying(40) NOT NULL, CONSTRAINT \"ck_learning_events_type\" CHECK (\"type\" IN ('enrolled', 'left', 'lesson_completed', 'quiz_started', 'quiz_submitted', 'course_completed')), CONSTRAINT \"PK_ae528cc9815d53624aca51b2e54\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_learning_events_province_time\" ON \"learning_events\"  (\"province_id\", \"occurred_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_learning_events_course_type\" ON \"learning_events\"  (\"course_id\", \"type\", \"occurred_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_learning_events_user_key\" ON \"learning_events\"  (\"user_id\", \"idempotency_key\") ");
    await queryRunner.query("CREATE TABLE \"lesson_completions\" (\"user_id\" uuid NOT NULL, \"lesson_id\" uuid NOT NULL, \"course_id\" uuid NOT NULL, \"completed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_888cc5486f57fddc6e449e30cea\" PRIMARY KEY (\"user_id\", \"lesson_id\"))");
    await queryRunner.query("CREATE INDEX \"ix_lesson_completions_user_course\" ON \"lesson_completions\"  (\"user_id\", \"course_id\") ");
    await queryRunner.query("CREATE TABLE \"quiz_attempts\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"quiz_id\" uuid NOT NULL, \"course_id\" uuid NOT NULL, \"number\" integer NOT NULL, \"status\" character varying(12) NOT NULL DEFAULT 'in_progress', \"questions\" jsonb NOT NULL, \"answers\" jsonb NOT NULL DEFAULT '{}', \"started_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"deadline_at\" TIMESTAMP WITH TIME ZONE, \"submitted_at\" TIMESTAMP WITH TIME ZONE, \"late\" boolean NOT NULL DEFAULT false, \"graded\" jsonb, \"score_percent\" numeric(5,2), \"passed\" boolean, CONSTRAINT \"ck_quiz_attempts_status\" CHECK (\"status\" IN ('in_progress', 'submitted')), CONSTRAINT \"PK_a84a93fb092359516dc5b325b90\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_quiz_attempts_course\" ON \"quiz_attempts\"  (\"course_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_quiz_attempts_open\" ON \"quiz_attempts\"  (\"user_id\", \"quiz_id\") WHERE \"status\" = 'in_progress'");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_quiz_attempts_number\" ON \"quiz_attempts\"  (\"user_id\", \"quiz_id\", \"number\") ");
    await queryRunner.query("ALTER TABLE \"lessons\" ADD \"required\" boolean NOT NULL DEFAULT true");
    await queryRunner.query("ALTER TABLE \"quizzes\" ADD \"draw\" jsonb NOT NULL DEFAULT '[]'");
    await queryRunner.query("ALTER TABLE \"quizzes\" ADD \"max_attempts\" integer");
    await queryRunner.query("ALTER TABLE \"quizzes\" ADD \"cooldown_seconds\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE \"quizzes\" ADD \"time_limit_seconds\" integer");
    await queryRunner.query("ALTER TABLE \"enrolments\" ADD CONSTRAINT \"FK_7eb4b01f52fb0ce0e3136d87c76\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"enrolments\" ADD CONSTRAINT \"FK_88e4829cd9da8e01cc305788db5\" FOREIGN KEY (\"course_id\") REFERENCES \"courses\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"learning_events\" ADD CONSTRAINT \"FK_906f38b0856b9ae7035ce1a3dce\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"learning_events\" ADD CONSTRAINT \"FK_6dbdc792d6424175f46a0721d85\" FOREIGN KEY (\"course_id\") REFERENCES \"courses\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"lesson_completions\" ADD CONSTRAINT \"FK_1fc9a8f84304a421c1b0aa2d15a\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"lesson_completions\" ADD CONSTRAINT \"FK_bdcedea316987f7483035423e9a\" FOREIGN KEY (\"lesson_id\") REFERENCES \"lessons\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"quiz_attempts\" ADD CONSTRAINT \"FK_1701aaf48f6a78e96bfe08dd395\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"quiz_attempts\" ADD CONSTRAINT \"FK_a720e260138b64fcff2fca19b2d\" FOREIGN KEY (\"quiz_id\") REFERENCES \"quizzes\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"quiz_attempts\" DROP CONSTRAINT \"FK_a720e260138b64fcff2fca19b2d\"");
    await queryRunner.query("ALTER TABLE \"quiz_attempts\" DROP CONSTRAINT \"FK_1701aaf48f6a78e96bfe08dd395\"");
    await queryRunner.query("ALTER TABLE \"lesson_completions\" DROP CONSTRAINT \"FK_bdcedea316987f7483035423e9a\"");
    await queryRunner.query("ALTER TABLE \"lesson_completions\" DROP CONSTRAINT \"FK_1fc9a8f84304a421c1b0aa2d15a\"");
    await queryRunner.query("ALTER TABLE \"learning_events\" DROP CONSTRAINT \"FK_6dbdc792d6424175f46a0721d85\"");
    await queryRunner.query("ALTER TABLE \"learning_events\" DROP CONSTRAINT \"FK_906f38b0856b9ae7035ce1a3dce\"");
    await queryRunner.query("ALTER TABLE \"enrolments\" DROP CONSTRAINT \"FK_88e4829cd9da8e01cc305788db5\"");
    await queryRunner.query("ALTER TABLE \"enrolments\" DROP CONSTRAINT \"FK_7eb4b01f52fb0ce0e3136d87c76\"");
    await queryRunner.query("ALTER TABLE \"quizzes\" DROP COLUMN \"time_limit_seconds\"");
    await queryRunner.query("ALTER TABLE \"quizzes\" DROP COLUMN \"cooldown_seconds\"");
    await queryRunner.query("ALTER TABLE \"quizzes\" DROP COLUMN \"max_attempts\"");
    await queryRunner.query("ALTER TABLE \"quizzes\" DROP COLUMN \"draw\"");
    await queryRunner.query("ALTER TABLE \"lessons\" DROP COLUMN \"required\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_quiz_attempts_number\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_quiz_attempts_open\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_quiz_attempts_course\"");
    await queryRunner.query("DROP TABLE \"quiz_attempts\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_lesson_completions_user_course\"");
    await queryRunner.query("DROP TABLE \"lesson_completions\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_learning_events_user_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_learning_events_course_type\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_learning_events_province_time\"");
    await queryRunner.query("DROP TABLE \"learning_events\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_enrolments_user_course\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_enrolments_course\"");
    await queryRunner.query("DROP TABLE \"enrolments\"");
  }
}
