import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorSummary } from '../../components/ui/feedback';
import { SelectField, TextAreaField, TextField } from '../../components/ui/fields';
import { ApiRequestError } from '../../lib/api-client';
import { frameworkQuery, useSaveCourse } from './api';
import { ConflictChoice } from './edit-conflict';
import { useErrorText } from './errors';
import { useStudioT } from './i18n';
import { fieldProblem } from './problems';
import type { Course, CourseInput } from './types';

const FIELDS = ['title', 'summary', 'coverImage', 'targetGroups', 'competencies', 'estimatedMinutes', 'ordering'] as const;
const inputOf = (c: Course): CourseInput => ({
  title: c.title,
  summary: c.summary,
  coverImage: c.coverImage,
  targetGroups: c.targetGroups,
  competencies: c.competencies,
  estimatedMinutes: c.estimatedMinutes,
  ordering: c.ordering,
});

/** Hours as people say them ("1,5"), minutes as the course stores them. */
const hoursOf = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100).replace('.', ',');
const minutesOf = (hours: string) => Math.round(Number(hours.replace(',', '.')) * 60);

/** The course's own fields; saved on request with the version it was read at (an older one is a conflict). */
export function CourseForm({ course }: { course: Course }) {
  const { t } = useStudioT();
  const { i18n } = useTranslation();
  const errorText = useErrorText();
  const framework = useQuery(frameworkQuery()).data;
  const images = course.media.filter((m) => m.kind === 'image' || m.kind === 'svg');
  const save = useSaveCourse(course.id);
  const [draft, setDraft] = useState<CourseInput>(() => inputOf(course));
  const [hours, setHours] = useState(() => hoursOf(course.estimatedMinutes));
  const [version, setVersion] = useState(course.version);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [refusals, setRefusals] = useState(0);
  const editable = course.can.edit;
  const en = i18n.language === 'en';
  const set = <K extends keyof CourseInput>(k: K, v: CourseInput[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const apiError = save.error instanceof ApiRequestError ? save.error : null;
  const conflict = apiError?.status === 409 ? ((apiError.body.details as { theirs?: Course } | undefined)?.theirs ?? null) : null;
  const serverFields = Object.fromEntries((apiError && !conflict ? apiError.fieldErrors() : []).map((e) => [e.field, errorText.field(apiError!, e.field)]));
  const errorOf = (f: (typeof FIELDS)[number]) => local[f] ?? serverFields[f] ?? fieldProblem(course.problems.filter((p) => p.entity === 'course'), f);
  const summary = FIELDS.flatMap((f) => (local[f] ?? serverFields[f] ? [{ field: `course-${f}`, message: (local[f] ?? serverFields[f])! }] : []));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const minutes = minutesOf(hours);
    if (draft.title.trim().length < 3) found.title = t('course.titleInvalid');
    if (!Number.isFinite(minutes) || minutes < 1 || minutes > 600 * 60) found.estimatedMinutes = t('course.hoursInvalid');
    if (draft.targetGroups.length === 0) found.targetGroups = t('course.groupsRequired');
    if (draft.competencies.length === 0) found.competencies = t('course.competenciesRequired');
    setLocal(found);
    if (Object.keys(found).length > 0) {
      setRefusals((n) => n + 1);
      return;
    }
    save.mutate({ ...draft, title: draft.title.trim(), estimatedMinutes: minutes, version }, {
      onSuccess: (saved) => {
        setVersion(saved.version);
        setDraft(inputOf(saved));
      },
      onError: () => setRefusals((n) => n + 1),
    });
  };
  const takeTheirs = () => {
    if (!conflict) return;
    setDraft(inputOf(conflict));
    setHours(hoursOf(conflict.estimatedMinutes));
    setVersion(conflict.version);
    save.reset();
  };
  const keepMine = () => {
    if (!conflict) return;
    setVersion(conflict.version);
    save.mutate({ ...draft, estimatedMinutes: minutesOf(hours), version: conflict.version }, { onSuccess: (saved) => setVersion(saved.version) });
  };

  const levels = framework?.levels ?? [];
  const competencyName = (code: string) => {
    const c = framework?.domains.flatMap((d) => d.competencies).find((x) => x.code === code);
    return c ? `${c.code} ${en ? c.nameEn : c.name}` : code;
  };

  /** A field's value in words, for the conflict table. */
  const show = (f: (typeof FIELDS)[number], v: CourseInput) => {
    if (f === 'targetGroups') return v.targetGroups.map((g) => t(`groups.${g}`)).join(', ');
    if (f === 'competencies') return v.competencies.map((c) => `${c.code} (${t('course.levelShort', { level: c.level })})`).join(', ');
    if (f === 'ordering') return t(`course.ordering_${v.ordering}`);
    if (f === 'estimatedMinutes') return hoursOf(v.estimatedMinutes);
    return v[f] || '—';
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="course-form-title" className="studio-box">
      <h2 id="course-form-title">{t('course.formTitle')}</h2>
      <ErrorSummary errors={summary} focusKey={refusals} />
      {conflict && (
        <ConflictChoice message={t('course.conflict')} onKeepMine={keepMine} onTakeTheirs={takeTheirs}>
          <table className="stack-table">
            <caption className="visually-hidden">{t('course.conflict')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('course.field')}</th>
                <th scope="col">{t('conflict.yours')}</th>
                <th scope="col">{t('conflict.theirs')}</th>
              </tr>
            </thead>
            <tbody>
              {FIELDS.filter((f) => JSON.stringify(draft[f]) !== JSON.stringify(conflict[f])).map((f) => (
                <tr key={f}>
                  <th scope="row">{t(`course.${f}`)}</th>
                  <td data-label={t('conflict.yours')}>{show(f, draft)}</td>
                  <td data-label={t('conflict.theirs')}>{show(f, conflict)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ConflictChoice>
      )}
      <fieldset className="plain-fieldset" disabled={!editable}>
        <TextField label={t('course.title')} name="course-title" required value={draft.title} maxLength={300} error={errorOf('title')} onChange={(e) => set('title', e.target.value)} />
        <TextAreaField label={t('course.summary')} name="course-summary" rows={3} maxLength={2000} hint={t('course.summaryHint')} value={draft.summary} error={errorOf('summary')} onChange={(e) => set('summary', e.target.value)} />
        <SelectField label={t('course.coverImage')} name="course-coverImage" hint={t('course.coverHint')} value={draft.coverImage ?? ''} error={errorOf('coverImage')} onChange={(e) => set('coverImage', e.target.value || null)}>
          <option value="">{t('course.noCover')}</option>
          {images.map((m) => (
            <option key={m.name} value={m.name}>
              {m.alt ? `${m.name} — ${m.alt}` : m.name}
            </option>
          ))}
        </SelectField>
        <fieldset className={`field${errorOf('targetGroups') ? ' has-error' : ''}`} id="course-targetGroups" tabIndex={-1}>
          <legend>
            {t('course.targetGroups')}
            <span aria-hidden="true"> *</span>
          </legend>
          {errorOf('targetGroups') && <p className="field-error">{errorOf('targetGroups')}</p>}
          {framework?.targetGroups.map((g) => (
            <label key={g.code} className="choice">
              <input
                type="checkbox"
                checked={draft.targetGroups.includes(g.code)}
                onChange={(e) => set('targetGroups', e.target.checked ? [...draft.targetGroups, g.code] : draft.targetGroups.filter((x) => x !== g.code))}
              />
              <span>{en ? g.nameEn : g.name}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className={`field${errorOf('competencies') ? ' has-error' : ''}`} id="course-competencies" tabIndex={-1}>
          <legend>
            {t('course.competencies')}
            <span aria-hidden="true"> *</span>
          </legend>
          <p className="hint">{t('course.competenciesHint', { version: framework?.title ?? '' })}</p>
          {errorOf('competencies') && <p className="field-error">{errorOf('competencies')}</p>}
          <ul className="plain-list competency-rows">
            {draft.competencies.map((c, i) => (
              <li key={c.code}>
                <span className="competency-name">{competencyName(c.code)}</span>
                <label htmlFor={`level-${c.code}`} className="visually-hidden">
                  {t('course.levelOf', { competency: competencyName(c.code) })}
                </label>
                <select id={`level-${c.code}`} value={c.level} onChange={(e) => set('competencies', draft.competencies.map((x, k) => (k === i ? { ...x, level: Number(e.target.value) } : x)))}>
                  {levels.map((l) => (
                    <option key={l.level} value={l.level}>
                      {t('course.level', { level: l.level, name: l.tier })}
                    </option>
                  ))}
                </select>
                <button type="button" className="button small danger" aria-label={t('course.removeCompetency', { competency: competencyName(c.code) })} onClick={() => set('competencies', draft.competencies.filter((_, k) => k !== i))}>
                  {t('common.remove')}
                </button>
              </li>
            ))}
          </ul>
          <label htmlFor="add-competency">{t('course.addCompetency')}</label>
          <select
            id="add-competency"
            value=""
            onChange={(e) => e.target.value && set('competencies', [...draft.competencies, { code: e.target.value, level: 1 }])}
          >
            <option value="">{t('course.chooseCompetency')}</option>
            {framework?.domains.map((d) => (
              <optgroup key={d.code} label={`${d.code}. ${en ? d.nameEn : d.name}`}>
                {d.competencies
                  .filter((c) => !draft.competencies.some((x) => x.code === c.code))
                  .map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.code} {en ? c.nameEn : c.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </fieldset>
        <TextField
          label={t('course.hours')}
          name="course-estimatedMinutes"
          inputMode="decimal"
          hint={t('course.hoursHint')}
          value={hours}
          error={errorOf('estimatedMinutes')}
          onChange={(e) => setHours(e.target.value)}
        />
        <fieldset className="field" id="course-ordering">
          <legend>{t('course.ordering')}</legend>
          {(['sequential', 'free'] as const).map((o) => (
            <label key={o} className="choice">
              <input type="radio" name="ordering" value={o} checked={draft.ordering === o} onChange={() => set('ordering', o)} />
              <span>{t(`course.ordering_${o}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <p className="label-like">{t('course.completion')}</p>
          <p className="hint">
            {t('course.completionRule', {
              lessons: course.lessons.filter((l) => l.required && !l.archived).length,
              quizzes: course.quizzes.length,
            })}
          </p>
        </div>
      </fieldset>
      {apiError && !conflict && Object.keys(serverFields).length === 0 && <Alert kind="error">{errorText.general(apiError)}</Alert>}
      {save.isSuccess && <Alert kind="success">{t('course.saved')}</Alert>}
      {editable && (
        <button type="submit" className="button primary" disabled={save.isPending}>
          {t('course.save')}
        </button>
      )}
    </form>
  );
}
