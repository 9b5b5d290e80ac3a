import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two findings of the security review (issue 13):
 * - sign-in failures are counted per login as typed (in Redis), never on the account row, so the
 *   answer cannot tell whether an account exists: the row's counter and lock go;
 * - a data export holds phone numbers and emails, so it is stored sealed like them. Exports already
 *   built in clear are expired (their owner can ask again); they cannot be sealed from SQL.
 */
export class SecurityReviewFixes1796113000000 implements MigrationInterface {
  name = 'SecurityReviewFixes1796113000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "failed_login_count", DROP COLUMN "locked_until"`);
    await queryRunner.query(`UPDATE "data_exports" SET "expires_at" = now() WHERE "payload" IS NOT NULL AND "expires_at" > now()`);
    await queryRunner.query(`ALTER TABLE "data_exports" DROP COLUMN "payload"`);
    await queryRunner.query(`ALTER TABLE "data_exports" ADD "payload_enc" bytea`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "data_exports" DROP COLUMN "payload_enc"`);
    await queryRunner.query(`ALTER TABLE "data_exports" ADD "payload" jsonb`);
    await queryRunner.query(`ALTER TABLE "users" ADD "failed_login_count" integer NOT NULL DEFAULT '0', ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
  }
}
