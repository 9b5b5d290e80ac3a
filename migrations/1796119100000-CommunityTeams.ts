import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Community digital technology teams (issue 19): appointments, residents registered by a member, sign-in cards, assisted sessions, household visits. */
export class CommunityTeams1796119100000 implements MigrationInterface {
  name = 'CommunityTeams1796119100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"assisted_sessions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"member_id\" uuid NOT NULL, \"resident_id\" uuid NOT NULL, \"session_id\" uuid NOT NULL, \"started_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ended_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_31158432d20c9143ddfcd9446cc\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_assisted_sessions_member_resident\" ON \"assisted_sessions\"  (\"member_id\", \"resident_id\") ");
    await queryRunner.query("CREATE TABLE \"household_visits\" (\"id\" uuid NOT NULL, \"member_id\" uuid NOT NULL, \"unit_id\" uuid NOT NULL, \"visited_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"people_helped\" smallint NOT NULL, \"resident_ids\" uuid array NOT NULL DEFAULT '{}', \"note\" character varying(300), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_4d62c3df061f34c48be7a406b4b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_household_visits_unit_time\" ON \"household_visits\"  (\"unit_id\", \"visited_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_household_visits_member_time\" ON \"household_visits\"  (\"member_id\", \"visited_at\") ");
    await queryRunner.query("CREATE TABLE \"community_registrations\" (\"resident_id\" uuid NOT NULL, \"member_id\" uuid NOT NULL, \"consent_method\" character varying(12) NOT NULL, \"registered_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"ck_community_registrations_method\" CHECK (\"consent_method\" IN ('on_screen', 'spoken', 'paper')), CONSTRAINT \"PK_6157df67b269f40350579b13443\" PRIMARY KEY (\"resident_id\"))");
    await queryRunner.query("CREATE INDEX \"ix_community_registrations_member\" ON \"community_registrations\"  (\"member_id\") ");
    await queryRunner.query("CREATE TABLE \"sign_in_cards\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"code_hash\" bytea NOT NULL, \"issued_by_id\" uuid NOT NULL, \"issued_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_0f6a1a9140024ec086460da5cca\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_sign_in_cards_code_hash\" ON \"sign_in_cards\"  (\"code_hash\") ");
    await queryRunner.query("CREATE INDEX \"ix_sign_in_cards_user\" ON \"sign_in_cards\"  (\"user_id\") ");
    await queryRunner.query("CREATE TABLE \"community_team_members\" (\"user_id\" uuid NOT NULL, \"unit_id\" uuid NOT NULL, \"appointed_by_id\" uuid NOT NULL, \"appointed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_16f714859946e6fb266936f091f\" PRIMARY KEY (\"user_id\"))");
    await queryRunner.query("CREATE INDEX \"ix_community_team_members_unit\" ON \"community_team_members\"  (\"unit_id\") ");
    await queryRunner.query("ALTER TABLE \"sessions\" ADD \"assisted_by_id\" uuid");
    await queryRunner.query("ALTER TABLE \"community_registrations\" ADD CONSTRAINT \"FK_6157df67b269f40350579b13443\" FOREIGN KEY (\"resident_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"community_team_members\" ADD CONSTRAINT \"FK_16f714859946e6fb266936f091f\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"community_team_members\" ADD CONSTRAINT \"FK_6ddc0807566fa0bfa4828aa7537\" FOREIGN KEY (\"unit_id\") REFERENCES \"admin_units\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"community_team_members\" DROP CONSTRAINT \"FK_6ddc0807566fa0bfa4828aa7537\"");
    await queryRunner.query("ALTER TABLE \"community_team_members\" DROP CONSTRAINT \"FK_16f714859946e6fb266936f091f\"");
    await queryRunner.query("ALTER TABLE \"community_registrations\" DROP CONSTRAINT \"FK_6157df67b269f40350579b13443\"");
    await queryRunner.query("ALTER TABLE \"sessions\" DROP COLUMN \"assisted_by_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_community_team_members_unit\"");
    await queryRunner.query("DROP TABLE \"community_team_members\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_sign_in_cards_user\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_sign_in_cards_code_hash\"");
    await queryRunner.query("DROP TABLE \"sign_in_cards\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_community_registrations_member\"");
    await queryRunner.query("DROP TABLE \"community_registrations\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_household_visits_member_time\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_household_visits_unit_time\"");
    await queryRunner.query("DROP TABLE \"household_visits\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_assisted_sessions_member_resident\"");
    await queryRunner.query("DROP TABLE \"assisted_sessions\"");
  }
}
