import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const ASSISTANT_MODES = ['off', 'local', 'model'] as const;
export type AssistantMode = (typeof ASSISTANT_MODES)[number];

/**
 * What national administrators chose: `off` (closed), `local` (lesson passages only: nothing leaves the
 * server even when a model is configured) or `model` (the configured model writes the answer).
 */
@Entity('assistant_settings')
@Check('ck_assistant_settings_mode', `"mode" IN ('off', 'local', 'model')`)
export class AssistantSettings {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'varchar', length: 8 })
  mode: AssistantMode;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
