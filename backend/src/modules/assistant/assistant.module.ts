import { Module } from '@nestjs/common';
import { AssessmentModule } from '../assessment/assessment.module';
import { AdminAssistantController } from './admin-assistant.controller';
import { AssistantController } from './assistant.controller';
import { AssistantHistoryService } from './assistant-history.service';
import { AssistantLimits } from './assistant-limits';
import { AssistantSettingsService } from './assistant-settings.service';
import { AssistantUsageService } from './assistant-usage.service';
import { AssistantService } from './assistant.service';
import { ChatModelClient } from './answering/chat-model.client';
import { QuestionSuggester } from './authoring/question-suggester.service';
import { AssistantEmbedProcessor } from './jobs/assistant-embed.processor';
import { AssistantIndexProcessor } from './jobs/assistant-index.processor';
import { LearnerGuidanceService } from './learner-guidance.service';
import { EmbeddingClient } from './retrieval/embedding.client';
import { HybridRetriever } from './retrieval/hybrid-retriever.service';
import { PassageIndex } from './retrieval/passage-index.service';
import { PassageIndexer } from './retrieval/passage-indexer.service';
import { PassageVectors } from './retrieval/passage-vectors.service';
import { AssistantAsks } from './storage/assistant-asks';

/** The learning assistant: retrieval over lesson passages, answers, safety, guidance, quiz items drafted for authors, and its administration. */
@Module({
  imports: [AssessmentModule],
  controllers: [AssistantController, AdminAssistantController],
  providers: [
    AssistantAsks, AssistantService, AssistantHistoryService, AssistantLimits, AssistantSettingsService, AssistantUsageService, ChatModelClient,
    AssistantEmbedProcessor, AssistantIndexProcessor, EmbeddingClient, HybridRetriever, LearnerGuidanceService, PassageIndex, PassageIndexer, PassageVectors,
    QuestionSuggester,
  ],
  exports: [PassageIndex, PassageIndexer, QuestionSuggester],
})
export class AssistantModule {}
