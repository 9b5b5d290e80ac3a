import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { IsOmittable } from '../../../common/http/is-omittable';
import type { Notification } from '../entities/notification.entity';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notification-kinds';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: NotificationKind;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The names and titles the sentence needs, by kind' }) params: Record<string, unknown>;
  @ApiProperty({ description: 'A path of the web app' }) link: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;

  static from(n: Notification): NotificationDto {
    return { id: n.id, kind: n.kind, params: n.params, link: n.link, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null };
  }
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() unread: number;
}

export class UnreadCountDto {
  @ApiProperty() unread: number;
}

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 1 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  page?: number;
}

export class NotificationSettingDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsIn(NOTIFICATION_KINDS, { message: `kind must be one of ${NOTIFICATION_KINDS.join(', ')}` })
  kind: NotificationKind;

  @ApiProperty({ description: 'Shown in the app (the bell)' })
  @IsBoolean()
  inApp: boolean;

  @ApiProperty({ description: 'Also sent by email, where mail is configured and the account has an address' })
  @IsBoolean()
  email: boolean;
}

export class NotificationSettingsDto {
  @ApiProperty({ type: [NotificationSettingDto] })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => NotificationSettingDto)
  settings: NotificationSettingDto[];
}

export class NotificationSettingsViewDto extends NotificationSettingsDto {
  @ApiProperty({ description: 'Whether email can reach this person (mail configured and an address on the account)' }) emailAvailable: boolean;
}
