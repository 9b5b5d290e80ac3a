import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Spinner } from '../../components/ui/feedback';
import { generalMessage } from '../../lib/form-errors';
import { classQuery } from './api';
import { InviteToClass } from './invite-to-class';

/** One class: its join code and QR code (to show or print), its courses and each member's progress. */
export function ClassRoster({ id }: { id: string }) {
  const { t } = useTranslation();
  const cls = useQuery(classQuery(id));
  if (cls.isPending) return <Spinner />;
  if (cls.isError) return <Alert kind="error">{generalMessage(t, cls.error)}</Alert>;
  const c = cls.data;
  const completedAll = c.members.filter((m) => m.progress.length > 0 && m.progress.every((p) => p.completed)).length;
  return (
    <>
      <h1 tabIndex={-1}>{c.name}</h1>
      <p className="meta">{t('classes.meta', { unit: c.unitName, teacher: c.teacherName })}</p>
      <section className="join-card" aria-labelledby="join-title">
        <h2 id="join-title">{t('classes.joinTitle')}</h2>
        <p>
          {t('classes.joinCode')} <strong className="record-code">{c.joinCode}</strong>
        </p>
        <img src={`/api/classes/${c.id}/qr.svg`} width={180} height={180} alt={t('classes.qrAlt', { code: c.joinCode })} />
        <p className="wrap-anywhere">{c.joinUrl}</p>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('classes.print')}
        </button>
        <InviteToClass classId={c.id} />
      </section>
      <h2>{t('classes.courses')}</h2>
      {c.courses.length === 0 ? (
        <p>{t('classes.noCourses')}</p>
      ) : (
        <ul>
          {c.courses.map((x) => (
            <li key={x.id}>{x.title}</li>
          ))}
        </ul>
      )}
      <h2>{t('classes.roster')}</h2>
      <p role="status">
        {t('classes.rosterSummary', {
          count: c.memberCount,
          done: completedAll,
        })}
      </p>
      {c.members.length > 0 && (
        <table className="stack-table">
          <caption className="visually-hidden">{t('classes.roster')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.colName')}</th>
              {c.courses.map((x) => (
                <th scope="col" key={x.id}>
                  {x.title}
                </th>
              ))}
              <th scope="col">{t('reporting.holdsRecord')}</th>
            </tr>
          </thead>
          <tbody>
            {c.members.map((m) => (
              <tr key={m.userId}>
                <th scope="row">{m.fullName}</th>
                {c.courses.map((x) => {
                  const p = m.progress.find((q) => q.courseId === x.id);
                  const text = !p?.enrolled
                    ? t('classes.notEnrolled')
                    : p.completed
                      ? t('classes.completed')
                      : t('classes.lessons', {
                          done: p.lessonsDone,
                          total: p.lessonsTotal,
                        });
                  return (
                    <td key={x.id} data-label={x.title}>
                      {text}
                    </td>
                  );
                })}
                <td data-label={t('reporting.holdsRecord')}>{m.holdsRecord ? t('reporting.yes') : t('reporting.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
