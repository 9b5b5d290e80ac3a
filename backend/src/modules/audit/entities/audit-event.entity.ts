import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AuditEventType =
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.lockout'
  | 'auth.logout'
  | 'auth.password_changed'
  | 'auth.password_reset'
  | 'auth.reset_code_issued'
  | 'user.registered'
  | 'identity.linked'
  | 'identity.refused'
  | 'community.member_appointed'
  | 'community.member_relieved'
  | 'community.card_issued'
  | 'community.assist_started'
  | 'identity.unlinked'
  | 'ambassador.started'
  | 'ambassador.stepped_down'
  | 'ambassador.mentee_joined'
  | 'ambassador.consent_withdrawn'
  | 'household.created'
  | 'household.joined'
  | 'household.left'
  | 'household.member_removed'
  | 'household.rule_set'
  | 'user.role_changed'
  | 'user.disabled'
  | 'user.enabled'
  | 'user.deleted'
  | 'user.data_exported'
  | 'admin.user_viewed'
  | 'units.imported'
  | 'content.import_started'
  | 'certification.policy_changed'
  | 'certification.record_issued'
  | 'certification.record_revoked'
  | 'certification.record_reissued'
  | 'reporting.people_listed'
  | 'reporting.target_set'
  | 'reporting.targets_imported'
  | 'reporting.recount_started'
  | 'reporting.report_submitted'
  | 'reporting.export_requested'
  | 'reporting.export_downloaded'
  | 'assistant.mode_changed'
  | 'studio.submitted'
  | 'studio.returned'
  | 'studio.published'
  | 'studio.archived'
  | 'studio.author_added'
  | 'studio.author_removed'
  | 'studio.reviewer_granted'
  | 'studio.reviewer_revoked'
  | 'studio.questions_suggested';

/** Append-only security log. Holds ids, never names, phones or emails. */
@Entity('audit_events')
@Index('ix_audit_events_subject', ['subjectId', 'occurredAt'])
@Index('ix_audit_events_type', ['type', 'occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 48 })
  type: AuditEventType;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}
