import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The daily purge of old notifications reads them oldest first. */
export class NotificationsCreatedIndex1796300000000 implements MigrationInterface {
  name = 'NotificationsCreatedIndex1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "ix_notifications_created" ON "notifications" ("created_at") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_notifications_created"');
  }
}
