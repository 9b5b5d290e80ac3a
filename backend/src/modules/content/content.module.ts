import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssistantModule } from '../assistant/assistant.module';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';
import { ContentImportService } from './content-import.service';
import { ContentChecksService } from './content-checks.service';
import { CourseMediaService } from './course-media.service';
import { ContentImportsController } from './content-imports.controller';
import { ContentImportsService } from './content-imports.service';
import { ContentImport } from './entities/content-import.entity';
import { ContentImportProcessor } from './jobs/content-import.processor';

@Module({
  // The catalogue finds courses by people's words through the assistant's passage index (one retrieval).
  imports: [TypeOrmModule.forFeature([ContentImport]), AssistantModule],
  controllers: [CatalogueController, ContentImportsController],
  providers: [CatalogueService, ContentImportService, ContentImportsService, ContentImportProcessor, CourseMediaService, ContentChecksService],
  exports: [ContentImportService, CourseMediaService, ContentChecksService],
})
export class ContentModule {}
