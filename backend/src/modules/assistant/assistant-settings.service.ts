import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { forbidden } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/decorators';
import { type AssistantMode, AssistantSettings } from './entities/assistant-settings.entity';

const CACHE_MS = 3000;

/** The national switch (off / local only / with the model), read on every question, so cached a few seconds per process. */
@Injectable()
export class AssistantSettingsService {
  private cached: { mode: AssistantMode; at: number } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async mode(): Promise<AssistantMode> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.mode;
    const row = await this.dataSource.getRepository(AssistantSettings).findOne({ where: { id: 1 } });
    this.cached = { mode: row?.mode ?? 'model', at: Date.now() };
    return this.cached.mode;
  }

  async setMode(admin: Principal, mode: AssistantMode, meta: RequestMeta): Promise<AssistantMode> {
    if (admin.scope?.level !== 'nation') throw forbidden('Only national administrators switch the assistant');
    await this.dataSource.query(
      `INSERT INTO assistant_settings (id, mode, updated_by_id, updated_at) VALUES (1, $1, $2, now())
       ON CONFLICT (id) DO UPDATE SET mode = EXCLUDED.mode, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()`,
      [mode, admin.userId],
    );
    await this.audit.record('assistant.mode_changed', { actorId: admin.userId, meta, details: { mode } });
    this.cached = null;
    return mode;
  }
}
