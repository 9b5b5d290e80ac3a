import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { ASSISTANT_MODES, type AssistantMode } from '../entities/assistant-settings.entity';

export class AskDto {
  /** The service checks the configured limit (ASSISTANT_MAX_QUESTION_CHARS) with a Vietnamese message; this only bounds the body. */
  @ApiProperty({ example: 'lỡ bấm vào link lạ thì phải làm sao', maxLength: 2000 }) @IsString() @MaxLength(2000) question: string;
}

export class FeedbackDto {
  @ApiProperty() @IsBoolean() helpful: boolean;
}

export class AssistantModeDto {
  @ApiProperty({ enum: ASSISTANT_MODES }) @IsIn(ASSISTANT_MODES) mode: AssistantMode;
}

export class CitationDto {
  @ApiProperty() courseSlug: string;
  @ApiProperty() lessonSlug: string;
  @ApiProperty() lessonTitle: string;
  @ApiProperty({ description: 'Id of the heading on the lesson page; empty for the lesson’s opening' }) anchor: string;
  @ApiProperty() heading: string;
  @ApiProperty({ description: 'The start of the passage, quoted as written in the lesson' }) quote: string;
}

export class AnswerDto {
  @ApiProperty({ format: 'uuid' }) messageId: string;
  @ApiProperty({ enum: ['passages', 'model', 'none'], description: 'passages: quoted lesson passages; model: written from them; none: no lesson speaks of it' })
  mode: 'passages' | 'model' | 'none';
  @ApiProperty() text: string;
  @ApiProperty({ type: [CitationDto] }) citations: CitationDto[];
  @ApiProperty({ description: 'The model was slow or failing: these are the passages instead' }) fellBack: boolean;
}

export class AssistantStatusDto {
  @ApiProperty() open: boolean;
  @ApiPropertyOptional({ enum: ['off', 'exam'], nullable: true }) reason: 'off' | 'exam' | null;
  @ApiPropertyOptional({ nullable: true, type: String }) examTitle: string | null;
  @ApiProperty({ enum: ['passages', 'model'] }) answers: 'passages' | 'model';
  @ApiProperty() maxQuestionChars: number;
  @ApiProperty({ description: 'Days a question is kept before it is deleted (ASSISTANT_RETENTION_DAYS)' }) historyDays: number;
}

export class HistoryQueryDto {
  @ApiPropertyOptional({ description: 'askedAt of the last question shown: the next (older) page', example: '2026-12-01T08:00:00.000Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  before?: string;
}

export class HistoryItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'As stored: names, phone and ID numbers masked' }) question: string;
  @ApiProperty({ enum: ['passages', 'model', 'none'] }) mode: 'passages' | 'model' | 'none';
  @ApiProperty() text: string;
  @ApiProperty({ type: [CitationDto] }) citations: CitationDto[];
  @ApiPropertyOptional({ nullable: true, type: Boolean }) helpful: boolean | null;
  @ApiProperty() askedAt: string;
}

export class LocalHelpDto {
  @ApiProperty({ description: 'The person’s commune or ward' }) unitName: string;
  @ApiProperty({ description: 'Active members of its community digital team' }) teamMembers: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'An open class there that teaches the step’s course' }) className: string | null;
  @ApiProperty({ description: 'One sentence naming that help' }) sentence: string;
}

export class AssistantNextStepDto {
  @ApiProperty({ enum: ['course', 'lesson', 'self_assessment', 'done'] }) kind: 'course' | 'lesson' | 'self_assessment' | 'done';
  @ApiProperty({ description: 'One sentence saying why' }) why: string;
  @ApiPropertyOptional({ type: LocalHelpDto, nullable: true, description: 'Help near the person, where there is some: a class of their commune teaching this course, or its community digital team' })
  local: LocalHelpDto | null;
  @ApiPropertyOptional({ nullable: true, type: String }) courseSlug: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) courseTitle: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lessonSlug: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lessonTitle: string | null;
}

export class WrongAnswerPassageDto extends CitationDto {}

export class WrongAnswerDto {
  @ApiProperty({ format: 'uuid' }) questionId: string;
  @ApiProperty() prompt: string;
  @ApiProperty() explanation: string;
  @ApiPropertyOptional({ type: WrongAnswerPassageDto, nullable: true }) passage: WrongAnswerPassageDto | null;
}

export class UsageWeekDto {
  @ApiProperty({ example: '2026-11-30' }) week: string;
  @ApiPropertyOptional({ nullable: true, type: String }) unitId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) unitName: string | null;
  @ApiProperty() questions: number;
}

export class UnansweredDto {
  @ApiProperty({ description: 'Masked and folded (no diacritics): the same question counts once' }) question: string;
  @ApiProperty() count: number;
}

export class ProviderDto {
  @ApiProperty() host: string;
  @ApiProperty() model: string;
}

export class RetrievalStatusDto {
  @ApiProperty({ enum: ['full_text', 'hybrid'], description: 'hybrid: full text fused with the passages nearest to the question’s vector' }) ranking: 'full_text' | 'hybrid';
  @ApiPropertyOptional({
    enum: ['no_endpoint', 'no_extension', 'not_embedded'], nullable: true,
    description: 'Why full text alone: no embedding endpoint configured, no vector extension (pgvector) in the database, or no passage embedded yet',
  })
  reason: 'no_endpoint' | 'no_extension' | 'not_embedded' | null;
  @ApiPropertyOptional({ type: ProviderDto, nullable: true }) embeddings: ProviderDto | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean, description: 'Null when no endpoint is configured (not looked for)' }) vectorExtension: boolean | null;
  @ApiProperty({ description: 'Distinct passage texts' }) passages: number;
  @ApiProperty({ description: 'Of them, with a vector from the configured model' }) embedded: number;
}

export class AssistantUsageDto {
  @ApiProperty({ enum: ASSISTANT_MODES }) mode: AssistantMode;
  @ApiPropertyOptional({ type: ProviderDto, nullable: true, description: 'Null: no model configured, answers are lesson passages' }) provider: ProviderDto | null;
  @ApiProperty({ type: RetrievalStatusDto }) retrieval: RetrievalStatusDto;
  @ApiProperty({ type: [UsageWeekDto] }) weeks: UsageWeekDto[];
  @ApiProperty() helpful: number;
  @ApiProperty() notHelpful: number;
  @ApiProperty({ type: [UnansweredDto] }) unanswered: UnansweredDto[];
}
