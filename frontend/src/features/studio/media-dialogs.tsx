import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/ui/feedback';
import { FileField, SelectField, TextAreaField, TextField } from '../../components/ui/fields';
import { courseQuery, useUploadMedia } from './api';
import { useErrorText } from './errors';
import { useStudioT } from './i18n';
import { RefusalReason } from './problems';
import type { Media, Video } from './types';

const UPLOAD = '';
const IMAGE_KINDS = new Set(['image', 'svg']);
const PLAYABLE = new Set(['audio', 'video']);

/** A dialog form's buttons: do it, or cancel (Escape cancels too). */
function DialogActions({ label, busy, onCancel }: { label: string; busy?: boolean; onCancel: () => void }) {
  const { t } = useStudioT();
  return (
    <div className="actions">
      <button type="submit" className="button primary" disabled={busy}>
        {label}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

/** One file of the course's media, or a new one from the device. `accept` limits the file chooser. */
function MediaChoice({ name, label, hint, files, accept, value, onValue, file, onFile, error }: {
  name: string;
  label: string;
  hint?: string;
  files: Media[];
  accept: string;
  value: string;
  onValue: (name: string) => void;
  file: File | null;
  onFile: (file: File | null) => void;
  error?: string;
}) {
  const { t } = useStudioT();
  return (
    <>
      <SelectField label={label} name={name} hint={hint} value={value} onChange={(e) => onValue(e.target.value)}>
        <option value={UPLOAD}>{t('media.uploadNew')}</option>
        {files.map((m) => (
          <option key={m.name} value={m.name}>
            {m.name}
          </option>
        ))}
      </SelectField>
      {value === UPLOAD && (
        <>
          <FileField label={t('media.chooseFile')} name={`${name}-file`} accept={accept} error={error} onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
          {file && <p className="hint">{t('media.chosen', { name: file.name })}</p>}
        </>
      )}
    </>
  );
}

/**
 * "Chèn ảnh": an image of the course or a new one, and its alternative text, which is required: it is
 * what a blind learner hears and what shows when the picture cannot load.
 */
export function ImageDialogBody({ courseId, onInsert, onCancel }: { courseId: string; onInsert: (alt: string, name: string) => void; onCancel: () => void }) {
  const { t } = useStudioT();
  const errorText = useErrorText();
  const images = (useQuery(courseQuery(courseId)).data?.media ?? []).filter((m) => IMAGE_KINDS.has(m.kind));
  const upload = useUploadMedia(courseId);
  const [chosen, setChosen] = useState(UPLOAD);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [errors, setErrors] = useState<{ alt?: string; file?: string }>({});

  const pick = (name: string) => {
    setChosen(name);
    const known = images.find((m) => m.name === name)?.alt;
    if (known && !alt.trim()) setAlt(known);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = { alt: alt.trim() ? undefined : t('media.altRequired'), file: chosen === UPLOAD && !file ? t('media.fileRequired') : undefined };
    setErrors(found);
    if (found.alt || found.file) {
      document.getElementById(found.file ? 'image-file-file' : 'image-alt')?.focus();
      return;
    }
    const name = chosen === UPLOAD ? (await upload.mutateAsync({ file: file!, alt: alt.trim() }).catch(() => null))?.name : chosen;
    if (name) onInsert(alt.trim(), name);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <MediaChoice name="image-file" label={t('media.image')} files={images} accept=".png,.jpg,.jpeg,.gif,.webp,.svg" value={chosen} onValue={pick} file={file} onFile={setFile} error={errors.file} />
      <TextField label={t('media.alt')} name="image-alt" required hint={t('media.altHint')} value={alt} error={errors.alt} maxLength={300} onChange={(e) => setAlt(e.target.value)} />
      {upload.isError && (
        <Alert kind="error">
          {errorText.general(upload.error)}
          <RefusalReason error={upload.error} />
        </Alert>
      )}
      <DialogActions label={upload.isPending ? t('media.uploading') : t('media.insertImage')} busy={upload.isPending} onCancel={onCancel} />
    </form>
  );
}

/**
 * "Âm thanh/Video": the lesson's recording with its captions (WebVTT) and the full transcript, all
 * required, so a deaf learner and one with the sound off miss nothing.
 */
export function VideoDialogBody({ courseId, current, onSet, onCancel }: { courseId: string; current: Video | null; onSet: (video: Video) => void; onCancel: () => void }) {
  const { t } = useStudioT();
  const errorText = useErrorText();
  const media = useQuery(courseQuery(courseId)).data?.media ?? [];
  const upload = useUploadMedia(courseId);
  const strip = (path?: string) => path?.replace(/^media\//, '') ?? UPLOAD;
  const [src, setSrc] = useState(strip(current?.src));
  const [captions, setCaptions] = useState(strip(current?.captions));
  const [srcFile, setSrcFile] = useState<File | null>(null);
  const [captionsFile, setCaptionsFile] = useState<File | null>(null);
  const [transcript, setTranscript] = useState(current?.transcript ?? '');
  const [errors, setErrors] = useState<{ src?: string; captions?: string; transcript?: string }>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = {
      src: src === UPLOAD && !srcFile ? t('media.fileRequired') : undefined,
      captions: captions === UPLOAD && !captionsFile ? t('media.captionsRequired') : undefined,
      transcript: transcript.trim() ? undefined : t('media.transcriptRequired'),
    };
    setErrors(found);
    const first = found.src ? 'video-src-file' : found.captions ? 'video-captions-file' : found.transcript ? 'video-transcript' : null;
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    const send = async (name: string, f: File | null) => (name === UPLOAD ? (await upload.mutateAsync({ file: f! })).name : name);
    try {
      const [s, c] = [await send(src, srcFile), await send(captions, captionsFile)];
      onSet({ src: `media/${s}`, captions: `media/${c}`, transcript: transcript.trim() });
    } catch {
      // The upload's error shows below.
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <MediaChoice
        name="video-src"
        label={t('media.recording')}
        hint={t('media.recordingHint')}
        files={media.filter((m) => PLAYABLE.has(m.kind))}
        accept=".mp4,.m4v,.webm,.ogv,.mp3,.m4a,.ogg,.oga,.wav"
        value={src}
        onValue={setSrc}
        file={srcFile}
        onFile={setSrcFile}
        error={errors.src}
      />
      <MediaChoice
        name="video-captions"
        label={t('media.captions')}
        hint={t('media.captionsHint')}
        files={media.filter((m) => m.kind === 'captions')}
        accept=".vtt"
        value={captions}
        onValue={setCaptions}
        file={captionsFile}
        onFile={setCaptionsFile}
        error={errors.captions}
      />
      <TextAreaField label={t('media.transcript')} name="video-transcript" rows={6} required value={transcript} error={errors.transcript} onChange={(e) => setTranscript(e.target.value)} />
      {upload.isError && (
        <Alert kind="error">
          {errorText.general(upload.error)}
          <RefusalReason error={upload.error} />
        </Alert>
      )}
      <DialogActions label={upload.isPending ? t('media.uploading') : t('media.setVideo')} busy={upload.isPending} onCancel={onCancel} />
    </form>
  );
}

/** "Liên kết": the words to show and the address; https only, as the renderer opens them in a new tab. */
export function LinkDialogBody({ selected, onInsert, onCancel }: { selected: string; onInsert: (label: string, href: string) => void; onCancel: () => void }) {
  const { t } = useStudioT();
  const [label, setLabel] = useState(selected);
  const [href, setHref] = useState('https://');
  const [errors, setErrors] = useState<{ label?: string; href?: string }>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = { label: label.trim() ? undefined : t('editor.linkLabelRequired'), href: /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(href.trim()) ? undefined : t('editor.linkHrefInvalid') };
    setErrors(found);
    if (found.label || found.href) {
      document.getElementById(found.label ? 'link-label' : 'link-href')?.focus();
      return;
    }
    onInsert(label.trim(), href.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextField label={t('editor.linkLabel')} name="link-label" required value={label} error={errors.label} onChange={(e) => setLabel(e.target.value)} />
      <TextField label={t('editor.linkHref')} name="link-href" type="url" inputMode="url" required hint={t('editor.linkHrefHint')} value={href} error={errors.href} onChange={(e) => setHref(e.target.value)} />
      <DialogActions label={t('editor.insertLink')} onCancel={onCancel} />
    </form>
  );
}
