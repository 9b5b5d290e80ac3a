import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiIdempotencyKey, IdempotencyKey } from '../../common/http/idempotency-key';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta';
import { UuidParam } from '../../common/http/uuid-param';
import { CurrentUser, type Principal, Roles } from '../auth/decorators';
import { QuestionSuggestionsDto, SUGGESTION_COUNT, SuggestionAvailabilityDto, SuggestQuestionsDto } from './dto/studio.dto';
import { StudioSuggestionsService } from './studio-suggestions.service';

/** "Gợi ý câu hỏi": quiz items drafted by the assistant's model from a lesson, saved as draft questions. */
@ApiTags('studio')
@Roles('teacher', 'admin')
@Controller('studio')
export class StudioSuggestionsController {
  constructor(private readonly suggestions: StudioSuggestionsService) {}

  /** Whether the button can work here: a model is configured and administrators allow it. */
  @Get('question-suggestions')
  @ApiOkResponse({ type: SuggestionAvailabilityDto })
  availability(): Promise<SuggestionAvailabilityDto> {
    return this.suggestions.availability();
  }

  @Post('courses/:id/lessons/:lessonId/question-suggestions')
  @ApiIdempotencyKey()
  @ApiCreatedResponse({
    type: QuestionSuggestionsDto,
    description: 'Draft questions saved in the bank. 503 ASSISTANT_MODEL_NOT_CONFIGURED / ASSISTANT_MODEL_OFF; 502 when the model fails or gives nothing usable (nothing saved); 429 past the hourly allowance; a resend returns the first answer with replayed: true',
  })
  suggest(
    @CurrentUser() p: Principal, @UuidParam('id') id: string, @UuidParam('lessonId') lessonId: string, @Body() dto: SuggestQuestionsDto,
    @IdempotencyKey() key: string | null, @ReqMeta() meta: RequestMeta,
  ): Promise<QuestionSuggestionsDto> {
    return this.suggestions.suggest(p, id, lessonId, dto.count ?? SUGGESTION_COUNT.default, key, meta);
  }
}
