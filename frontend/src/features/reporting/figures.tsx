import { useTranslation } from 'react-i18next';

/** A count, or "fewer than N" when the server suppressed it, or a dash when it does not apply. */
export function useFigure(minCount: number) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
  return {
    count: (n: number | null | undefined, applies = true) =>
      !applies ? '—' : n === null || n === undefined ? t('reporting.suppressed', { n: minCount }) : number.format(n),
    percent: (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${number.format(n)} %`),
  };
}

/**
 * Month-by-month bars drawn in SVG for sighted readers; the same figures are in the table beside it,
 * so the picture is hidden from screen readers.
 */
export function MonthChart({ months, label }: { months: { month: string; value: number | null }[]; label: string }) {
  const max = Math.max(1, ...months.map((m) => m.value ?? 0));
  const width = 320;
  const height = 140;
  const bar = width / Math.max(1, months.length);
  return (
    <svg className="month-chart" viewBox={`0 0 ${width} ${height + 18}`} aria-hidden="true" focusable="false" role="presentation">
      {months.map((m, i) => {
        const h = ((m.value ?? 0) / max) * height;
        return (
          <g key={m.month}>
            <rect x={i * bar + 2} y={height - h} width={Math.max(2, bar - 4)} height={h} className="month-bar" />
            <text x={i * bar + bar / 2} y={height + 14} textAnchor="middle" className="month-label">
              {m.month.slice(5)}
            </text>
          </g>
        );
      })}
      <title>{label}</title>
    </svg>
  );
}

/** Progress against a target as a bar with its words: the percentage and whether the unit is behind. */
export function TargetBar({ percent, behind }: { percent: number | null; behind: boolean }) {
  const { t } = useTranslation();
  const value = Math.min(100, percent ?? 0);
  return (
    <span className="target-bar">
      <span className="target-track" aria-hidden="true">
        <span className={`target-fill${behind ? ' behind' : ''}`} style={{ width: `${value}%` }} />
      </span>
      <span>
        {percent === null ? '—' : `${percent} %`}
        {behind && <strong className="behind-label"> {t('reporting.behind')}</strong>}
      </span>
    </span>
  );
}
