import { ValidateBy, type ValidationOptions } from 'class-validator';
import { normalizeEmail, normalizePhone } from './login-identifier';
import { passwordWeakness } from './password-policy';

export const IsVietnameseMobile = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isVietnameseMobile',
      validator: {
        validate: (v) => typeof v === 'string' && normalizePhone(v) !== null,
        defaultMessage: (a) => `${a?.property} must be a Vietnamese mobile number such as 0912345678`,
      },
    },
    options,
  );

export const IsEmailAddress = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isEmailAddress',
      validator: {
        validate: (v) => typeof v === 'string' && normalizeEmail(v) !== null,
        defaultMessage: (a) => `${a?.property} must be an email address`,
      },
    },
    options,
  );

export const IsStrongPassword = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isStrongPassword',
      validator: {
        validate: (v) => typeof v === 'string' && passwordWeakness(v) === null,
        defaultMessage: (a) => `${a?.property} ${typeof a?.value === 'string' ? passwordWeakness(a.value) : 'must be a string'}`,
      },
    },
    options,
  );
