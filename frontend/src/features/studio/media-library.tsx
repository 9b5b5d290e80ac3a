import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/feedback';
import { FileField, TextField } from '../../components/ui/fields';
import { useDeleteMedia, useUploadMedia } from './api';
import { useErrorText, useFieldErrors } from './errors';
import { useStudioT } from './i18n';
import { RefusalReason } from './problems';
import type { Course } from './types';

const IMAGE = /\.(png|jpe?g|gif|webp|svg)$/i;

/** The course's files: what is there, how big, each image's description; upload and remove. */
export function MediaLibrary({ course }: { course: Course }) {
  const { t } = useStudioT();
  const { i18n } = useTranslation();
  const errorText = useErrorText();
  const remove = useDeleteMedia(course.id);
  const size = (bytes: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { style: 'unit', unit: bytes > 1e6 ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(bytes > 1e6 ? bytes / 1e6 : bytes / 1e3);
  return (
    <>
      <section aria-labelledby="media-title">
        <h2 id="media-title">{t('media.title')}</h2>
        {course.media.length === 0 && <p>{t('media.none')}</p>}
        <ul className="media-list">
          {course.media.map((m) => (
            <li key={m.name}>
              {m.kind === 'image' && <img src={m.url} alt={m.alt ?? ''} loading="lazy" />}
              <span className="studio-list-title">
                <strong className="wrap-anywhere">{m.name}</strong>
                <span className="meta">
                  {' '}
                  {t(`media.kind_${m.kind}`)} · {size(m.size)}
                </span>
                {m.alt && <span className="meta"> · {t('media.altIs', { alt: m.alt })}</span>}
              </span>
              {course.can.edit && (
                <button type="button" className="button small danger" disabled={remove.isPending} aria-label={t('media.removeOf', { name: m.name })} onClick={() => window.confirm(t('media.removeConfirm', { name: m.name })) && remove.mutate(m.name)}>
                  {t('common.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
        {remove.isError && <Alert kind="error">{errorText.general(remove.error)}</Alert>}
      </section>
      {course.can.edit && <Upload courseId={course.id} />}
    </>
  );
}

function Upload({ courseId }: { courseId: string }) {
  const { t } = useStudioT();
  const upload = useUploadMedia(courseId);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [errors, setErrors] = useState<{ file?: string; alt?: string }>({});
  // A new key empties the file chooser after an upload.
  const [picker, setPicker] = useState(0);
  const api = useFieldErrors(upload.error, ['alt', 'name', 'file']);
  const isImage = Boolean(file && IMAGE.test(file.name));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = { file: file ? undefined : t('media.fileRequired'), alt: isImage && !alt.trim() ? t('media.altRequired') : undefined };
    setErrors(found);
    if (found.file || found.alt) {
      document.getElementById(found.file ? 'upload-file' : 'upload-alt')?.focus();
      return;
    }
    upload.mutate(
      { file: file!, alt: isImage ? alt.trim() : undefined },
      {
        onSuccess: () => {
          setFile(null);
          setAlt('');
          setPicker((n) => n + 1);
        },
      },
    );
  };
  const fileError = errors.file ?? api.byField.file ?? api.byField.name;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="upload-title" className="studio-box">
      <h2 id="upload-title">{t('media.upload')}</h2>
      <p className="hint">{t('media.limits')}</p>
      <FileField key={picker} label={t('media.chooseFile')} name="upload-file" error={fileError} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      {isImage && <TextField label={t('media.alt')} name="upload-alt" required hint={t('media.altHint')} value={alt} maxLength={300} error={errors.alt ?? api.byField.alt} onChange={(e) => setAlt(e.target.value)} />}
      {api.rest && <Alert kind="error">{api.rest}</Alert>}
      <RefusalReason error={upload.error} />
      {upload.isSuccess && <Alert kind="success">{t('media.uploaded', { name: upload.data.name })}</Alert>}
      <button type="submit" className="button primary" disabled={upload.isPending}>
        {upload.isPending ? t('media.uploading') : t('media.uploadButton')}
      </button>
    </form>
  );
}
