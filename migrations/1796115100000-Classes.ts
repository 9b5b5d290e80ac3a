import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Classes a teacher opens: their assigned courses and members (see classes/entities). */
export class Classes1796115100000 implements MigrationInterface {
  name = 'Classes1796115100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"classes\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying(120) NOT NULL, \"teacher_id\" uuid NOT NULL, \"join_code\" character varying(8) NOT NULL, \"unit_id\" uuid NOT NULL, \"province_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"closed_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_e207aa15404e9b2ce35910f9f7f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_classes_join_code\" ON \"classes\"  (\"join_code\") ");
    await queryRunner.query("CREATE INDEX \"ix_classes_unit\" ON \"classes\"  (\"unit_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_classes_teacher\" ON \"classes\"  (\"teacher_id\") ");
    await queryRunner.query("CREATE TABLE \"class_courses\" (\"class_id\" uuid NOT NULL, \"course_id\" uuid NOT NULL, CONSTRAINT \"PK_99c381aea9d252f8a0fcd0f312e\" PRIMARY KEY (\"class_id\", \"course_id\"))");
    await queryRunner.query("CREATE TABLE \"class_members\" (\"class_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"joined_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_77753c95c843748f20fbd2485c0\" PRIMARY KEY (\"class_id\", \"user_id\"))");
    await queryRunner.query("CREATE INDEX \"ix_class_members_user\" ON \"class_members\"  (\"user_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_class_members_user\"");
    await queryRunner.query("DROP TABLE \"class_members\"");
    await queryRunner.query("DROP TABLE \"class_courses\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_classes_teacher\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_classes_unit\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_classes_join_code\"");
    await queryRunner.query("DROP TABLE \"classes\"");
  }
}
