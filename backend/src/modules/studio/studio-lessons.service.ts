import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/decorators';
import type { CreateStudioLessonDto, StudioLessonDto, StudioLessonSummaryDto, UpdateStudioLessonDto } from './dto/studio.dto';
import { notImplemented } from './studio.errors';

@Injectable()
export class StudioLessonsService {
  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async list(p: Principal, id: string): Promise<StudioLessonSummaryDto[]> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async create(p: Principal, id: string, dto: CreateStudioLessonDto): Promise<StudioLessonDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async order(p: Principal, id: string, lessonIds: string[]): Promise<StudioLessonSummaryDto[]> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async get(p: Principal, id: string, lessonId: string): Promise<StudioLessonDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async update(p: Principal, id: string, lessonId: string, dto: UpdateStudioLessonDto): Promise<StudioLessonDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async remove(p: Principal, id: string, lessonId: string): Promise<void> {
    throw notImplemented();
  }
}
