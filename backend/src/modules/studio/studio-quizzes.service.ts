import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/decorators';
import type { SaveStudioQuizDto, StudioQuizDto } from './dto/studio.dto';
import { notImplemented } from './studio.errors';

@Injectable()
export class StudioQuizzesService {
  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async list(p: Principal, id: string): Promise<StudioQuizDto[]> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async create(p: Principal, id: string, dto: SaveStudioQuizDto): Promise<StudioQuizDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async update(p: Principal, id: string, quizId: string, dto: SaveStudioQuizDto): Promise<StudioQuizDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async remove(p: Principal, id: string, quizId: string): Promise<void> {
    throw notImplemented();
  }
}
