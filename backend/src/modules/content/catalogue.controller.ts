import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators';
import { CatalogueService } from './catalogue.service';
import { CourseDetailDto, CourseListQueryDto, CourseSummaryDto, FrameworkDto } from './dto/catalogue.dto';

@ApiTags('catalogue')
@Public()
@Controller()
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('framework')
  @ApiOkResponse({ type: FrameworkDto })
  framework(): Promise<FrameworkDto> {
    return this.catalogue.framework();
  }

  @Get('courses')
  @ApiOkResponse({ type: [CourseSummaryDto] })
  list(@Query() query: CourseListQueryDto): Promise<CourseSummaryDto[]> {
    return this.catalogue.list(query);
  }

  @Get('courses/:slug')
  @ApiOkResponse({ type: CourseDetailDto })
  detail(@Param('slug') slug: string): Promise<CourseDetailDto> {
    return this.catalogue.detail(slug);
  }
}
