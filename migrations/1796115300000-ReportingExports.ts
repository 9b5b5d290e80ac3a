import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Exports of reports and lists built by a job (see reporting/exports.service.ts). */
export class ReportingExports1796115300000 implements MigrationInterface {
  name = 'ReportingExports1796115300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"reporting_exports\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"requested_by_id\" uuid NOT NULL, \"source\" character varying(12) NOT NULL, \"format\" character varying(4) NOT NULL, \"params\" jsonb NOT NULL, \"status\" character varying(12) NOT NULL DEFAULT 'queued', \"progress\" smallint NOT NULL DEFAULT '0', \"row_count\" integer, \"file_name\" character varying(120), \"content\" bytea, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"finished_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"ck_reporting_exports_status\" CHECK (\"status\" IN ('queued', 'running', 'done', 'failed')), CONSTRAINT \"PK_e48f4391d1a97a8694bedaee322\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_reporting_exports_requester\" ON \"reporting_exports\"  (\"requested_by_id\", \"created_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_reporting_exports_requester\"");
    await queryRunner.query("DROP TABLE \"reporting_exports\"");
  }
}
