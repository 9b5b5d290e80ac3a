import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Periodic reports: frozen figures per unit and period; a trigger keeps the figures as frozen. */
export class PeriodicReports1796115200000 implements MigrationInterface {
  name = 'PeriodicReports1796115200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"periodic_reports\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" character varying(12) NOT NULL, \"period\" character varying(10) NOT NULL, \"unit_id\" uuid, \"parent_unit_id\" uuid, \"level\" character varying(10) NOT NULL, \"figures\" jsonb NOT NULL, \"frozen_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"due_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"submitted_at\" TIMESTAMP WITH TIME ZONE, \"submitted_by_id\" uuid, CONSTRAINT \"PK_3c5c6986a784cbf910e89f37471\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_periodic_reports_parent\" ON \"periodic_reports\"  (\"parent_unit_id\", \"kind\", \"period\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_periodic_reports_nation\" ON \"periodic_reports\"  (\"kind\", \"period\") WHERE \"unit_id\" IS NULL");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_periodic_reports_unit\" ON \"periodic_reports\"  (\"kind\", \"period\", \"unit_id\") WHERE \"unit_id\" IS NOT NULL");
    await queryRunner.query(`
      CREATE FUNCTION periodic_reports_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a periodic report''s figures are frozen' USING ERRCODE = 'integrity_constraint_violation';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER periodic_reports_frozen BEFORE UPDATE OF kind, period, unit_id, level, figures, frozen_at, due_at ON periodic_reports
      FOR EACH ROW WHEN (OLD.figures IS DISTINCT FROM NEW.figures OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.period IS DISTINCT FROM NEW.period
                         OR OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.frozen_at IS DISTINCT FROM NEW.frozen_at)
      EXECUTE FUNCTION periodic_reports_frozen()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER periodic_reports_frozen ON periodic_reports');
    await queryRunner.query('DROP FUNCTION periodic_reports_frozen()');
    await queryRunner.query("DROP INDEX \"public\".\"uq_periodic_reports_unit\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_periodic_reports_nation\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_periodic_reports_parent\"");
    await queryRunner.query("DROP TABLE \"periodic_reports\"");
  }
}
