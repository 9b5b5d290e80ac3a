import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, ErrorSummary } from '../../components/ui/feedback';
import { Checkbox, TextField } from '../../components/ui/fields';
import { ApiRequestError } from '../../lib/api-client';
import { questionsQuery, useDeleteQuiz, useSaveQuiz } from './api';
import { useErrorText } from './errors';
import { ConflictChoice } from './edit-conflict';
import { useStudioT } from './i18n';
import { fieldProblem, ProblemList, problemsIn, problemsOf } from './problems';
import { studioPath } from './studio-home';
import type { Course, DrawRule, Question, Quiz, QuizInput, ShowAnswers } from './types';

const SHOW: ShowAnswers[] = ['never', 'after_passing', 'after_last_attempt', 'always'];
const matching = (questions: Question[], r: DrawRule) => questions.filter((q) => (r.competency === undefined || q.competency === r.competency) && (r.level === undefined || q.level === r.level)).length;

/** Numbers as typed: empty is "none" where the field allows it. */
type Form = { title: string; byRules: boolean; questionCount: string; draw: DrawRule[]; passPercent: string; required: boolean; maxAttempts: string; cooldownMinutes: string; timeLimitMinutes: string; showAnswers: ShowAnswers };

const formOf = (q?: Quiz): Form => ({
  title: q?.title ?? '',
  byRules: (q?.draw.length ?? 0) > 0,
  questionCount: String(q?.questionCount ?? 10),
  draw: q?.draw ?? [],
  passPercent: String(q?.passPercent ?? 70),
  required: q?.required ?? true,
  maxAttempts: q?.maxAttempts == null ? '' : String(q.maxAttempts),
  cooldownMinutes: String((q?.cooldownSeconds ?? 0) / 60),
  timeLimitMinutes: q?.timeLimitSeconds == null ? '' : String(q.timeLimitSeconds / 60),
  showAnswers: q?.showAnswers ?? 'after_passing',
});

const num = (s: string) => Number(s.replace(',', '.'));
const whole = (s: string, min: number, max: number) => /^\d+$/.test(s.trim()) && num(s) >= min && num(s) <= max;

/**
 * A quiz's rules: how questions are drawn (a count from the whole bank, or per competency and level,
 * each rule showing how many bank questions match it), attempts, waits, time limit, pass mark and
 * when answers are shown. `quiz` absent: a new quiz.
 */
