import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RadioGroup, TextField } from '../../components/ui/fields';
import { Alert } from '../../components/ui/feedback';
import { UnitPicker } from '../../components/unit-picker/unit-picker';
import type { Me } from '../../lib/api-client';
import { applyApiError } from '../../lib/use-form-errors';
import { useUpdateProfile } from './api';

type Values = {
  fullName: string;
  birthYear: string;
  phone: string;
  email: string;
  targetGroup: Me['targetGroup'];
  provinceId: string;
  unitId: string;
};
const FIELDS = ['fullName', 'birthYear', 'phone', 'email', 'targetGroup', 'unitId'] as const;
const GROUPS = ['citizen', 'public_servant', 'student', 'worker'] as const;

/** The profile's edit form: loaded when the person chooses to edit (react-hook-form stays out of the page's first download). */
export default function ProfileEditForm({ me, onSaved, onCancel }: { me: Me; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [general, setGeneral] = useState<string | null>(null);
  const update = useUpdateProfile();
  const form = useForm<Values>({
    defaultValues: {
      fullName: me.fullName,
      birthYear: String(me.birthYear),
      phone: me.phone ?? '',
      email: me.email ?? '',
      targetGroup: me.targetGroup,
      provinceId: me.province.id,
      unitId: me.unit.id,
    },
  });
  const msg = (f: keyof Values) => form.formState.errors[f]?.message as string | undefined;

  const onSubmit = form.handleSubmit(async (v) => {
    setGeneral(null);
    if (!v.unitId) return form.setError('unitId', { message: t('errors.fields.unitId') }, { shouldFocus: true });
    try {
      await update.mutateAsync({
        fullName: v.fullName,
        birthYear: Number(v.birthYear),
        targetGroup: v.targetGroup,
        unitId: v.unitId,
        phone: v.phone.trim() === '' ? null : v.phone.trim(),
        email: v.email.trim() === '' ? null : v.email.trim(),
      });
      onSaved();
    } catch (err) {
      setGeneral(applyApiError(err, form.setError, t, FIELDS));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {general && <Alert kind="error">{general}</Alert>}
      <TextField label={t('fields.fullName')} autoComplete="name" required error={msg('fullName')} {...form.register('fullName')} />
      <TextField label={t('fields.phone')} hint={t('fields.phoneHint')} type="tel" autoComplete="tel" error={msg('phone')} {...form.register('phone')} />
      <TextField label={t('fields.email')} type="email" autoComplete="email" error={msg('email')} {...form.register('email')} />
      <TextField label={t('fields.birthYear')} inputMode="numeric" maxLength={4} required error={msg('birthYear')} {...form.register('birthYear')} />
      <RadioGroup
        legend={t('fields.targetGroup')}
        name="targetGroup"
        error={msg('targetGroup')}
        options={GROUPS.map((g) => ({
          value: g,
          label: t(`targetGroups.${g}`),
        }))}
        inputProps={() => form.register('targetGroup')}
      />
      <UnitPicker
        provinceId={form.watch('provinceId')}
        unitId={form.watch('unitId')}
        onProvince={(id) => {
          form.setValue('provinceId', id);
          form.setValue('unitId', '');
        }}
        onUnit={(id) => form.setValue('unitId', id)}
        errors={{ unitId: msg('unitId') }}
      />
      <div className="actions">
        <button type="submit" className="button primary" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('profile.saving') : t('profile.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('profile.cancel')}
        </button>
      </div>
    </form>
  );
}
