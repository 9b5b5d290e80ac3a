import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Alert, ErrorSummary } from '../../components/ui/feedback';
import { SelectField, TextAreaField, TextField } from '../../components/ui/fields';
import { frameworkQuery, useDeleteQuestion, useSaveQuestion } from './api';
import { ApiRequestError } from '../../lib/api-client';
import { useFieldErrors } from './errors';
import { ConflictChoice } from './edit-conflict';
import { useStudioT } from './i18n';
import { fieldProblem, ProblemList, problemsIn, problemsOf } from './problems';
import { bodyOf, checkQuestion, formOf, type QuestionForm, TYPES } from './question-form';
import { studioPath } from './studio-home';
import type { Course, Question } from './types';

/** A list of rows with "add", "remove" and (when order matters) up/down buttons named after the row. */
function Rows<T>({ items, onChange, blank, render, name, ordered, min = 1 }: {
  items: T[];
  onChange: (items: T[]) => void;
  blank: () => T;
  render: (item: T, i: number, set: (item: T) => void) => ReactNode;
  name: (i: number) => string;
  ordered?: boolean;
  min?: number;
}) {
  const { t } = useStudioT();
  const move = (i: number, by: number) => {
    const next = [...items];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
  };
  return (
    <>
      <ol className="edit-rows">
        {items.map((item, i) => (
          <li key={i}>
            {render(item, i, (v) => onChange(items.map((x, k) => (k === i ? v : x))))}
            <span className="row-actions">
              {ordered && (
                <>
                  <button type="button" className="button small" disabled={i === 0} aria-label={t('question.moveUp', { item: name(i) })} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button type="button" className="button small" disabled={i === items.length - 1} aria-label={t('question.moveDown', { item: name(i) })} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                </>
              )}
              <button type="button" className="button small danger" disabled={items.length <= min} aria-label={t('question.removeRow', { item: name(i) })} onClick={() => onChange(items.filter((_, k) => k !== i))}>
                {t('common.remove')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      <button type="button" className="button" onClick={() => onChange([...items, blank()])}>
        {t('question.addRow')}
      </button>
    </>
  );
}

/**
 * One bank question of any type the platform grades: the prompt, the answers (with feedback for each
 * choice, or for right and wrong), the explanation, the competency and level. `question` absent: a new one.
 */
export function QuestionEditor({ course, question }: { course: Course; question?: Question }) {
  const { t } = useStudioT();
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const framework = useQuery(frameworkQuery()).data;
  const save = useSaveQuestion(course.id);
  const remove = useDeleteQuestion(course.id);
  const [form, setForm] = useState<QuestionForm>(() => formOf(question, course.competencies[0]?.code ?? ''));
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The version the edit started from: an older one is refused with both versions (409).
  const [version, setVersion] = useState(question?.version);
  const [refusals, setRefusals] = useState(0);
  const api = useFieldErrors(save.error, ['prompt', 'explanation', 'competency', 'level', 'externalId', 'options', 'accepted', 'pairs', 'numbers']);
  const problems = question ? problemsOf(course.problems, 'question', question.id) : [];
  const set = <K extends keyof QuestionForm>(k: K, v: QuestionForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const err = (id: string, field?: string) => errors[id] ?? (field ? (api.byField[field] ?? fieldProblem(problems, field)) : undefined);
  const editable = course.can.edit;
  const names = new Map(framework?.domains.flatMap((d) => d.competencies.map((c) => [c.code, i18n.language === 'en' ? c.nameEn : c.name] as const)) ?? []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkQuestion(form, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setRefusals((n) => n + 1);
      return;
    }
    send(version);
  };
  const send = (v: number | undefined) =>
    save.mutate(
      { questionId: question?.id, body: { ...bodyOf(form), ...(v ? { version: v } : {}) } },
      { onSuccess: () => navigate(studioPath(course.id, '/cau-hoi')), onError: () => setRefusals((n) => n + 1) },
    );
  const conflict = save.error instanceof ApiRequestError && save.error.status === 409 ? ((save.error.body.details as { theirs?: Question } | undefined)?.theirs ?? null) : null;
  const summary = [...Object.entries(errors).map(([field, message]) => ({ field, message })), ...Object.entries(api.byField).map(([field, message]) => ({ field: `q-${field}`, message }))];
  const choiceKind = form.type === 'single' ? 'radio' : 'checkbox';

  return (
    <form onSubmit={submit} noValidate className="question-editor">
      <ErrorSummary errors={summary} focusKey={refusals} />
      <ProblemList problems={problems} />
      {conflict && (
        <ConflictChoice
          message={t('question.conflict')}
          onKeepMine={() => send(conflict.version)}
          onTakeTheirs={() => {
            setForm(formOf(conflict, form.competency));
            setVersion(conflict.version);
            save.reset();
          }}
        />
      )}
      <fieldset className="plain-fieldset" disabled={!editable}>
        <SelectField label={t('question.type')} name="q-type" value={form.type} onChange={(e) => set('type', e.target.value as QuestionForm['type'])}>
          {TYPES.map((ty) => (
            <option key={ty} value={ty}>
              {t(`types.${ty}`)}
            </option>
          ))}
        </SelectField>
        <div className="two-fields">
          <SelectField label={t('question.competency')} name="q-competency" required value={form.competency} error={err('q-competency', 'competency')} onChange={(e) => set('competency', e.target.value)}>
            {course.competencies.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} {names.get(c.code)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('question.level')} name="q-level" value={String(form.level)} error={err('q-level', 'level')} onChange={(e) => set('level', Number(e.target.value))}>
            {(framework?.levels ?? []).map((l) => (
              <option key={l.level} value={l.level}>
                {t('course.level', { level: l.level, name: l.tier })}
              </option>
            ))}
          </SelectField>
        </div>
        <TextAreaField name="q-prompt" rows={3} label={t('question.prompt')} required value={form.prompt} error={err('q-prompt', 'prompt')} onChange={(e) => set('prompt', e.target.value)} />

        {(form.type === 'single' || form.type === 'multiple' || form.type === 'ordering') && (
          <fieldset className={`field${err('q-options', 'options') ? ' has-error' : ''}`} id="q-options" tabIndex={-1}>
            <legend>{form.type === 'ordering' ? t('question.orderOptions') : t('question.options')}</legend>
            <p className="hint">{t(`question.optionsHint_${form.type}`)}</p>
            {err('q-options', 'options') && <p className="field-error">{err('q-options', 'options')}</p>}
            <Rows
              items={form.options}
              onChange={(v) => set('options', v)}
              blank={() => ({ text: '', correct: false, feedback: '' })}
              name={(i) => t('question.optionN', { number: i + 1 })}
              ordered={form.type === 'ordering'}
              min={2}
              render={(o, i, setO) => (
                <div className="option-row">
                  <TextField label={t('question.optionN', { number: i + 1 })} name={`q-option-${i}`} value={o.text} error={errors[`q-option-${i}`]} onChange={(e) => setO({ ...o, text: e.target.value })} />
                  {form.type !== 'ordering' && (
                    <label className="choice">
                      <input
                        type={choiceKind}
                        name="q-correct"
                        checked={o.correct}
                        onChange={(e) => set('options', form.options.map((x, k) => (k === i ? { ...x, correct: e.target.checked } : form.type === 'single' ? { ...x, correct: false } : x)))}
                      />
                      <span>{t('question.correct', { number: i + 1 })}</span>
                    </label>
                  )}
                  <TextField label={t('question.optionFeedback', { number: i + 1 })} name={`q-option-feedback-${i}`} value={o.feedback} error={errors[`q-option-feedback-${i}`]} onChange={(e) => setO({ ...o, feedback: e.target.value })} />
                </div>
              )}
            />
          </fieldset>
        )}

        {form.type === 'true_false' && (
          <>
            <fieldset className="field">
              <legend>{t('question.tfAnswer')}</legend>
              {[true, false].map((v) => (
                <label key={String(v)} className="choice">
                  <input type="radio" name="q-answer" checked={form.answer === v} onChange={() => set('answer', v)} />
                  <span>{v ? t('question.true') : t('question.false')}</span>
                </label>
              ))}
            </fieldset>
            <TextField label={t('question.feedbackTrue')} name="q-feedback-true" value={form.feedbackTrue} error={errors['q-feedback-true']} onChange={(e) => set('feedbackTrue', e.target.value)} />
            <TextField label={t('question.feedbackFalse')} name="q-feedback-false" value={form.feedbackFalse} onChange={(e) => set('feedbackFalse', e.target.value)} />
          </>
        )}

        {form.type === 'short_text' && (
          <fieldset className="field" id="q-accepted" tabIndex={-1}>
            <legend>{t('question.accepted')}</legend>
            <p className="hint">{t('question.acceptedHint')}</p>
            <Rows
              items={form.accepted}
              onChange={(v) => set('accepted', v)}
              blank={() => ''}
              name={(i) => t('question.acceptedN', { number: i + 1 })}
              render={(a, i, setA) => <TextField label={t('question.acceptedN', { number: i + 1 })} name={`q-accepted-${i}`} value={a} error={errors[`q-accepted-${i}`]} onChange={(e) => setA(e.target.value)} />}
            />
          </fieldset>
        )}

        {form.type === 'matching' && (
          <fieldset className={`field${errors['q-pairs'] ? ' has-error' : ''}`} id="q-pairs" tabIndex={-1}>
            <legend>{t('question.pairs')}</legend>
            <p className="hint">{t('question.pairsHint')}</p>
            {errors['q-pairs'] && <p className="field-error">{errors['q-pairs']}</p>}
            <Rows
              items={form.pairs}
              onChange={(v) => set('pairs', v)}
              blank={() => ({ left: '', right: '' })}
              name={(i) => t('question.pairN', { number: i + 1 })}
              min={2}
              render={(p, i, setP) => (
                <div className="two-fields">
                  <TextField label={t('question.left', { number: i + 1 })} name={`q-pair-left-${i}`} value={p.left} onChange={(e) => setP({ ...p, left: e.target.value })} />
                  <TextField label={t('question.right', { number: i + 1 })} name={`q-pair-right-${i}`} value={p.right} error={errors[`q-pair-right-${i}`]} onChange={(e) => setP({ ...p, right: e.target.value })} />
                </div>
              )}
            />
          </fieldset>
        )}

        {form.type === 'numerical' && (
          <fieldset className="field" id="q-numbers" tabIndex={-1}>
            <legend>{t('question.numbers')}</legend>
            <p className="hint">{t('question.numbersHint')}</p>
            <Rows
              items={form.numbers}
              onChange={(v) => set('numbers', v)}
              blank={() => ({ value: '', tolerance: '0', weight: 100, feedback: '' })}
              name={(i) => t('question.numberN', { number: i + 1 })}
              render={(n, i, setN) => (
                <div className="two-fields">
                  <TextField label={t('question.numberN', { number: i + 1 })} name={`q-number-${i}`} inputMode="decimal" value={n.value} error={errors[`q-number-${i}`]} onChange={(e) => setN({ ...n, value: e.target.value })} />
                  <TextField label={t('question.tolerance', { number: i + 1 })} name={`q-tolerance-${i}`} inputMode="decimal" value={n.tolerance} error={errors[`q-tolerance-${i}`]} onChange={(e) => setN({ ...n, tolerance: e.target.value })} />
                </div>
              )}
            />
          </fieldset>
        )}

        {(form.type === 'short_text' || form.type === 'matching' || form.type === 'numerical') && (
          <div className="two-fields">
            <TextField label={t('question.feedbackCorrect')} name="q-feedback-correct" value={form.feedbackCorrect} onChange={(e) => set('feedbackCorrect', e.target.value)} />
            <TextField label={t('question.feedbackIncorrect')} name="q-feedback-incorrect" value={form.feedbackIncorrect} onChange={(e) => set('feedbackIncorrect', e.target.value)} />
          </div>
        )}

        <TextAreaField
          name="q-explanation"
          rows={3}
          label={t('question.explanation')}
          hint={t('question.explanationHint')}
          value={form.explanation}
          error={err('q-explanation', 'explanation')}
          onChange={(e) => set('explanation', e.target.value)}
        />
        <TextField label={t('question.id')} name="q-externalId" hint={t('question.idHint')} value={form.externalId} readOnly={Boolean(question)} error={err('q-externalId', 'externalId')} onChange={(e) => set('externalId', e.target.value)} />
      </fieldset>
      {api.rest && !conflict && <Alert kind="error">{api.rest}</Alert>}
      <ProblemList problems={problemsIn(save.error)} />
      {editable && (
        <div className="actions">
          <button type="submit" className="button primary" disabled={save.isPending}>
            {t('question.save')}
          </button>
          {question && (
            <button
              type="button"
              className="button danger"
              disabled={remove.isPending}
              onClick={() => window.confirm(t('question.deleteConfirm')) && remove.mutate(question.id, { onSuccess: () => navigate(studioPath(course.id, '/cau-hoi')) })}
            >
              {t('question.delete')}
            </button>
          )}
        </div>
      )}
    </form>
  );
}