export function QuizEditor({ course, quiz }: { course: Course; quiz?: Quiz }) {
  const { t } = useStudioT();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const questions = useQuery(questionsQuery(course.id)).data ?? [];
  const save = useSaveQuiz(course.id);
  const remove = useDeleteQuiz(course.id);
  const [form, setForm] = useState<Form>(() => formOf(quiz));
  const [version, setVersion] = useState(quiz?.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusals, setRefusals] = useState(0);
  const editable = course.can.edit;
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const problems = quiz ? problemsOf(course.problems, 'quiz', quiz.id) : [];
  const apiError = save.error instanceof ApiRequestError ? save.error : null;
  const conflict = apiError?.status === 409 ? ((apiError.body.details as { theirs?: Quiz } | undefined)?.theirs ?? null) : null;

  const check = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (form.title.trim().length < 2) e['quiz-title'] = t('quiz.titleInvalid');
    if (!form.byRules && !whole(form.questionCount, 1, 200)) e['quiz-count'] = t('quiz.countInvalid');
    if (form.byRules && form.draw.length === 0) e['quiz-rules'] = t('quiz.rulesRequired');
    form.draw.forEach((r, i) => {
      if (form.byRules && !(r.count >= 1)) e[`rule-count-${i}`] = t('quiz.ruleCountInvalid');
    });
    if (!whole(form.passPercent, 1, 100)) e['quiz-pass'] = t('quiz.passInvalid');
    if (form.maxAttempts.trim() && !whole(form.maxAttempts, 1, 100)) e['quiz-attempts'] = t('quiz.attemptsInvalid');
    if (!(num(form.cooldownMinutes) >= 0 && num(form.cooldownMinutes) <= 60 * 24 * 30)) e['quiz-cooldown'] = t('quiz.cooldownInvalid');
    if (form.timeLimitMinutes.trim() && !(num(form.timeLimitMinutes) >= 1 && num(form.timeLimitMinutes) <= 600)) e['quiz-time'] = t('quiz.timeInvalid');
    return e;
  };
  const body = (): QuizInput => ({
    title: form.title.trim(),
    questionCount: form.byRules ? null : num(form.questionCount),
    draw: form.byRules ? form.draw : [],
    passPercent: num(form.passPercent),
    required: form.required,
    maxAttempts: form.maxAttempts.trim() ? num(form.maxAttempts) : null,
    cooldownSeconds: Math.round(num(form.cooldownMinutes) * 60),
    timeLimitSeconds: form.timeLimitMinutes.trim() ? Math.round(num(form.timeLimitMinutes) * 60) : null,
    showAnswers: form.showAnswers,
  });
  const send = (v: number | undefined) =>
    save.mutate(
      { quizId: quiz?.id, body: { ...body(), version: v } },
      {
        onSuccess: (saved) => {
          setVersion(saved.version);
          if (!quiz) void navigate(studioPath(course.id, `/kiem-tra/${saved.id}`), { replace: true });
        },
        onError: () => setRefusals((n) => n + 1),
      },
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setRefusals((n) => n + 1);
      return;
    }
    send(version);
  };
  const summary = Object.entries(errors).map(([field, message]) => ({ field, message }));
  const rule = (i: number, patch: Partial<DrawRule>) => set('draw', form.draw.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const competencies = course.competencies.map((c) => c.code);

  return (
    <form onSubmit={submit} noValidate className="quiz-editor">
      <ErrorSummary errors={summary} focusKey={refusals} />
      <ProblemList problems={problems} />
      {conflict && (
        <ConflictChoice
          message={t('quiz.conflict')}
          onKeepMine={() => send(conflict.version)}
          onTakeTheirs={() => {
            setForm(formOf(conflict));
            setVersion(conflict.version);
            save.reset();
          }}
        />
      )}
      <fieldset className="plain-fieldset" disabled={!editable}>
        <TextField label={t('quiz.title')} name="quiz-title" required value={form.title} maxLength={300} error={errors['quiz-title'] ?? fieldProblem(problems, 'title')} onChange={(e) => set('title', e.target.value)} />
        <fieldset className="field">
          <legend>{t('quiz.drawTitle')}</legend>
          <label className="choice">
            <input type="radio" name="draw-mode" checked={!form.byRules} onChange={() => set('byRules', false)} />
            <span>{t('quiz.byCount', { count: questions.length })}</span>
          </label>
          <label className="choice">
            <input type="radio" name="draw-mode" checked={form.byRules} onChange={() => set('byRules', true)} />
            <span>{t('quiz.byRules')}</span>
          </label>
        </fieldset>
        {!form.byRules ? (
          <TextField label={t('quiz.count')} name="quiz-count" inputMode="numeric" value={form.questionCount} error={errors['quiz-count'] ?? fieldProblem(problems, 'questionCount')} onChange={(e) => set('questionCount', e.target.value)} />
        ) : (
          <fieldset className={`field${errors['quiz-rules'] ? ' has-error' : ''}`} id="quiz-rules" tabIndex={-1}>
            <legend>{t('quiz.rules')}</legend>
            <p className="hint">{t('quiz.rulesHint')}</p>
            {(errors['quiz-rules'] ?? fieldProblem(problems, 'draw')) && <p className="field-error">{errors['quiz-rules'] ?? fieldProblem(problems, 'draw')}</p>}
            <ol className="rule-list">
              {form.draw.map((r, i) => (
                <li key={i} className="rule-row">
                  <div className="field">
                    <label htmlFor={`rule-competency-${i}`}>{t('quiz.ruleCompetency', { number: i + 1 })}</label>
                    <select id={`rule-competency-${i}`} value={r.competency ?? ''} onChange={(e) => rule(i, { competency: e.target.value || undefined })}>
                      <option value="">{t('quiz.any')}</option>
                      {competencies.map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`rule-level-${i}`}>{t('quiz.ruleLevel', { number: i + 1 })}</label>
                    <select id={`rule-level-${i}`} value={r.level ?? ''} onChange={(e) => rule(i, { level: e.target.value ? Number(e.target.value) : undefined })}>
                      <option value="">{t('quiz.any')}</option>
                      {[1, 2, 3, 4, 5, 6, 7, 8].map((l) => (
                        <option key={l} value={l}>
                          {t('course.levelShort', { level: l })}
                        </option>
                      ))}
                    </select>
                  </div>
                  <TextField
                    label={t('quiz.ruleCount', { number: i + 1 })}
                    name={`rule-count-${i}`}
                    inputMode="numeric"
                    hint={t('quiz.matching', { count: matching(questions, r) })}
                    value={String(r.count || '')}
                    error={errors[`rule-count-${i}`]}
                    onChange={(e) => rule(i, { count: Number(e.target.value) })}
                  />
                  <button type="button" className="button small danger" aria-label={t('quiz.removeRule', { number: i + 1 })} onClick={() => set('draw', form.draw.filter((_, k) => k !== i))}>
                    {t('common.remove')}
                  </button>
                </li>
              ))}
            </ol>
            <button type="button" className="button" onClick={() => set('draw', [...form.draw, { competency: competencies[0], count: 1 }])}>
              {t('quiz.addRule')}
            </button>
            <p className="hint">{t('quiz.drawTotal', { count: form.draw.reduce((s, r) => s + (r.count || 0), 0) })}</p>
          </fieldset>
        )}
        <TextField label={t('quiz.pass')} name="quiz-pass" inputMode="numeric" hint={t('quiz.passHint')} value={form.passPercent} error={errors['quiz-pass'] ?? fieldProblem(problems, 'passPercent')} onChange={(e) => set('passPercent', e.target.value)} />
        <Checkbox label={t('quiz.required')} name="quiz-required" checked={form.required} onChange={(e) => set('required', e.target.checked)} />
        <TextField label={t('quiz.attempts')} name="quiz-attempts" inputMode="numeric" hint={t('quiz.attemptsHint')} value={form.maxAttempts} error={errors['quiz-attempts']} onChange={(e) => set('maxAttempts', e.target.value)} />
        <TextField label={t('quiz.cooldown')} name="quiz-cooldown" inputMode="decimal" hint={t('quiz.cooldownHint')} value={form.cooldownMinutes} error={errors['quiz-cooldown']} onChange={(e) => set('cooldownMinutes', e.target.value)} />
        <TextField label={t('quiz.time')} name="quiz-time" inputMode="decimal" hint={t('quiz.timeHint')} value={form.timeLimitMinutes} error={errors['quiz-time']} onChange={(e) => set('timeLimitMinutes', e.target.value)} />
        <fieldset className="field">
          <legend>{t('quiz.showAnswers')}</legend>
          {SHOW.map((s) => (
            <label key={s} className="choice">
              <input type="radio" name="show-answers" checked={form.showAnswers === s} onChange={() => set('showAnswers', s)} />
              <span>{t(`quiz.show_${s}`)}</span>
            </label>
          ))}
        </fieldset>
      </fieldset>
      {apiError && !conflict && <Alert kind="error">{errorText.general(apiError)}</Alert>}
      <ProblemList problems={problemsIn(apiError)} />
      {save.isSuccess && <Alert kind="success">{t('quiz.saved')}</Alert>}
      {editable && (
        <div className="actions">
          <button type="submit" className="button primary" disabled={save.isPending}>
            {t('quiz.save')}
          </button>
          {quiz && (
            <button
              type="button"
              className="button danger"
              disabled={remove.isPending}
              onClick={() => window.confirm(t('quiz.deleteConfirm', { title: quiz.title })) && remove.mutate(quiz.id, { onSuccess: () => navigate(studioPath(course.id)) })}
            >
              {t('quiz.delete')}
            </button>
          )}
        </div>
      )}
      {remove.isError && <Alert kind="error">{errorText.general(remove.error)}</Alert>}
      {quiz && (
        <p>
          <Link to={studioPath(course.id, `/xem-thu/kiem-tra/${quiz.id}`)}>{t('quiz.preview')}</Link>
        </p>
      )}
    </form>
  );
}

/** The course's quizzes, for its overview page. */
export function QuizList({ course }: { course: Course }) {
  const { t } = useStudioT();
  return (
    <section aria-labelledby="quizzes-title">
      <h2 id="quizzes-title">{t('quiz.listTitle')}</h2>
      {course.quizzes.length === 0 ? (
        <p>{t('quiz.none')}</p>
      ) : (
        <ul className="studio-list">
          {course.quizzes.map((q) => (
            <li key={q.id}>
              <span className="studio-list-title">
                <Link to={studioPath(course.id, `/kiem-tra/${q.id}`)}>{q.title}</Link>
              </span>
              <Link className="button small" to={studioPath(course.id, `/xem-thu/kiem-tra/${q.id}`)} aria-label={t('quiz.previewOf', { title: q.title })}>
                {t('lessons.preview')}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {course.can.edit && (
        <p>
          <Link className="button" to={studioPath(course.id, '/kiem-tra/moi')}>
            {t('quiz.add')}
          </Link>
        </p>
      )}
    </section>
  );
}
