import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { LessonAudioProcessor } from './audio/lesson-audio.processor';
import { LessonAudioService } from './audio/lesson-audio.service';
import { CourseAccessService } from './course-access.service';
import { EnrolmentsService } from './enrolments.service';
import { LearningController } from './learning.controller';
import { LearningEventsService } from './learning-events.service';
import { LearnerStateCache } from './learner-state-cache';
import { LessonsService } from './lessons.service';
import { ProgressService } from './progress.service';
import { ProgressSummaryService } from './progress-summary.service';
import { CourseContentCache } from './quiz/course-content';
import { QuizAttemptsService } from './quiz/quiz-attempts.service';
import { QuizzesController } from './quiz/quizzes.controller';

/** The learner's journey: enrolment, lessons, quizzes, progress and the durable event log. */
@Module({
  imports: [ContentModule],
  controllers: [LearningController, QuizzesController],
  providers: [CourseAccessService, CourseContentCache, EnrolmentsService, LearnerStateCache, LessonsService, ProgressService, ProgressSummaryService, LearningEventsService, QuizAttemptsService, LessonAudioService, LessonAudioProcessor],
  exports: [ProgressService, ProgressSummaryService, LearningEventsService, EnrolmentsService],
})
export class LearningModule {}
