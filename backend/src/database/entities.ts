import { AuditEvent } from '../modules/audit/entities/audit-event.entity';
import { PasswordResetCode } from '../modules/auth/entities/password-reset-code.entity';
import { Session } from '../modules/auth/entities/session.entity';
import { Organisation } from '../modules/organisations/entities/organisation.entity';
import { DataExport } from '../modules/profile/entities/data-export.entity';
import { AdminUnit } from '../modules/units/entities/admin-unit.entity';
import { User } from '../modules/users/entities/user.entity';

export const ENTITIES = [AdminUnit, Organisation, User, Session, PasswordResetCode, AuditEvent, DataExport];
