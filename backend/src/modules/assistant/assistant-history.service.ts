import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AssistantMessage } from './entities/assistant-message.entity';

const HISTORY_SHOWN = 50;
const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * The person's questions and answers: shown to them, deleted by them (here, or with their account in
 * profile), exported with their data, and purged by every process after ASSISTANT_RETENTION_DAYS.
 */
@Injectable()
export class AssistantHistoryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AssistantHistory');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Deleting old rows is idempotent, so every process may do it; an hour's lag is within any retention.
    this.timer = setInterval(() => void this.purgeExpired().catch((err: unknown) => this.logger.warn({ err }, 'Purge failed')), PURGE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** A page of the person's questions, newest first; `before` (the last one's time) gives the next page. */
  list(userId: string, before?: Date): Promise<AssistantMessage[]> {
    return this.dataSource.getRepository(AssistantMessage).find({
      where: { userId, ...(before ? { createdAt: LessThan(before) } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: HISTORY_SHOWN,
    });
  }

  async clear(userId: string): Promise<number> {
    const res = await this.dataSource.getRepository(AssistantMessage).delete({ userId });
    return res.affected ?? 0;
  }

  /** Deletes one of the person's own questions; false when it is not theirs or already gone. */
  async remove(userId: string, id: string): Promise<boolean> {
    const res = await this.dataSource.getRepository(AssistantMessage).delete({ id, userId });
    return (res.affected ?? 0) > 0;
  }


  async purgeExpired(): Promise<number> {
    const rows = (await this.dataSource.query(
      `DELETE FROM assistant_messages WHERE created_at < now() - make_interval(days => $1) RETURNING id`,
      [this.config.assistant.retentionDays],
    )) as unknown[];
    return rows.length;
  }
}
