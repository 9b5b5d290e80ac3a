import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppException, notFound } from '../../common/errors/app-exception';
import { type RequestMeta, ReqMeta } from '../../common/http/request-meta';
import { UuidParam } from '../../common/http/uuid-param';
import { CurrentUser, type Principal } from '../auth/decorators';
import { AssistantHistoryService } from './assistant-history.service';
import { type Answer, AssistantService } from './assistant.service';
import { AnswerDto, AskDto, CitationDto, AssistantStatusDto, FeedbackDto, HistoryItemDto, HistoryQueryDto, AssistantNextStepDto, WrongAnswerDto } from './dto/assistant.dto';
import type { AssistantCitation } from './entities/assistant-message.entity';
import { LearnerGuidanceService } from './learner-guidance.service';

/** What the page needs of a citation (the internal lesson id stays on the server). */
const toCitationDto = ({ courseSlug, lessonSlug, lessonTitle, anchor, heading, quote }: AssistantCitation): CitationDto => ({ courseSlug, lessonSlug, lessonTitle, anchor, heading, quote });

const toAnswerDto = ({ messageId, mode, text, citations, fellBack }: Answer): AnswerDto => ({ messageId, mode, text, fellBack, citations: citations.map(toCitationDto) });

@ApiTags('assistant')
@Controller('assistant')
export class AssistantController {
  constructor(
    private readonly assistant: AssistantService,
    private readonly history: AssistantHistoryService,
    private readonly guidance: LearnerGuidanceService,
  ) {}

  @Get()
  @ApiOkResponse({ type: AssistantStatusDto, description: 'Whether the assistant answers this person now (closed while they take a timed quiz)' })
  status(@CurrentUser() p: Principal): Promise<AssistantStatusDto> {
    return this.assistant.status(p.userId);
  }

  @Post('questions')
  @HttpCode(200)
  @ApiOkResponse({ type: AnswerDto, description: 'Lesson passages, or an answer written from them when a model is configured' })
  async ask(@CurrentUser() p: Principal, @Body() dto: AskDto, @ReqMeta() meta: RequestMeta): Promise<AnswerDto> {
    return toAnswerDto(await this.assistant.ask(p.userId, dto.question, meta));
  }

  /**
   * The same answer as server-sent events: `delta` events carry the model's words as they come, then one
   * `answer` event carries the stored answer (the passages when the model was slow or failed). An error
   * after the stream began arrives as an `error` event.
   */
  @Post('questions/stream')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'text/event-stream: `delta` {text}…, then `answer` (AnswerDto) or `error` {code, message}' })
  async stream(@CurrentUser() p: Principal, @Body() dto: AskDto, @ReqMeta() meta: RequestMeta, @Res() reply: FastifyReply): Promise<void> {
    let open = false;
    const send = (event: string, data: unknown) => {
      if (!open) {
        open = true;
        reply.hijack();
        reply.raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no', 'x-content-type-options': 'nosniff' });
      }
      reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    try {
      const answer = await this.assistant.ask(p.userId, dto.question, meta, (text) => send('delta', { text }));
      send('answer', toAnswerDto(answer));
      reply.raw.end();
    } catch (err) {
      // Before the first event the usual error response still applies.
      if (!open) throw err;
      send('error', err instanceof AppException ? { code: err.code, message: err.message } : { code: 'INTERNAL', message: 'Đã có lỗi, bạn hãy hỏi lại.' });
      reply.raw.end();
    }
  }

  @Get('history')
  @ApiOkResponse({ type: [HistoryItemDto], description: 'The person’s questions, 50 at a time, newest first (`before`: the last one’s askedAt, for the next 50)' })
  async list(@CurrentUser() p: Principal, @Query() q: HistoryQueryDto): Promise<HistoryItemDto[]> {
    return (await this.history.list(p.userId, q.before ? new Date(q.before) : undefined)).map((m) => ({
      id: m.id, question: m.question, mode: m.mode, text: m.answerText, helpful: m.helpful, askedAt: m.createdAt.toISOString(),
      citations: m.citations.map(toCitationDto),
    }));
  }

  @Delete('history')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Every question and answer of this person deleted' })
  async clear(@CurrentUser() p: Principal): Promise<void> {
    await this.history.clear(p.userId);
  }

  @Delete('history/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'One of the person’s own questions and its answer deleted (404 when not theirs)' })
  async remove(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<void> {
    if (!(await this.history.remove(p.userId, id))) throw notFound('Message');
  }

  @Put('messages/:id/feedback')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Helpful or not, as the person says (may be changed)' })
  async feedback(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: FeedbackDto): Promise<void> {
    if (!(await this.assistant.feedback(p.userId, id, dto.helpful))) throw notFound('Message');
  }

  @Get('next-step')
  @ApiOkResponse({ type: AssistantNextStepDto, description: '"Học gì tiếp theo?": the next lesson or course with one sentence saying why' })
  nextStep(@CurrentUser() p: Principal): Promise<AssistantNextStepDto> {
    return this.guidance.nextStep(p.userId);
  }

  @Get('quiz-attempts/:id/why-wrong')
  @ApiOkResponse({ type: [WrongAnswerDto], description: '"Vì sao sai?": after submission only (409 before)' })
  whyWrong(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<WrongAnswerDto[]> {
    return this.guidance.whyWrong(p.userId, id);
  }
}
