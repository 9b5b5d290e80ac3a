import { Module } from '@nestjs/common';
import { LearningModule } from '../learning/learning.module';
import { ClassesController } from './classes.controller';
import { ClassesService } from './classes.service';

/** Classes: teachers open them, assign courses, learners join by code or QR code; rosters with progress. */
@Module({
  imports: [LearningModule],
  controllers: [ClassesController],
  providers: [ClassesService],
})
export class ClassesModule {}
