import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Digital ambassadors and their mentees, digital households with their invitations and yearly rule, notifications and each person's choices (issue 19). */
export class AmbassadorsHouseholdsNotifications1796202000000 implements MigrationInterface {
  name = 'AmbassadorsHouseholdsNotifications1796202000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"ambassadors\" (\"user_id\" uuid NOT NULL, \"invite_code\" character varying(8) NOT NULL, \"started_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"stepped_down_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_92a2df5c73b150b06a8e3989bf5\" PRIMARY KEY (\"user_id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_ambassadors_invite_code\" ON \"ambassadors\"  (\"invite_code\") ");
    await queryRunner.query("CREATE TABLE \"ambassador_mentees\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"ambassador_id\" uuid NOT NULL, \"mentee_id\" uuid NOT NULL, \"consented_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ended_at\" TIMESTAMP WITH TIME ZONE, \"end_reason\" character varying(16), CONSTRAINT \"ck_ambassador_mentees_reason\" CHECK (\"end_reason\" IS NULL OR \"end_reason\" IN ('withdrawn', 'switched', 'ambassador_left')), CONSTRAINT \"PK_5c7072ffa8e0e4a64c533ca8811\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_ambassador_mentees_ambassador\" ON \"ambassador_mentees\"  (\"ambassador_id\", \"ended_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_ambassador_mentees_current\" ON \"ambassador_mentees\"  (\"mentee_id\") WHERE \"ended_at\" IS NULL");
    await queryRunner.query("CREATE TABLE \"households\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying(80) NOT NULL, \"owner_id\" uuid NOT NULL, \"invite_code\" character varying(8) NOT NULL, \"unit_id\" uuid NOT NULL, \"province_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"closed_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_2b1aef2640717132e9231aac756\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_households_invite_code\" ON \"households\"  (\"invite_code\") ");
    await queryRunner.query("CREATE INDEX \"ix_households_province\" ON \"households\"  (\"province_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_households_unit\" ON \"households\"  (\"unit_id\") ");
    await queryRunner.query("CREATE TABLE \"household_invitations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"household_id\" uuid NOT NULL, \"login_hash\" bytea NOT NULL, \"login_hint\" character varying(80) NOT NULL, \"invited_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"answered_at\" TIMESTAMP WITH TIME ZONE, \"answer\" character varying(10), CONSTRAINT \"ck_household_invitations_answer\" CHECK (\"answer\" IS NULL OR \"answer\" IN ('accepted', 'declined', 'cancelled')), CONSTRAINT \"PK_0cdfc7104136992d26e6fe584d9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_household_invitations_login\" ON \"household_invitations\"  (\"login_hash\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_household_invitations_open\" ON \"household_invitations\"  (\"household_id\", \"login_hash\") WHERE \"answered_at\" IS NULL");
    await queryRunner.query("CREATE TABLE \"household_members\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"household_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"accepted_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"left_at\" TIMESTAMP WITH TIME ZONE, \"left_reason\" character varying(10), CONSTRAINT \"ck_household_members_reason\" CHECK (\"left_reason\" IS NULL OR \"left_reason\" IN ('left', 'removed')), CONSTRAINT \"PK_198055660706bdbea68909fdb01\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_household_members_household\" ON \"household_members\"  (\"household_id\", \"left_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_household_members_current\" ON \"household_members\"  (\"user_id\") WHERE \"left_at\" IS NULL");
    await queryRunner.query("CREATE TABLE \"household_rules\" (\"year\" smallint NOT NULL, \"adult_age\" smallint NOT NULL, \"required_percent\" smallint NOT NULL, \"updated_by_id\" uuid NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"ck_household_rules_values\" CHECK (\"adult_age\" BETWEEN 14 AND 25 AND \"required_percent\" BETWEEN 1 AND 100), CONSTRAINT \"PK_2dfe7f6a076fbfc1316cea24cc8\" PRIMARY KEY (\"year\"))");
    await queryRunner.query("CREATE TABLE \"notifications\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"kind\" character varying(30) NOT NULL, \"params\" jsonb NOT NULL DEFAULT '{}', \"link\" character varying(200) NOT NULL, \"actor_id\" uuid, \"subject_id\" uuid, \"dedupe_key\" character varying(160), \"shown\" boolean NOT NULL DEFAULT true, \"email_status\" character varying(10), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"read_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"ck_notifications_kind\" CHECK (\"kind\" IN ('ambassador_nudge', 'class_invitation', 'household_invitation', 'stalled_learning')), CONSTRAINT \"PK_6a72c3c0f683f6462415e653c3a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_notifications_dedupe_key\" ON \"notifications\"  (\"dedupe_key\") ");
    await queryRunner.query("CREATE INDEX \"ix_notifications_kind_subject\" ON \"notifications\"  (\"kind\", \"subject_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_notifications_actor_time\" ON \"notifications\"  (\"actor_id\", \"created_at\") WHERE \"actor_id\" IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"ix_notifications_unread\" ON \"notifications\"  (\"user_id\") WHERE \"read_at\" IS NULL AND \"shown\"");
    await queryRunner.query("CREATE INDEX \"ix_notifications_user_time\" ON \"notifications\"  (\"user_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"notification_settings\" (\"user_id\" uuid NOT NULL, \"kind\" character varying(30) NOT NULL, \"in_app\" boolean NOT NULL, \"email\" boolean NOT NULL, CONSTRAINT \"ck_notification_settings_kind\" CHECK (\"kind\" IN ('ambassador_nudge', 'class_invitation', 'household_invitation', 'stalled_learning')), CONSTRAINT \"PK_4b6ba3be5dc3b9f00444e22ad81\" PRIMARY KEY (\"user_id\", \"kind\"))");
    await queryRunner.query("ALTER TABLE \"ambassadors\" ADD CONSTRAINT \"FK_92a2df5c73b150b06a8e3989bf5\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ambassador_mentees\" ADD CONSTRAINT \"FK_9f9cd361efafb843cd149b23cec\" FOREIGN KEY (\"ambassador_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ambassador_mentees\" ADD CONSTRAINT \"FK_a75f97a475b7b86495dedd4e88f\" FOREIGN KEY (\"mentee_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"household_invitations\" ADD CONSTRAINT \"FK_dae78d07e961492b3c0cd30adde\" FOREIGN KEY (\"household_id\") REFERENCES \"households\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"household_members\" ADD CONSTRAINT \"FK_6b8b13e8e04d123ec8cb8b5c318\" FOREIGN KEY (\"household_id\") REFERENCES \"households\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"household_members\" ADD CONSTRAINT \"FK_7e5f19ba92bb79aa4a6400e3827\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"FK_9a8a82462cab47c73d25f49261f\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notification_settings\" ADD CONSTRAINT \"FK_91a7ffebe8b406c4470845d4781\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"notification_settings\" DROP CONSTRAINT \"FK_91a7ffebe8b406c4470845d4781\"");
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"FK_9a8a82462cab47c73d25f49261f\"");
    await queryRunner.query("ALTER TABLE \"household_members\" DROP CONSTRAINT \"FK_7e5f19ba92bb79aa4a6400e3827\"");
    await queryRunner.query("ALTER TABLE \"household_members\" DROP CONSTRAINT \"FK_6b8b13e8e04d123ec8cb8b5c318\"");
    await queryRunner.query("ALTER TABLE \"household_invitations\" DROP CONSTRAINT \"FK_dae78d07e961492b3c0cd30adde\"");
    await queryRunner.query("ALTER TABLE \"ambassador_mentees\" DROP CONSTRAINT \"FK_a75f97a475b7b86495dedd4e88f\"");
    await queryRunner.query("ALTER TABLE \"ambassador_mentees\" DROP CONSTRAINT \"FK_9f9cd361efafb843cd149b23cec\"");
    await queryRunner.query("ALTER TABLE \"ambassadors\" DROP CONSTRAINT \"FK_92a2df5c73b150b06a8e3989bf5\"");
    await queryRunner.query("DROP TABLE \"notification_settings\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_notifications_user_time\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_notifications_unread\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_notifications_actor_time\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_notifications_kind_subject\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_notifications_dedupe_key\"");
    await queryRunner.query("DROP TABLE \"notifications\"");
    await queryRunner.query("DROP TABLE \"household_rules\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_household_members_current\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_household_members_household\"");
    await queryRunner.query("DROP TABLE \"household_members\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_household_invitations_open\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_household_invitations_login\"");
    await queryRunner.query("DROP TABLE \"household_invitations\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_households_unit\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_households_province\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_households_invite_code\"");
    await queryRunner.query("DROP TABLE \"households\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_ambassador_mentees_current\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_ambassador_mentees_ambassador\"");
    await queryRunner.query("DROP TABLE \"ambassador_mentees\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_ambassadors_invite_code\"");
    await queryRunner.query("DROP TABLE \"ambassadors\"");
  }
}
