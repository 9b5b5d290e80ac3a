import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * At most one queued or running export per person, so two "download my data" requests at the same
 * instant make one export. Older duplicates left by the earlier read-then-insert are closed first.
 */
export class OneOpenDataExportPerUser1796001815464 implements MigrationInterface {
  name = 'OneOpenDataExportPerUser1796001815464';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE data_exports d SET status = 'failed', error = 'superseded', finished_at = now()
       WHERE status IN ('queued', 'running')
         AND EXISTS (SELECT 1 FROM data_exports n
                      WHERE n.user_id = d.user_id AND n.status IN ('queued', 'running') AND (n.created_at, n.id) > (d.created_at, d.id))`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_data_exports_open_per_user" ON "data_exports" ("user_id") WHERE "status" IN ('queued', 'running')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_data_exports_open_per_user"`);
  }
}
