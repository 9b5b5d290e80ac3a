import { periodAt, periodByKey } from './report-calendar';

describe('report calendar', () => {
  const at = new Date('2026-11-03T10:00:00Z');
  it('dates each kind of report as the movement does, in Vietnam time', () => {
    expect(periodAt('monthly', at)).toMatchObject({ period: '2026-11', from: '2026-11', to: '2026-11', due: new Date('2026-11-24T17:00:00Z'), cutoff: new Date('2026-11-19T17:00:00Z') });
    expect(periodAt('quarterly', at)).toMatchObject({ period: '2026-Q4', from: '2026-10', to: '2026-12', due: new Date('2026-12-19T17:00:00Z') });
    expect(periodAt('half_yearly', at)).toMatchObject({ period: '2026-H1', from: '2026-01', to: '2026-05', due: new Date('2026-05-19T17:00:00Z') });
    expect(periodAt('yearly', at)).toMatchObject({ period: '2026', from: '2026-01', to: '2026-11', due: new Date('2026-11-19T17:00:00Z') });
  });
  it('takes the local date: 31 October 20:00 UTC is already November in Hà Nội', () => {
    expect(periodAt('monthly', new Date('2026-10-31T20:00:00Z')).period).toBe('2026-11');
  });
  it('reads period keys of each kind and refuses the others', () => {
    expect(periodByKey('quarterly', '2026-Q2')).toMatchObject({ from: '2026-04', to: '2026-06' });
    expect(periodByKey('monthly', '2026-13')).toBeNull();
    expect(periodByKey('yearly', '2026-Q1')).toBeNull();
    expect(periodByKey('half_yearly', '2025-H1')?.due).toEqual(new Date('2025-05-19T17:00:00Z'));
  });
  it('uses the configured dates', () => {
    expect(periodAt('monthly', at, { monthlyDueDay: 28, quarterlyDueDay: 20, halfYearDue: '06-15', yearDue: '12-01', reviewDays: 3 }).cutoff).toEqual(new Date('2026-11-24T17:00:00Z'));
  });
});
