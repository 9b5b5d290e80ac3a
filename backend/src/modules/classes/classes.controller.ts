import { Body, Controller, Get, HttpCode, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../common/http/uuid-param';
import { CurrentUser, type Principal, Roles } from '../auth/decorators';
import { ClassInvitationsService } from './class-invitations.service';
import { ClassesService } from './classes.service';
import { AssignCoursesDto, ClassDetailDto, ClassInvitedDto, InviteToClassDto, ClassSummaryDto, CreateClassDto, JoinClassDto, JoinedClassDto, UnitFilterDto } from './dto/class.dto';

@ApiTags('classes')
@Controller()
export class ClassesController {
  constructor(
    private readonly classes: ClassesService,
    private readonly invitations: ClassInvitationsService,
  ) {}

  @Post('classes')
  @Roles('teacher', 'admin')
  @ApiOkResponse({ type: ClassDetailDto })
  create(@CurrentUser() p: Principal, @Body() dto: CreateClassDto): Promise<ClassDetailDto> {
    return this.classes.create(p, dto);
  }

  /** A teacher's own classes; an administrator's, those of their scope (optionally one commune's). */
  @Get('classes')
  @Roles('teacher', 'admin')
  @ApiOkResponse({ type: [ClassSummaryDto] })
  list(@CurrentUser() p: Principal, @Query() q: UnitFilterDto): Promise<ClassSummaryDto[]> {
    return this.classes.list(p, q.unitId);
  }

  @Get('classes/:id')
  @Roles('teacher', 'admin')
  @ApiOkResponse({ type: ClassDetailDto })
  detail(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<ClassDetailDto> {
    return this.classes.detail(p, id);
  }

  @Put('classes/:id/courses')
  @Roles('teacher', 'admin')
  @ApiOkResponse({ type: ClassDetailDto })
  assign(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: AssignCoursesDto): Promise<ClassDetailDto> {
    return this.classes.assign(p, id, dto.courses);
  }

  @Get('classes/:id/qr.svg')
  @Roles('teacher', 'admin')
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'QR code of the join address' })
  async qr(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<StreamableFile> {
    return new StreamableFile(Buffer.from(await this.classes.qrSvg(p, id)), { type: 'image/svg+xml' });
  }

  /** Invites a phone number or email: an account holder is notified with the code (once per class). */
  @Post('classes/:id/invitations')
  @Roles('teacher', 'admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ClassInvitedDto, description: 'The same answer whether or not the login has an account' })
  invite(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: InviteToClassDto): Promise<ClassInvitedDto> {
    return this.invitations.invite(p, id, dto.login);
  }

  /** Any signed-in person joins with the code (typed, or from the QR code's address). */
  @Post('me/classes')
  @HttpCode(200)
  @ApiOkResponse({ type: JoinedClassDto })
  join(@CurrentUser() p: Principal, @Body() dto: JoinClassDto): Promise<JoinedClassDto> {
    return this.classes.join(p.userId, dto.code);
  }

  @Get('me/classes')
  @ApiOkResponse({ type: [JoinedClassDto] })
  mine(@CurrentUser() p: Principal): Promise<JoinedClassDto[]> {
    return this.classes.joined(p.userId);
  }
}
