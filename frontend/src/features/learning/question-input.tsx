import { useTranslation } from 'react-i18next';
import type { AnswerValue, LearnerQuestion } from './api';
import { QuizBlock, QuizText } from './quiz-text';

type Props = { question: LearnerQuestion; number: number; value: AnswerValue | undefined; onChange: (value: AnswerValue) => void };

/** One question as native form controls, so it works with the keyboard, a screen reader and a thumb. */
export function QuestionInput({ question: q, number, value, onChange }: Props) {
  const { t } = useTranslation();
  const name = `q-${q.id}`;
  // A legend holds a line of text: a formatted prompt (paragraphs, lists) follows it and describes the group.
  const legend =
    q.promptHtml === undefined ? (
      <legend>
        <span className="question-number">{t('quiz.questionNumber', { number })}</span> {q.prompt}
      </legend>
    ) : (
      <>
        <legend>
          <span className="question-number">{t('quiz.questionNumber', { number })}</span>
        </legend>
        <QuizBlock id={`${name}-prompt`} className="question-prompt" text={q.prompt} html={q.promptHtml} />
      </>
    );
  const describedBy = q.promptHtml === undefined ? undefined : `${name}-prompt`;

  switch (q.type) {
    case 'single':
    case 'true_false':
      return (
        <fieldset className="question" aria-describedby={describedBy}>
          {legend}
          {q.options!.map((o) => (
            <label key={o.key} className="choice">
              <input type="radio" name={name} checked={value?.choices?.[0] === o.key} onChange={() => onChange({ choices: [o.key] })} />
              <QuizText text={o.text} html={o.html} />
            </label>
          ))}
        </fieldset>
      );
    case 'multiple': {
      const chosen = new Set(value?.choices ?? []);
      return (
        <fieldset className="question" aria-describedby={describedBy}>
          {legend}
          <p className="hint">{t('quiz.chooseAll')}</p>
          {q.options!.map((o) => (
            <label key={o.key} className="choice">
              <input
                type="checkbox"
                name={name}
                checked={chosen.has(o.key)}
                onChange={(e) => onChange({ choices: q.options!.map((x) => x.key).filter((k) => (k === o.key ? e.target.checked : chosen.has(k))) })}
              />
              <QuizText text={o.text} html={o.html} />
            </label>
          ))}
        </fieldset>
      );
    }
    case 'short_text':
      return (
        <fieldset className="question field" aria-describedby={describedBy}>
          {legend}
          <label htmlFor={name} className="visually-hidden">
            {t('quiz.yourAnswer')}
          </label>
          <input id={name} type="text" autoComplete="off" maxLength={500} value={value?.text ?? ''} onChange={(e) => onChange({ text: e.target.value })} />
        </fieldset>
      );
    case 'numerical':
      return (
        <fieldset className="question field" aria-describedby={describedBy}>
          {legend}
          <label htmlFor={name}>{t('quiz.numberHint')}</label>
          <input id={name} type="text" inputMode="decimal" autoComplete="off" maxLength={40} value={value?.text ?? ''} onChange={(e) => onChange({ text: e.target.value })} />
        </fieldset>
      );
    case 'ordering': {
      const order = value?.order ?? q.options!.map((o) => o.key);
      const text = new Map(q.options!.map((o) => [o.key, o.text]));
      const move = (from: number, to: number) => {
        const next = [...order];
        [next[from], next[to]] = [next[to]!, next[from]!];
        onChange({ order: next });
      };
      return (
        <fieldset className="question" aria-describedby={describedBy}>
          {legend}
          <p className="hint">{t('quiz.orderHint')}</p>
          <ol className="ordering">
            {order.map((key, i) => (
              <li key={key}>
                <span>{text.get(key)}</span>
                <span className="ordering-buttons">
                  <button type="button" className="button small" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('quiz.moveUp', { item: text.get(key) })}>
                    ↑
                  </button>
                  <button type="button" className="button small" disabled={i === order.length - 1} onClick={() => move(i, i + 1)} aria-label={t('quiz.moveDown', { item: text.get(key) })}>
                    ↓
                  </button>
                </span>
              </li>
            ))}
          </ol>
        </fieldset>
      );
    }
    case 'matching':
      return (
        <fieldset className="question" aria-describedby={describedBy}>
          {legend}
          {q.left!.map((l) => (
            <div key={l.key} className="field matching-row">
              <label htmlFor={`${name}-${l.key}`}>{l.text}</label>
              <select
                id={`${name}-${l.key}`}
                value={value?.matches?.[l.key] ?? ''}
                onChange={(e) => onChange({ matches: { ...value?.matches, [l.key]: e.target.value } })}
              >
                <option value="">{t('quiz.choose')}</option>
                {q.right!.map((r) => (
                  <option key={r.key} value={r.key}>
                    {r.text}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      );
  }
}
