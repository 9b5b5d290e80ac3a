import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/ui/feedback';
import { TextAreaField } from '../../components/ui/fields';
import { exportUrl, useWorkflow } from './api';
import { useErrorText } from './errors';
import { useStudioT } from './i18n';
import { StatusBadge } from './studio-home';
import { ProblemList, problemsIn } from './problems';
import type { Course } from './types';

type Step = 'submit' | 'return' | 'publish' | 'archive';

/**
 * Where the course stands (draft → waiting for review → published) and the steps this person may
 * take from here; the server decides who may, the page only shows the buttons that would work.
 */
export function WorkflowPanel({ course }: { course: Course }) {
  const { t } = useStudioT();
  const errorText = useErrorText();
  const workflow = useWorkflow(course.id);
  const [done, setDone] = useState<Step | null>(null);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState('');
  const p = course.can;
  const errors = course.problems.filter((x) => !x.warning).length;
  const step = (s: Step, extra?: { comment: string }) => workflow.mutate({ step: s, ...extra }, { onSuccess: () => setDone(s) });

  const sendBack = (e: FormEvent) => {
    e.preventDefault();
    if (!comment.trim()) {
      setCommentError(t('workflow.commentRequired'));
      document.getElementById('return-comment')?.focus();
      return;
    }
    setCommentError('');
    step('return', { comment: comment.trim() });
    setReturning(false);
    setComment('');
  };

  return (
    <section aria-labelledby="workflow-title" className="studio-box workflow">
      <h2 id="workflow-title">{t('workflow.title')}</h2>
      <p>
        {t('workflow.status')} <StatusBadge status={course.status} />
      </p>
      <p className="hint">{t(`workflow.explain_${course.status}`)}</p>
      {done && <Alert kind="success">{t(`workflow.done_${done}`)}</Alert>}
      {workflow.isError && <Alert kind="error">{errorText.general(workflow.error)}</Alert>}
      <ProblemList problems={problemsIn(workflow.error)} />
      {p.edit && course.status === 'draft' && errors > 0 && <p className="field-error">{t('workflow.fixFirst', { count: errors })}</p>}
      <div className="actions">
        {p.edit && course.status === 'draft' && (
          <button type="button" className="button primary" disabled={workflow.isPending} onClick={() => step('submit')}>
            {t('workflow.submit')}
          </button>
        )}
        {p.publish && course.status === 'in_review' && (
          <button type="button" className="button primary" disabled={workflow.isPending} onClick={() => step('publish')}>
            {t('workflow.publish')}
          </button>
        )}
        {p.review && course.status === 'in_review' && !returning && (
          <button type="button" className="button" disabled={workflow.isPending} onClick={() => setReturning(true)}>
            {t('workflow.return')}
          </button>
        )}
        {p.archive && course.status !== 'archived' && (
          <button type="button" className="button danger" disabled={workflow.isPending} onClick={() => window.confirm(t('workflow.archiveConfirm')) && step('archive')}>
            {t('workflow.archive')}
          </button>
        )}
        <a className="button" href={exportUrl(course.id)} download>
          {t('workflow.export')}
        </a>
      </div>
      {returning && (
        <form onSubmit={sendBack} noValidate className="inline-form">
          <TextAreaField label={t('workflow.returnComment')} name="return-comment" rows={3} autoFocus required value={comment} error={commentError} onChange={(e) => setComment(e.target.value)} />
          <div className="actions">
            <button type="submit" className="button primary" disabled={workflow.isPending}>
              {t('workflow.sendBack')}
            </button>
            <button type="button" className="button" onClick={() => setReturning(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
