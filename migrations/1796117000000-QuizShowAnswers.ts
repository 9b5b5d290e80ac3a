import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who sees a graded attempt's right answers, set per quiz by its author (issue 17). */
export class QuizShowAnswers1796117000000 implements MigrationInterface {
  name = 'QuizShowAnswers1796117000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "quizzes" ADD "show_answers" character varying(20) NOT NULL DEFAULT 'after_passing'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "quizzes" DROP COLUMN "show_answers"`);
  }
}
