import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../common/http/uuid-param';
import { CurrentUser, type Principal } from '../auth/decorators';
import { NotificationDto, NotificationPageDto, NotificationSettingsDto, NotificationSettingsViewDto, PageQueryDto, UnreadCountDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

/** A person's own notifications and their choices: nobody else reads them. */
@ApiTags('notifications')
@Controller('me')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @ApiOkResponse({ type: NotificationPageDto, description: 'Newest first, 20 a page' })
  async list(@CurrentUser() p: Principal, @Query() q: PageQueryDto): Promise<NotificationPageDto> {
    const page = q.page ?? 1;
    const { items, total, unread } = await this.notifications.page(p.userId, page);
    return { items: items.map((n) => NotificationDto.from(n)), total, page, pageSize: 20, unread };
  }

  /** What the bell shows; cheap enough to ask every minute. */
  @Get('notifications/unread-count')
  @ApiOkResponse({ type: UnreadCountDto })
  async unread(@CurrentUser() p: Principal): Promise<UnreadCountDto> {
    return { unread: await this.notifications.unread(p.userId) };
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  @ApiNoContentResponse()
  markRead(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<void> {
    return this.notifications.markRead(p.userId, id);
  }

  @Post('notifications/read')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Marks every notification read' })
  markAllRead(@CurrentUser() p: Principal): Promise<void> {
    return this.notifications.markAllRead(p.userId);
  }

  @Get('notification-settings')
  @ApiOkResponse({ type: NotificationSettingsViewDto })
  settings(@CurrentUser() p: Principal): Promise<NotificationSettingsViewDto> {
    return this.notifications.settings(p.userId);
  }

  @Put('notification-settings')
  @ApiOkResponse({ type: NotificationSettingsViewDto })
  async saveSettings(@CurrentUser() p: Principal, @Body() dto: NotificationSettingsDto): Promise<NotificationSettingsViewDto> {
    await this.notifications.saveSettings(p.userId, dto.settings);
    return this.notifications.settings(p.userId);
  }
}
