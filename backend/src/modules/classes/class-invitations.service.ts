import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fieldError } from '../../common/errors/app-exception';
import type { Principal } from '../auth/decorators';
import { NotificationsService } from '../notifications/notifications.service';
import { User } from '../users/entities/user.entity';
import { parseLogin } from '../users/login-identifier';
import { mask } from '../users/personal-data.cipher';
import { UsersService } from '../users/users.service';
import { ClassesService } from './classes.service';

/**
 * A teacher invites a person to a class by phone number or email. The answer is the same whether or
 * not the login has an account; an account holder gets a notification with the class code (once per
 * class), and still joins by themselves.
 */
@Injectable()
export class ClassInvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly classes: ClassesService,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
  ) {}

  async invite(p: Principal, classId: string, login: string): Promise<{ loginHint: string }> {
    const cls = await this.classes.detail(p, classId);
    const parsed = parseLogin(login);
    if (!parsed) throw fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'login', 'login must be a Vietnamese mobile number or an email address');
    const invitee = await this.users.findByLogin(parsed);
    if (invitee?.status === 'active' && invitee.id !== p.userId) {
      const teacher = await this.dataSource.getRepository(User).findOneByOrFail({ id: p.userId });
      await this.notifications.notify({
        userId: invitee.id, kind: 'class_invitation', actorId: p.userId, subjectId: cls.id, dedupeKey: `class-invitation:${cls.id}:${invitee.id}`,
        params: { className: cls.name, teacherName: teacher.fullName ?? '', code: cls.joinCode }, link: `/tham-gia-lop?ma=${cls.joinCode}`,
      });
    }
    return { loginHint: parsed.kind === 'phone' ? mask.phone(parsed.value) : mask.email(parsed.value) };
  }
}
