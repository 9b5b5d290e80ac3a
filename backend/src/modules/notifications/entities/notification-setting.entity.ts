import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import type { NotificationKind } from '../notification-kinds';

/** A person's choice for one kind of notification; no row means both on. */
@Entity('notification_settings')
@Check('ck_notification_settings_kind', `"kind" IN ('ambassador_nudge', 'class_invitation', 'household_invitation', 'stalled_learning')`)
export class NotificationSetting {
  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  kind: NotificationKind;

  @Column({ type: 'boolean' })
  inApp: boolean;

  @Column({ type: 'boolean' })
  email: boolean;
}
