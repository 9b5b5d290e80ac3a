import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/feedback';
import { Checkbox, TextField } from '../../components/ui/fields';
import type { ApiRequestError } from '../../lib/api-client';
import { courseQuery, frameworkQuery, lessonQuery, saveLesson } from './api';
import { Dialog } from './dialog';
import { EditConflict } from './edit-conflict';
import { useErrorText } from './errors';
import { useStudioT } from './i18n';
import { image, link } from './markdown-edit';
import { applyEdit, MarkdownToolbar, plainEdit, shortcutOf, type ToolbarAction } from './markdown-toolbar';
import { ImageDialogBody, LinkDialogBody, VideoDialogBody } from './media-dialogs';
import { fieldProblem, ProblemList, problemsOf } from './problems';
import type { Course, Lesson, LessonInput } from './types';
import { type SaveStatus, useAutosave } from './use-autosave';
import { usePreview } from './use-preview';

const inputOf = (l: Lesson): LessonInput => ({ title: l.title, body: l.body, competencies: l.competencies, estimatedMinutes: l.estimatedMinutes, required: l.required, video: l.video });

/** A lesson's editor once both the course and the lesson are loaded. */
export function LessonEditor({ course, lesson }: { course: Course; lesson: Lesson }) {
  const qc = useQueryClient();
  const key = lessonQuery(course.id, lesson.id).queryKey;
  const { draft, setDraft, status, retryNow, resolve } = useAutosave<LessonInput>({
    storageKey: `bdhvs.studio.lesson.${lesson.id}`,
    server: { value: inputOf(lesson), version: lesson.version },
    save: async (value, version) => {
      const saved = await saveLesson(course.id, lesson.id, { ...value, version });
      // The cache holds what the server has, so coming back to this page starts from the right version.
      qc.setQueryData(key, saved);
      void qc.invalidateQueries({ queryKey: courseQuery(course.id).queryKey });
      return { value: inputOf(saved), version: saved.version };
    },
    theirs: (error) => {
      const other = (error.body.details as { theirs?: Lesson } | undefined)?.theirs;
      return other ? { value: inputOf(other), version: other.version } : null;
    },
  });
  const editable = course.can.edit && !lesson.archived;
  const problems = problemsOf(course.problems, 'lesson', lesson.id);

  return (
    <>
      <SaveStatusLine status={status} onRetry={retryNow} />
      {status.kind === 'conflict' ? (
        <EditConflict
          yours={draft.body}
          theirs={status.theirs.value.body}
          onKeepMine={resolve.keepMine}
          onTakeTheirs={resolve.takeTheirs}
          onMerge={(body) => resolve.merge({ ...draft, body })}
        />
      ) : (
        <LessonForm course={course} draft={draft} onChange={setDraft} editable={editable} problems={problems} refusal={status.kind === 'refused' ? status.error : null} />
      )}
    </>
  );
}

/** "Đã lưu lúc 10:32", or what stands in the way; only the outcomes are announced, not each save. */
function SaveStatusLine({ status, onRetry }: { status: SaveStatus<LessonInput>; onRetry: () => void }) {
  const { t } = useStudioT();
  const { i18n } = useTranslation();
  const errorText = useErrorText();
  const time = (d: Date) => new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { timeStyle: 'short' }).format(d);
  return (
    <div className="save-status">
      <p role="status" className="meta">
        {status.kind === 'saved' && (status.at ? t('save.savedAt', { time: time(status.at) }) : t('save.upToDate'))}
      </p>
      {(status.kind === 'unsaved' || status.kind === 'saving') && (
        <p className="meta" aria-hidden="true">
          {status.kind === 'saving' ? t('save.saving') : t('save.pending')}
        </p>
      )}
      {status.kind === 'retrying' && (
        <Alert kind="error">
          {t('save.retrying', { time: time(status.at) })}{' '}
          <button type="button" className="link-button" onClick={onRetry}>
            {t('save.retryNow')}
          </button>
        </Alert>
      )}
      {status.kind === 'refused' && <Alert kind="error">{t('save.refused', { reason: errorText.general(status.error) })}</Alert>}
    </div>
  );
}

type FormProps = { course: Course; draft: LessonInput; onChange: (value: LessonInput) => void; editable: boolean; problems: Course['problems']; refusal: ApiRequestError | null };

