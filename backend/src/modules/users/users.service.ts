import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { notFound } from '../../common/errors/app-exception';
import { APP_CONFIG, type AppConfig, identityProviderLabel } from '../../config/config';
import type { LoginIdentifier } from './login-identifier';
import { User } from './entities/user.entity';
import type { MeResponseDto, ScopeDto } from './dto/me-response.dto';
import { PersonalDataCipher } from './personal-data.cipher';

export const USER_RELATIONS = { unit: true, province: true, organisation: true, scopeUnit: true } as const;

/** Looks people up and reads their protected fields; the rules of who may do what live elsewhere. */
@Injectable()
export class UsersService {
  readonly cipher: PersonalDataCipher;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cipher = new PersonalDataCipher(config.dataEncryptionKey);
  }

  /** Encrypted value and look-up hash for a phone or email column pair. */
  seal(value: string | null): { enc: Buffer | null; hash: Buffer | null } {
    return value === null ? { enc: null, hash: null } : { enc: this.cipher.encrypt(value), hash: this.cipher.blindIndex(value) };
  }

  findByLogin(login: LoginIdentifier, em?: EntityManager): Promise<User | null> {
    const repo = em ? em.getRepository(User) : this.users;
    const hash = this.cipher.blindIndex(login.value);
    return repo.findOne({ where: login.kind === 'phone' ? { phoneHash: hash } : { emailHash: hash } });
  }

  findWithRelations(id: string): Promise<User | null> {
    return this.users.findOne({ where: { id }, relations: USER_RELATIONS });
  }

  async meOf(userId: string): Promise<MeResponseDto> {
    const user = await this.findWithRelations(userId);
    if (!user) throw notFound('User');
    return this.toMe(user);
  }

  phoneOf(user: User): string | null {
    return user.phoneEnc ? this.cipher.decrypt(user.phoneEnc) : null;
  }

  emailOf(user: User): string | null {
    return user.emailEnc ? this.cipher.decrypt(user.emailEnc) : null;
  }

  /** Needs the user loaded with USER_RELATIONS. */
  toMe(user: User): MeResponseDto {
    if (!user.unit || !user.province) throw new Error('toMe needs unit and province loaded');
    return {
      id: user.id,
      phone: this.phoneOf(user),
      email: this.emailOf(user),
      fullName: user.fullName ?? '',
      birthYear: user.birthYear ?? 0,
      targetGroup: user.targetGroup,
      role: user.role,
      scope: scopeOf(user),
      unit: { id: user.unit.id, name: user.unit.name, fullName: user.unit.fullName },
      province: { id: user.province.id, name: user.province.name, fullName: user.province.fullName },
      organisation: user.organisation
        ? { id: user.organisation.id, name: user.organisation.name, kind: user.organisation.kind }
        : null,
      identityVerifiedBy: identityProviderLabel(this.config, user.identityProvider),
      hasPassword: user.passwordHash !== null,
      consentVersion: user.consentVersion,
      consentAt: user.consentAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
    };
  }
}

export function scopeOf(user: User): ScopeDto | null {
  if (user.role !== 'admin' || !user.scopeLevel) return null;
  return {
    level: user.scopeLevel,
    unitId: user.scopeUnitId,
    name: user.scopeLevel === 'nation' ? 'Toàn quốc' : (user.scopeUnit?.fullName ?? ''),
  };
}
