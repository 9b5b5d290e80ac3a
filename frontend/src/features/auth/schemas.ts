import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod/mini';
import type { IdentityPending } from '../identity/api';
import { TARGET_GROUPS } from './register-choices';

// The sign-in and registration forms' client checks. This module loads apart from the pages
// (`lib/lazy-resolver.ts`); zod/mini is a fraction of full zod's size.

export const loginSchema = z.object({
  login: z.string().check(z.trim(), z.minLength(3, 'login')),
  password: z.string().check(z.minLength(1, 'password')),
});
export type LoginValues = z.infer<typeof loginSchema>;
export const loginResolver = zodResolver(loginSchema);

const PHONE = /^(?:\+?84|0)[35789]\d{8}$/;
const thisYear = new Date().getFullYear();

/** Client checks mirror the server's so most mistakes are caught before sending; the server decides. */
const fields = {
  phone: z.string().check(
    z.trim(),
    z.refine((v) => v === '' || PHONE.test(v.replace(/[\s.\-()]/g, '')), 'phone'),
  ),
  email: z.string().check(
    z.trim(),
    z.refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(v), 'email'),
  ),
  password: z.string().check(z.minLength(8, 'password'), z.maxLength(128, 'password')),
  fullName: z.string().check(z.trim(), z.minLength(2, 'fullName'), z.maxLength(120, 'fullName')),
  birthYear: z.string().check(
    z.regex(/^\d{4}$/, 'birthYear'),
    z.refine((v) => Number(v) >= 1900 && Number(v) <= thisYear, 'birthYear'),
  ),
  targetGroup: z.enum(TARGET_GROUPS, { message: 'targetGroup' }),
  provinceId: z.string().check(z.minLength(1, 'provinceId')),
  unitId: z.string().check(z.minLength(1, 'unitId')),
  organisationName: z.string().check(z.trim(), z.maxLength(200, 'organisationName')),
  organisationKind: z.string(),
  consent: z.literal(true, { message: 'consent' }),
};
const organisationComplete = z.refine<{
  organisationName: string;
  organisationKind: string;
}>((v) => (v.organisationName === '') === (v.organisationKind === ''), {
  path: ['organisationKind'],
  message: 'organisationKind',
});
const schema = z.object(fields).check(
  z.refine((v) => v.phone !== '' || v.email !== '', {
    path: ['phone'],
    message: 'phone',
  }),
  organisationComplete,
);
/** Through an identity provider: no login or password to choose, and the name and birth year come from it when it gives them. */
const identitySchema = (given: IdentityPending) =>
  z
    .object({
      ...fields,
      phone: z.string(),
      email: z.string(),
      password: z.string(),
      fullName: given.fullName ? z.string() : fields.fullName,
      birthYear: given.birthYear ? z.string() : fields.birthYear,
    })
    .check(organisationComplete);

export type RegisterValues = z.input<typeof schema>;

/** The registration form's checks; with `identity`, those of a sign-up finished through an identity provider. */
export const registerResolver = (identity?: IdentityPending) => zodResolver(identity ? identitySchema(identity) : schema);