function LessonForm({ course, draft, onChange, editable, problems, refusal }: FormProps) {
  const { t } = useStudioT();
  const { i18n } = useTranslation();
  const framework = useQuery(frameworkQuery()).data;
  const names = new Map(framework?.domains.flatMap((d) => d.competencies.map((c) => [c.code, i18n.language === 'en' ? c.nameEn : c.name] as const)) ?? []);
  const area = useRef<HTMLTextAreaElement>(null);
  const [dialog, setDialog] = useState<null | 'link' | 'image' | 'media'>(null);
  const [selected, setSelected] = useState('');
  const selection = useRef({ start: 0, end: 0 });
  const preview = usePreview(course.id, draft.body);
  const set = <K extends keyof LessonInput>(k: K, v: LessonInput[K]) => onChange({ ...draft, [k]: v });
  const refusedFields = refusal?.fieldErrors().map((e) => e.field) ?? [];
  const fieldError = (field: string) => (refusedFields.includes(field) ? t(`errors.fields.${field}`, { defaultValue: t('errors.invalid') }) : fieldProblem(problems, field));

  const act = (action: ToolbarAction) => {
    const el = area.current;
    if (!el || !editable) return;
    const edit = plainEdit(action, el, t('editor.placeholder'));
    if (edit) applyEdit(el, edit, (body) => set('body', body));
    else {
      // Where the text goes, kept while the dialog has the focus.
      selection.current = { start: el.selectionStart, end: el.selectionEnd };
      setSelected(el.value.slice(el.selectionStart, el.selectionEnd));
      setDialog(action as 'link' | 'image' | 'media');
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const action = shortcutOf(e);
    if (!action) return;
    e.preventDefault();
    act(action);
  };
  const insert = (make: (edit: { value: string; start: number; end: number }) => { value: string; start: number; end: number }) => {
    const el = area.current!;
    // The dialog closes first: the text behind a modal dialog cannot take focus or the edit.
    flushSync(() => setDialog(null));
    applyEdit(el, make({ value: el.value, ...selection.current }), (body) => set('body', body));
  };
  const goToLine = (line: number) => {
    const el = area.current!;
    const start = el.value.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
    el.focus();
    el.setSelectionRange(start, start);
  };

  return (
    <>
      <div className="lesson-fields">
        <TextField label={t('lesson.title')} name="title" required readOnly={!editable} value={draft.title} error={fieldError('title')} maxLength={300} onChange={(e) => set('title', e.target.value)} />
        <TextField
          label={t('lesson.minutes')}
          name="estimatedMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={600}
          readOnly={!editable}
          value={String(draft.estimatedMinutes)}
          error={fieldError('estimatedMinutes')}
          onChange={(e) => set('estimatedMinutes', Number(e.target.value))}
        />
        <Checkbox label={t('lesson.required')} name="required" disabled={!editable} checked={draft.required} onChange={(e) => set('required', e.target.checked)} />
        <fieldset className="field">
          <legend>{t('lesson.competencies')}</legend>
          {course.competencies.length === 0 && <p className="hint">{t('lesson.noCompetencies')}</p>}
          {course.competencies.map((c) => (
            <label key={c.code} className="choice">
              <input
                type="checkbox"
                disabled={!editable}
                checked={draft.competencies.includes(c.code)}
                onChange={(e) => set('competencies', e.target.checked ? [...draft.competencies, c.code] : draft.competencies.filter((x) => x !== c.code))}
              />
              <span>
                {c.code} {names.get(c.code)}
              </span>
            </label>
          ))}
        </fieldset>
      </div>

      <div className="editor-split">
        <div className="editor-pane">
          <label htmlFor="lesson-body" className="editor-label">
            {t('lesson.body')}
          </label>
          <p className="hint" id="lesson-body-hint">
            {t('editor.hint')}
          </p>
          {editable && <MarkdownToolbar controls="lesson-body" onAction={act} />}
          <ProblemList problems={problems.filter((p) => !p.field || p.field === 'body')} onLine={goToLine} />
          <textarea
            id="lesson-body"
            ref={area}
            className="markdown"
            rows={18}
            spellCheck
            lang="vi"
            readOnly={!editable}
            aria-describedby="lesson-body-hint"
            value={draft.body}
            onKeyDown={onKeyDown}
            onChange={(e) => set('body', e.target.value)}
          />
        </div>
        <section className="preview-pane" aria-labelledby="preview-title" aria-busy={preview.pending}>
          <h2 id="preview-title">{t('editor.preview')}</h2>
          {preview.failed && <p className="meta">{t('editor.previewFailed')}</p>}
          {/* Rendered by the server's lesson renderer: raw HTML escaped, links and images checked. */}
          <div className="lesson-body" dangerouslySetInnerHTML={{ __html: preview.html }} />
        </section>
      </div>

      <section aria-labelledby="video-title" className="lesson-video-box">
        <h2 id="video-title">{t('lesson.video')}</h2>
        {draft.video ? (
          <ul className="plain-list">
            <li>{t('lesson.videoSrc', { name: draft.video.src })}</li>
            <li>{t('lesson.videoCaptions', { name: draft.video.captions })}</li>
          </ul>
        ) : (
          <p>{t('lesson.noVideo')}</p>
        )}
        {fieldError('video') && <p className="field-error">{fieldError('video')}</p>}
        {editable && draft.video && (
          <button type="button" className="button danger" onClick={() => set('video', null)}>
            {t('lesson.removeVideo')}
          </button>
        )}
      </section>

      <Dialog open={dialog === 'link'} title={t('editor.linkTitle')} onClose={() => setDialog(null)} returnTo={area}>
        <LinkDialogBody selected={selected} onInsert={(label, href) => insert((e) => link(e, label, href))} onCancel={() => setDialog(null)} />
      </Dialog>
      <Dialog open={dialog === 'image'} title={t('editor.imageTitle')} onClose={() => setDialog(null)} returnTo={area}>
        <ImageDialogBody courseId={course.id} onInsert={(alt, name) => insert((e) => image(e, alt, name))} onCancel={() => setDialog(null)} />
      </Dialog>
      <Dialog open={dialog === 'media'} title={t('editor.mediaTitle')} onClose={() => setDialog(null)} returnTo={area}>
        <VideoDialogBody
          courseId={course.id}
          current={draft.video}
          onSet={(video) => {
            setDialog(null);
            set('video', video);
          }}
          onCancel={() => setDialog(null)}
        />
      </Dialog>
    </>
  );
}
