import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../components/ui/feedback';
import type { Schemas } from '../../lib/api-client';
import { CertificationBox } from '../certification/certification-box';
import { QuestionReview } from '../learning/attempt-results';
import { coursePath } from '../learning/paths';
import { type AssessmentAttempt, type AssessmentResult, forgetDraft } from './api';
import './strings';

type CompetencyResult = Schemas['CompetencyResultDto'];

/** A graded self-assessment: levels, the chart and its table, the learning path, the review, the record. */
export function AssessmentResultView({ attempt }: { attempt: AssessmentAttempt }) {
  const { t } = useTranslation();
  const result = attempt.result!;
  // Handed in (perhaps by the outbox, later): what this browser kept for it is no longer needed.
  useEffect(() => forgetDraft(attempt.id), [attempt.id]);
  return (
    <>
      <div className="overall-result">
        <p className="overall-level">{t('assessment.result.overall', { level: result.overall.levelName })}</p>
        <p>{t('assessment.result.overallScore', { score: result.overall.score })}</p>
        {attempt.late && <p>{t('assessment.result.late')}</p>}
      </div>

      <h2>{t('assessment.result.domains')}</h2>
      <ul className="domain-results">
        {result.domains.map((d) => (
          <li key={d.code}>
            <span className="domain-name">{d.name}</span>{' '}
            <strong>{t('assessment.result.domainScore', { score: d.score, level: d.levelName })}</strong>
          </li>
        ))}
      </ul>

      <h2>{t('assessment.result.competencies')}</h2>
      <ScoreChart competencies={result.competencies} />
      <ScoreTable competencies={result.competencies} scale={attempt.scale} />

      <LearningPath result={result} />

      <CertificationBox />

      {(attempt.questionResults?.length ?? 0) > 0 && (
        <>
          <h2>{t('assessment.result.review')}</h2>
          <QuestionReview results={attempt.questionResults!} />
        </>
      )}
      <p className="actions">
        <Link className="button" to="/tu-danh-gia">
          {t('assessment.backHome')}
        </Link>
      </p>
    </>
  );
}

/** Splits a name into lines of at most `width` characters, at spaces, for SVG text (which does not wrap). */
function wrap(text: string, width: number, maxLines = 2): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, width - 1)}…`;
    return kept;
  }
  return lines;
}

/** The root font size against the default 18 px, following the learner's text-size choice. */
function useTextScale(): number {
  return useSyncExternalStore(
    (onChange) => {
      const observer = new MutationObserver(onChange);
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-text-size', 'style'] });
      return () => observer.disconnect();
    },
    () => parseFloat(getComputedStyle(document.documentElement).fontSize) / 18 || 1,
  );
}

const LINE = 20;
const BAR = 20;

/**
 * A horizontal bar per competency (0–100), with a mark at the group's minimum; one image for screen
 * readers, the table beside it has the detail. Each row is its name, its score and level, then the
 * bar, so nothing sits side by side; the drawing narrows as the text size grows, which keeps its
 * text as large as the page's on a phone.
 */
export function ScoreChart({ competencies }: { competencies: CompetencyResult[] }) {
  const { t } = useTranslation();
  const scale = useTextScale();
  const width = Math.round(320 / scale);
  const chars = Math.floor(36 / scale);
  let y = 2;
  const rows = competencies.map((c) => {
    const lines = wrap(`${c.code} ${c.name}`, chars, 3);
    const top = y;
    y += (lines.length + 1) * LINE + BAR + 21;
    return { c, lines, top };
  });
  const met = competencies.filter((c) => c.met).length;
  const label = t('assessment.result.chartLabel', {
    list: competencies.map((c) => t('assessment.result.chartItem', { name: c.name, score: c.score, level: c.levelName })).join('; '),
    met,
    total: competencies.length,
  });
  return (
    <figure className="score-chart">
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${y}`} width="100%" preserveAspectRatio="xMinYMin meet">
        {rows.map(({ c, lines, top }) => {
          const valueY = top + (lines.length + 1) * LINE - 4;
          const barY = valueY + 11;
          const markX = (c.minScore / 100) * width;
          return (
            <g key={c.code}>
              <text x={0} y={top + 15} className="chart-label">
                {lines.map((l, i) => (
                  <tspan key={i} x={0} dy={i === 0 ? 0 : LINE}>
                    {l}
                  </tspan>
                ))}
              </text>
              <text x={0} y={valueY} className="chart-value">
                {t('assessment.result.chartValue', { score: c.score, level: c.levelName })}
              </text>
              <rect x={0} y={barY} width={width} height={BAR} className="chart-track" />
              <rect x={0} y={barY} width={Math.max(3, (c.score / 100) * width)} height={BAR} className={c.met ? 'chart-bar met' : 'chart-bar unmet'} />
              <line x1={markX} x2={markX} y1={barY - 4} y2={barY + BAR + 4} className="chart-mark" />
            </g>
          );
        })}
      </svg>
      <figcaption className="meta">{t('assessment.result.chartLegend')}</figcaption>
    </figure>
  );
}

export function ScoreTable({ competencies, scale }: { competencies: CompetencyResult[]; scale: string[] }) {
  const { t } = useTranslation();
  const cols = ['competency', 'selfRating', 'knowledge', 'score', 'level', 'minLevel', 'met'] as const;
  const head = (k: (typeof cols)[number]) => t(`assessment.result.col.${k}`);
  return (
    <table className="stack-table score-table">
      <caption>{t('assessment.result.tableCaption')}</caption>
      <thead>
        <tr>
          {cols.map((k) => (
            <th key={k} scope="col">
              {head(k)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {competencies.map((c) => (
          <tr key={c.code}>
            <th scope="row" data-label={head('competency')}>
              <span>{c.name}</span>
            </th>
            <td data-label={head('selfRating')}>{scale[c.rating] ?? c.rating}</td>
            <td data-label={head('knowledge')}>{c.knowledgePercent === null ? '—' : `${c.knowledgePercent}%`}</td>
            <td data-label={head('score')}>{c.score}/100</td>
            <td data-label={head('level')}>{c.levelName}</td>
            <td data-label={head('minLevel')}>{c.minLevelName}</td>
            <td data-label={head('met')} className={c.met ? 'met' : 'unmet'}>
              {c.met ? `✓ ${t('assessment.result.met')}` : `✗ ${t('assessment.result.unmet')}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LearningPath({ result }: { result: AssessmentResult }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="learning-path-title">
      <h2 id="learning-path-title">{t('assessment.path.title')}</h2>
      {result.learningPath.length === 0 ? (
        <Alert kind="success">{t('assessment.path.none')}</Alert>
      ) : (
        <>
          <p>{t('assessment.path.intro')}</p>
          <ol className="learning-path">
            {result.learningPath.map((step) => (
              <li key={step.competency}>
                <h3>{step.name}</h3>
                <p className="meta">{t('assessment.path.where', { score: step.score, level: step.levelName, minLevel: step.minLevelName })}</p>
                {step.courses.length === 0 ? (
                  <p>{t('assessment.path.noCourse')}</p>
                ) : (
                  <ul>
                    {step.courses.map((c) => (
                      <li key={c.slug}>
                        <Link to={coursePath(c.slug)}>{c.title}</Link>{' '}
                        <span className="meta">{t('assessment.path.minutes', { minutes: c.estimatedMinutes })}</span>{' '}
                        <span className={`step-state course-${c.status}`}>{t(`assessment.path.status.${c.status}`)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
