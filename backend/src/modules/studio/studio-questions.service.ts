import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/decorators';
import type { GiftImportDto, GiftImportResultDto, SaveStudioQuestionDto, StudioQuestionDto } from './dto/studio.dto';
import { notImplemented } from './studio.errors';

@Injectable()
export class StudioQuestionsService {
  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async list(p: Principal, id: string): Promise<StudioQuestionDto[]> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async create(p: Principal, id: string, dto: SaveStudioQuestionDto): Promise<StudioQuestionDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async update(p: Principal, id: string, questionId: string, dto: SaveStudioQuestionDto): Promise<StudioQuestionDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async remove(p: Principal, id: string, questionId: string): Promise<void> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async importGift(p: Principal, id: string, dto: GiftImportDto): Promise<GiftImportResultDto> {
    throw notImplemented();
  }

  // eslint-disable-next-line @typescript-eslint/require-await, @typescript-eslint/no-unused-vars
  async exportGift(p: Principal, id: string): Promise<{ slug: string; text: string }> {
    throw notImplemented();
  }
}
