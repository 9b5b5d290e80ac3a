import { ApiProperty } from '@nestjs/swagger';
import type { Course } from '../../content/entities/course.entity';
import type { Enrolment } from '../entities/enrolment.entity';
import type { CourseProgress } from '../progress.service';

export class NextStepDto {
  @ApiProperty({ enum: ['lesson', 'quiz'] }) kind: 'lesson' | 'quiz';
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
}

export class LessonStepDto {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty() required: boolean;
  @ApiProperty() estimatedMinutes: number;
  @ApiProperty() done: boolean;
  @ApiProperty({ description: 'Sequential course: an earlier lesson is not done yet' }) locked: boolean;
}

export class QuizStepDto {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty() required: boolean;
  @ApiProperty() passPercent: number;
  @ApiProperty() questionCount: number;
  @ApiProperty({ type: Number, nullable: true }) maxAttempts: number | null;
  @ApiProperty() cooldownSeconds: number;
  @ApiProperty({ type: Number, nullable: true }) timeLimitSeconds: number | null;
  @ApiProperty() attemptsUsed: number;
  @ApiProperty({ type: Number, nullable: true }) bestScore: number | null;
  @ApiProperty() passed: boolean;
  @ApiProperty({ type: String, nullable: true }) openAttemptId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptAt: string | null;
  @ApiProperty({ description: 'Sequential course: lessons to finish first' }) locked: boolean;
}

export class CompetencyProgressDto {
  @ApiProperty() code: string;
  @ApiProperty() lessonsDone: number;
  @ApiProperty() lessonsTotal: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Share of marks in the best quiz attempt, percent' }) quizScore: number | null;
}

export class CourseProgressDto {
  @ApiProperty() courseSlug: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty({ enum: ['active', 'completed'] }) status: 'active' | 'completed';
  @ApiProperty({ format: 'date-time' }) enrolledAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ApiProperty() percent: number;
  @ApiProperty({ type: NextStepDto, nullable: true }) nextStep: NextStepDto | null;
  @ApiProperty({ type: [LessonStepDto] }) lessons: LessonStepDto[];
  @ApiProperty({ type: [QuizStepDto] }) quizzes: QuizStepDto[];
  @ApiProperty({ type: [CompetencyProgressDto] }) competencies: CompetencyProgressDto[];

  static from(course: Course, enrolment: Enrolment, p: CourseProgress): CourseProgressDto {
    return {
      courseSlug: course.slug,
      courseTitle: course.title,
      status: enrolment.status === 'completed' ? 'completed' : 'active',
      enrolledAt: enrolment.enrolledAt.toISOString(),
      completedAt: enrolment.completedAt?.toISOString() ?? null,
      percent: p.percent,
      nextStep: p.nextStep,
      lessons: p.lessons.map(({ slug, title, required, estimatedMinutes, done, locked }) => ({ slug, title, required, estimatedMinutes, done, locked })),
      quizzes: p.quizzes.map(({ id: _id, nextAttemptAt, ...q }) => ({ ...q, nextAttemptAt: nextAttemptAt?.toISOString() ?? null })),
      competencies: p.competencies,
    };
  }
}

export class MyCourseDto {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty() estimatedMinutes: number;
  @ApiProperty({ enum: ['active', 'completed'] }) status: 'active' | 'completed';
  @ApiProperty() percent: number;
  @ApiProperty() lessonsDone: number;
  @ApiProperty() lessonsTotal: number;
  @ApiProperty({ type: NextStepDto, nullable: true }) nextStep: NextStepDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;

  static from(course: Course, enrolment: Enrolment, p: CourseProgress): MyCourseDto {
    return {
      slug: course.slug,
      title: course.title,
      summary: course.summary,
      estimatedMinutes: course.estimatedMinutes,
      status: enrolment.status === 'completed' ? 'completed' : 'active',
      percent: p.percent,
      lessonsDone: p.lessons.filter((l) => l.done).length,
      lessonsTotal: p.lessons.length,
      nextStep: p.nextStep,
      completedAt: enrolment.completedAt?.toISOString() ?? null,
    };
  }
}
