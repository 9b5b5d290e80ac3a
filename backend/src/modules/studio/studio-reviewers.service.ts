import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/decorators';
import type { GrantReviewerDto, ReviewerRightDto } from './dto/studio.dto';
import type { RequestMeta } from '../../common/http/request-meta';
import { notImplemented } from './studio.errors';

@Injectable()
export class StudioReviewersService {
  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async get(p: Principal, id: string): Promise<ReviewerRightDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async grant(p: Principal, id: string, dto: GrantReviewerDto, meta: RequestMeta): Promise<ReviewerRightDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async revoke(p: Principal, id: string, meta: RequestMeta): Promise<void> {
    throw notImplemented();
  }
}
