import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sign-in with OpenID Connect providers (issue 19): links, round trips, the keyed hash of the identity number, and records that say the holder was verified. */
export class IdentitySignIn1796119000000 implements MigrationInterface {
  name = 'IdentitySignIn1796119000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"identity_links\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"provider\" character varying(30) NOT NULL, \"subject\" character varying(255) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"last_used_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_752268a8618b739e2c007beae59\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_identity_links_user_provider\" ON \"identity_links\"  (\"user_id\", \"provider\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_identity_links_subject\" ON \"identity_links\"  (\"provider\", \"subject\") ");
    await queryRunner.query("CREATE TABLE \"identity_logins\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"state_hash\" bytea NOT NULL, \"browser_hash\" bytea NOT NULL, \"provider\" character varying(30) NOT NULL, \"intent\" character varying(8) NOT NULL, \"user_id\" uuid, \"nonce\" character varying(64) NOT NULL, \"code_verifier\" character varying(128) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"consumed_at\" TIMESTAMP WITH TIME ZONE, \"pending_kind\" character varying(8), \"claims_enc\" bytea, \"pending_expires_at\" TIMESTAMP WITH TIME ZONE, \"completed_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"ck_identity_logins_intent\" CHECK (\"intent\" IN ('signin', 'link', 'reset')), CONSTRAINT \"PK_b93eed7ca200659d34ba8f6b569\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_identity_logins_state\" ON \"identity_logins\"  (\"state_hash\") ");
    await queryRunner.query("CREATE INDEX \"ix_identity_logins_browser\" ON \"identity_logins\"  (\"browser_hash\") ");
    await queryRunner.query("CREATE INDEX \"ix_identity_logins_created\" ON \"identity_logins\"  (\"created_at\") ");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"citizen_id_hash\" bytea");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"identity_verified_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"identity_provider\" character varying(30)");
    await queryRunner.query("ALTER TABLE \"completion_records\" ADD \"holder_identity_verified_by\" character varying(60)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_users_citizen_id_hash\" ON \"users\"  (\"citizen_id_hash\") ");
    await queryRunner.query("ALTER TABLE \"identity_links\" ADD CONSTRAINT \"FK_08272c00454aa4151c6a979f086\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"identity_links\" DROP CONSTRAINT \"FK_08272c00454aa4151c6a979f086\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_users_citizen_id_hash\"");
    await queryRunner.query("ALTER TABLE \"completion_records\" DROP COLUMN \"holder_identity_verified_by\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"identity_provider\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"identity_verified_at\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"citizen_id_hash\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_identity_logins_created\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_identity_logins_browser\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_identity_logins_state\"");
    await queryRunner.query("DROP TABLE \"identity_logins\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_identity_links_subject\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_identity_links_user_provider\"");
    await queryRunner.query("DROP TABLE \"identity_links\"");
  }
}
