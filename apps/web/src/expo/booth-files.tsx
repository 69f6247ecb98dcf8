import {
  boothDocumentContentTypes,
  boothImageContentTypes,
  maxBoothDocumentBytes,
  maxBoothImageBytes,
} from '@plenum/contracts';
import type { BoothDocumentView, BoothView } from '@plenum/contracts';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, api } from '../api/client';
import { useAnnounce } from '../components/announcer';
import { ErrorSummary, TextField } from '../components/form-parts';
import type { Problem } from '../components/form-parts';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/de';

const imageTypes: readonly string[] = boothImageContentTypes;
const documentTypes: readonly string[] = boothDocumentContentTypes;
/** For browsers that give no media type for a file (common for office files). */
const documentTypesByExtension: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  odp: 'application/vnd.oasis.opendocument.presentation',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

type Kind = 'image' | 'document';
const limitLabel = (kind: Kind) => (kind === 'image' ? '1 MB' : '10 MB');

/** The media type to send: the browser's guess, or one from the extension when it has none. */
function documentType(file: File): string | null {
  if (documentTypes.includes(file.type)) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return file.type === '' || file.type === 'application/octet-stream'
    ? (documentTypesByExtension[extension] ?? null)
    : null;
}

function sizeProblem(file: File, kind: Kind, intlLocale: string): Problem | null {
  if (file.size === 0) return (t) => t.expo.edit.empty;
  if (file.size > (kind === 'image' ? maxBoothImageBytes : maxBoothDocumentBytes)) {
    const megabytes = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 1 }).format(
      file.size / 1_000_000,
    );
    return (t) => t.expo.edit.tooLarge(`${megabytes} MB`, limitLabel(kind));
  }
  return null;
}

/**
 * The server names a refusal by its status; a 422 also says what was wrong with the content,
 * which is shown after our own explanation.
 */
function problemFromServer(error: unknown, kind: Kind): Problem {
  if (!(error instanceof ApiError)) return (t) => t.errors.generic;
  const detail = error.fields.map((f) => f.message).join(' ');
  switch (error.status) {
    case 413:
      return (t) => t.expo.edit.rejectedTooLarge(limitLabel(kind));
    case 415:
      return (t) =>
        kind === 'image' ? t.expo.edit.rejectedImageType : t.expo.edit.rejectedDocumentType;
    case 422:
      return (t) =>
        `${kind === 'image' ? t.expo.edit.rejectedImageContent : t.expo.edit.rejectedDocumentContent}${
          detail ? ` (${detail})` : ''
        }`;
    case 403:
      return (t) => t.expo.edit.forbidden;
    default:
      return (t) => describeError(error, t);
  }
}

function UploadProgress({ fraction, label }: { fraction: number | null; label: string }) {
  return (
    <progress
      className="upload-progress"
      aria-label={label}
      max={1}
      {...(fraction === null ? {} : { value: fraction })}
    />
  );
}

