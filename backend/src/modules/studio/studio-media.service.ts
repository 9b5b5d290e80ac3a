import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/decorators';
import type { StudioMediaDto } from './dto/studio.dto';
import { notImplemented } from './studio.errors';

@Injectable()
export class StudioMediaService {
  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async upload(p: Principal, id: string, name: string, alt: string | null, bytes: Buffer): Promise<StudioMediaDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async open(p: Principal, id: string, name: string): Promise<{ headers: Record<string, string>; bytes: Buffer }> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async remove(p: Principal, id: string, name: string): Promise<void> {
    throw notImplemented();
  }
}
