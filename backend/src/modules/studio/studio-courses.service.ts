import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/decorators';
import type { AddAuthorDto, AddCommentDto, CreateStudioCourseDto, StudioAuthorDto, StudioCommentDto, StudioCourseDto, StudioCourseSummaryDto, UpdateStudioCourseDto } from './dto/studio.dto';
import type { RequestMeta } from '../../common/http/request-meta';
import { notImplemented } from './studio.errors';

@Injectable()
export class StudioCoursesService {
  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async list(p: Principal): Promise<StudioCourseSummaryDto[]> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async create(p: Principal, dto: CreateStudioCourseDto, key: string | null): Promise<StudioCourseDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async detail(p: Principal, id: string): Promise<StudioCourseDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async update(p: Principal, id: string, dto: UpdateStudioCourseDto): Promise<StudioCourseDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async comments(p: Principal, id: string): Promise<StudioCommentDto[]> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async addComment(p: Principal, id: string, dto: AddCommentDto): Promise<StudioCommentDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async resolveComment(p: Principal, id: string, commentId: string): Promise<StudioCommentDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async addAuthor(p: Principal, id: string, dto: AddAuthorDto, meta: RequestMeta): Promise<StudioAuthorDto[]> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async removeAuthor(p: Principal, id: string, userId: string, meta: RequestMeta): Promise<void> {
    throw notImplemented();
  }
}
