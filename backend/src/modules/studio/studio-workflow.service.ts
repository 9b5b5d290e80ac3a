import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/decorators';
import type { StudioCourseDto } from './dto/studio.dto';
import type { RequestMeta } from '../../common/http/request-meta';
import { notImplemented } from './studio.errors';

@Injectable()
export class StudioWorkflowService {
  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async submit(p: Principal, id: string, meta: RequestMeta): Promise<StudioCourseDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async giveBack(p: Principal, id: string, comment: string, meta: RequestMeta): Promise<StudioCourseDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async publish(p: Principal, id: string, meta: RequestMeta): Promise<StudioCourseDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async archive(p: Principal, id: string, meta: RequestMeta): Promise<StudioCourseDto> {
    throw notImplemented();
  }
}
