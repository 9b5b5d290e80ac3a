import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../ui/fields';
import { communesQuery, provincesQuery } from './api';

type Props = {
  provinceId: string;
  unitId: string;
  onProvince: (id: string) => void;
  onUnit: (id: string) => void;
  errors?: { provinceId?: string; unitId?: string };
  required?: boolean;
  /** Labels for "any" options, for filters; without them a choice is required. */
  anyLabels?: { province: string; unit: string };
};

/** Province, then its communes and wards: the address every person and report hangs on. */
export function UnitPicker({ provinceId, unitId, onProvince, onUnit, errors, required, anyLabels }: Props) {
  const { t } = useTranslation();
  const provinces = useQuery(provincesQuery());
  const communes = useQuery(communesQuery(provinceId));
  return (
    <>
      <SelectField name="provinceId" label={t('fields.provinceId')} required={required} error={errors?.provinceId} value={provinceId} onChange={(e) => onProvince(e.target.value)}>
        <option value="">{anyLabels?.province ?? t('fields.chooseProvince')}</option>
        {provinces.data?.map((p) => (
          <option key={p.id} value={p.id}>
            {p.fullName}
          </option>
        ))}
      </SelectField>
      <SelectField name="unitId" label={t('fields.unitId')} required={required} error={errors?.unitId} value={unitId} disabled={!provinceId} hint={provinceId ? undefined : t('fields.chooseProvinceFirst')} onChange={(e) => onUnit(e.target.value)}>
        <option value="">{anyLabels?.unit ?? t('fields.chooseUnit')}</option>
        {communes.data?.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
    </>
  );
}
