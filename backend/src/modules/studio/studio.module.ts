import { Module } from '@nestjs/common';
import { AssistantModule } from '../assistant/assistant.module';
import { ContentModule } from '../content/content.module';
import { UsersModule } from '../users/users.module';
import { StudioAccessService } from './studio-access.service';
import { StudioCheckService } from './studio-check.service';
import { StudioContentController } from './studio-content.controller';
import { StudioCoursesController } from './studio-courses.controller';
import { StudioCoursesService } from './studio-courses.service';
import { StudioFilesService } from './studio-files.service';
import { StudioLessonsService } from './studio-lessons.service';
import { StudioMediaService } from './studio-media.service';
import { StudioPreviewController } from './studio-preview.controller';
import { StudioPreviewService } from './studio-preview.service';
import { StudioQuestionsService } from './studio-questions.service';
import { StudioQuizzesService } from './studio-quizzes.service';
import { StudioReviewersController } from './studio-reviewers.controller';
import { StudioReviewersService } from './studio-reviewers.service';
import { StudioSuggestionsController } from './studio-suggestions.controller';
import { StudioSuggestionsService } from './studio-suggestions.service';
import { StudioWorkflowService } from './studio-workflow.service';

/**
 * The authoring studio: teachers write courses as drafts in the database; the content module's one
 * validator checks them (through the folder format), and its importer publishes them to learners.
 */
@Module({
  imports: [AssistantModule, ContentModule, UsersModule],
  controllers: [StudioCoursesController, StudioContentController, StudioPreviewController, StudioReviewersController, StudioSuggestionsController],
  providers: [
    StudioAccessService, StudioCheckService,
    StudioCoursesService, StudioFilesService, StudioWorkflowService, StudioLessonsService, StudioQuestionsService, StudioQuizzesService,
    StudioMediaService, StudioPreviewService, StudioReviewersService, StudioSuggestionsService,
  ],
})
export class StudioModule {}