/** Logo or banner: checked here for type and size first, then by the server. */
export function BoothImageForm({
  slug,
  booth,
  kind,
  onSaved,
}: {
  slug: string;
  booth: BoothView;
  kind: 'logo' | 'banner';
  onSaved: (booth: BoothView) => void;
}) {
  const { t, intlLocale } = useI18n();
  const announce = useAnnounce();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const [uploaded, setUploaded] = useState(false);
  const name = kind === 'logo' ? t.expo.edit.logo : t.expo.edit.banner;
  const idPrefix = `booth-${kind}`;
  const current = kind === 'logo' ? booth.logoUrl : booth.bannerUrl;

  const check = (chosen: File | null): Problem | null => {
    if (!chosen) return (tt) => tt.expo.edit.fileMissing;
    if (!imageTypes.includes(chosen.type)) return (tt) => tt.expo.edit.imageWrongType(chosen.name);
    return sizeProblem(chosen, 'image', intlLocale);
  };

  const submit = async (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    setUploaded(false);
    const found = check(file);
    setProblem(() => found);
    if (found || !file) return;
    setProgress(0);
    try {
      const saved = await api.upload<BoothView>(
        'PUT',
        `/api/events/${encodeURIComponent(slug)}/booths/${booth.id}/${kind}`,
        { data: file, contentType: file.type },
        setProgress,
      );
      onSaved(saved);
      setFile(null);
      if (input.current) input.current.value = '';
      setUploaded(true);
      announce(t.expo.edit.imageUploaded(name));
    } catch (error) {
      setProblem(() => problemFromServer(error, 'image'));
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <div>
      <h4>{name}</h4>
      <p className="field-label">{t.expo.edit.currentImage(name)}</p>
      {current ? (
        <img className="booth-image-preview" src={current} alt={t.expo.edit.currentImage(name)} />
      ) : (
        <p className="muted">{t.expo.edit.noImage}</p>
      )}
      <ErrorSummary
        fieldProblems={problem ? [{ field: 'file', problem }] : []}
        idPrefix={idPrefix}
      />
      <form
        className="form"
        noValidate
        aria-busy={progress !== undefined}
        onSubmit={(formEvent) => void submit(formEvent)}
      >
        <TextField
          idPrefix={idPrefix}
          name="file"
          label={t.expo.edit.imageFile(name)}
          hint={t.expo.edit.imageHint}
          type="file"
          accept={imageTypes.join(',')}
          ref={input}
          onChange={(change) => {
            const chosen = change.target.files?.[0] ?? null;
            setFile(chosen);
            setUploaded(false);
            // Say at once when the file cannot work, rather than after a wasted upload.
            setProblem(() => (chosen ? check(chosen) : null));
          }}
          error={problem?.(t)}
        />
        {progress !== undefined ? (
          <UploadProgress fraction={progress} label={t.expo.edit.progress(name)} />
        ) : null}
        <button type="submit" className="button button-primary" disabled={progress !== undefined}>
          {progress !== undefined ? t.expo.edit.uploading : t.expo.edit.uploadImage(name)}
        </button>
        {uploaded ? (
          <p className="notice notice-success" role="status">
            {t.expo.edit.imageUploaded(name)}
          </p>
        ) : null}
      </form>
    </div>
  );
}

/** The booth's downloadable documents: upload with a title, list, delete. */
export function BoothDocumentsForm({
  slug,
  booth,
  onChanged,
}: {
  slug: string;
  booth: BoothView;
  onChanged: () => void;
}) {
  const { t, intlLocale } = useI18n();
  const announce = useAnnounce();
  const input = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const [status, setStatus] = useState<((tt: Messages) => string) | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const [renameProblem, setRenameProblem] = useState<Problem | null>(null);
  const idPrefix = 'booth-document';
  const base = `/api/events/${encodeURIComponent(slug)}/booths/${booth.id}/documents`;

  const check = (chosen: File | null): Problem | null => {
    if (!chosen) return (tt) => tt.expo.edit.fileMissing;
    if (!documentType(chosen)) return (tt) => tt.expo.edit.documentWrongType(chosen.name);
    return sizeProblem(chosen, 'document', intlLocale);
  };

  const submit = async (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    setStatus(null);
    const found = check(file);
    setProblem(() => found);
    const type = file ? documentType(file) : null;
    if (found || !file || !type) return;
    setProgress(0);
    try {
      const query = new URLSearchParams({ title: title.trim(), fileName: file.name });
      const saved = await api.upload<BoothDocumentView>(
        'POST',
        `${base}?${query.toString()}`,
        { data: file, contentType: type },
        setProgress,
      );
      setFile(null);
      setTitle('');
      if (input.current) input.current.value = '';
      setStatus(() => (tt: Messages) => tt.expo.edit.documentUploaded(saved.title));
      announce(t.expo.edit.documentUploaded(saved.title));
      onChanged();
    } catch (error) {
      setProblem(() => problemFromServer(error, 'document'));
    } finally {
      setProgress(undefined);
    }
  };

  const rename = async (doc: BoothDocumentView, title: string) => {
    setStatus(null);
    setRenameProblem(null);
    try {
      const saved = await api.patch<BoothDocumentView>(`${base}/${doc.id}`, { title });
      setRenaming(null);
      setStatus(() => (tt: Messages) => tt.expo.edit.documentRenamed(saved.title));
      announce(t.expo.edit.documentRenamed(saved.title));
      onChanged();
    } catch (error) {
      const message = error instanceof ApiError ? error.fieldMessage('title') : undefined;
      setRenameProblem(() => (tt: Messages) => message ?? tt.expo.edit.renameFailed);
    }
  };

  const remove = async (doc: BoothDocumentView) => {
    setDeleting(doc.id);
    setStatus(null);
    try {
      await api.delete(`${base}/${doc.id}`);
      setStatus(() => (tt: Messages) => tt.expo.edit.documentDeleted(doc.title));
      announce(t.expo.edit.documentDeleted(doc.title));
      onChanged();
    } catch {
      setStatus(() => (tt: Messages) => tt.expo.edit.deleteFailed);
    } finally {
      setDeleting(null);
    }
  };

  return (
    <section aria-labelledby="booth-documents-title">
      <h3 id="booth-documents-title">{t.expo.edit.documents}</h3>
      {booth.documents.length === 0 ? (
        <p className="muted">{t.expo.edit.documentsEmpty}</p>
      ) : (
        <ul>
          {booth.documents.map((doc) => (
            <li key={doc.id}>
              {doc.title} <span className="muted">({doc.fileName})</span>{' '}
              {renaming?.id === doc.id ? (
                <form
                  className="booth-editor-row"
                  noValidate
                  onSubmit={(formEvent) => {
                    formEvent.preventDefault();
                    void rename(doc, renaming.title);
                  }}
                >
                  <TextField
                    idPrefix={`booth-document-${doc.id}`}
                    name="title"
                    label={t.expo.edit.newTitle(doc.title)}
                    maxLength={200}
                    autoFocus
                    value={renaming.title}
                    onChange={(e) => setRenaming({ id: doc.id, title: e.target.value })}
                    error={renameProblem?.(t)}
                  />
                  <button type="submit" className="button button-small button-primary">
                    {t.expo.edit.saveTitle}
                  </button>
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    onClick={() => {
                      setRenaming(null);
                      setRenameProblem(null);
                    }}
                  >
                    {t.expo.edit.cancel}
                  </button>
                </form>
              ) : (
                <button
                  type="button"
                  className="button button-small button-secondary"
                  onClick={() => {
                    setRenaming({ id: doc.id, title: doc.title });
                    setRenameProblem(null);
                  }}
                >
                  {t.expo.edit.renameDocument(doc.title)}
                </button>
              )}{' '}
              <button
                type="button"
                className="button button-small button-secondary"
                disabled={deleting === doc.id}
                onClick={() => void remove(doc)}
              >
                {t.expo.edit.deleteDocument(doc.title)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {status ? <p role="status">{status(t)}</p> : null}
      <ErrorSummary
        fieldProblems={problem ? [{ field: 'file', problem }] : []}
        idPrefix={idPrefix}
      />
      <form
        className="form"
        noValidate
        aria-busy={progress !== undefined}
        onSubmit={(formEvent) => void submit(formEvent)}
      >
        <TextField
          idPrefix={idPrefix}
          name="title"
          label={t.expo.edit.documentTitle}
          hint={t.expo.edit.documentTitleHint}
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextField
          idPrefix={idPrefix}
          name="file"
          label={t.expo.edit.documentFile}
          hint={t.expo.edit.documentHint}
          type="file"
          accept={Object.keys(documentTypesByExtension)
            .map((e) => `.${e}`)
            .join(',')}
          ref={input}
          onChange={(change) => {
            const chosen = change.target.files?.[0] ?? null;
            setFile(chosen);
            setProblem(() => (chosen ? check(chosen) : null));
          }}
          error={problem?.(t)}
        />
        {progress !== undefined ? (
          <UploadProgress fraction={progress} label={t.expo.edit.progress(t.expo.edit.documents)} />
        ) : null}
        <button type="submit" className="button button-primary" disabled={progress !== undefined}>
          {progress !== undefined ? t.expo.edit.uploading : t.expo.edit.uploadDocument}
        </button>
      </form>
    </section>
  );
}
