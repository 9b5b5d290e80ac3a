import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/decorators';
import type { PreviewAttemptDto, PreviewHtmlDto, PreviewResultDto } from './dto/studio.dto';
import type { LessonDto } from '../learning/dto/lesson.dto';
import { notImplemented } from './studio.errors';

@Injectable()
export class StudioPreviewService {
  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async markdown(p: Principal, courseId: string, markdown: string): Promise<PreviewHtmlDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async lesson(p: Principal, id: string, lessonId: string): Promise<LessonDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async attempt(p: Principal, id: string, quizId: string): Promise<PreviewAttemptDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async grade(p: Principal, id: string, quizId: string, attempt: string, answers: unknown): Promise<PreviewResultDto> {
    throw notImplemented();
  }
}
