import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/decorators';
import type { StudioCourseDto } from './dto/studio.dto';
import { notImplemented } from './studio.errors';

@Injectable()
export class StudioFilesService {
  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async importZip(p: Principal, zip: Buffer, slug: string | undefined): Promise<StudioCourseDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async exportZip(p: Principal, id: string): Promise<{ slug: string; zip: Uint8Array }> {
    throw notImplemented();
  }
}
