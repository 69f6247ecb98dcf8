import type { ImpressionView } from '@plenum/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { EmptyState } from '../components/status-blocks';
import { useT } from '../i18n/i18n';

/**
 * The photo gallery: every photo is a button with its alt text; the enlarged view is a modal
 * dialog (focus stays inside, Escape closes) with previous/next buttons and arrow keys.
 */
export function ImpressionsGallery({ photos }: { photos: ImpressionView[] }) {
  const t = useT();
  const headingId = useId();
  const [open, setOpen] = useState<number | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const openers = useRef<Array<HTMLButtonElement | null>>([]);
  const lastOpened = useRef<number | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open !== null && !element.open) element.showModal();
    if (open === null && element.open) element.close();
  }, [open]);

  const close = () => {
    setOpen(null);
    // Back to the photo that was opened, so a keyboard user keeps their place.
    const index = lastOpened.current;
    if (index !== null) openers.current[index]?.focus();
  };
  const show = (index: number) => {
    lastOpened.current = index;
    setOpen(index);
  };
  const step = (delta: number) => {
    if (open === null || photos.length === 0) return;
    show((open + delta + photos.length) % photos.length);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'ArrowRight') {
      event.preventDefault();
      step(1);
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault();
      step(-1);
    }
  };
  const current = open !== null ? photos[open] : undefined;

  return (
    <section aria-labelledby={headingId} className="gallery">
      <h2 id={headingId}>{t.ondemand.gallery.heading}</h2>
      {photos.length === 0 ? (
        <EmptyState>
          <p>{t.ondemand.gallery.empty}</p>
        </EmptyState>
      ) : (
        <ul className="gallery-grid">
          {photos.map((photo, index) => (
            <li key={photo.id}>
              <button
                type="button"
                className="gallery-thumb"
                ref={(element) => {
                  openers.current[index] = element;
                }}
                aria-label={t.ondemand.gallery.open(photo.altText)}
                aria-haspopup="dialog"
                onClick={() => show(index)}
              >
                <img src={photo.imageUrl} alt="" loading="lazy" />
              </button>
              {photo.caption ? <p className="gallery-caption">{photo.caption}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <dialog
        ref={dialog}
        className="gallery-dialog"
        aria-label={t.ondemand.gallery.dialog}
        onClose={() => (open !== null ? close() : undefined)}
        onKeyDown={onKeyDown}
      >
        {current && open !== null ? (
          <figure>
            <img src={current.imageUrl} alt={current.altText} />
            <figcaption>
              {current.caption ? <p>{current.caption}</p> : null}
              <p className="muted" aria-live="polite">
                {t.ondemand.gallery.counter(open + 1, photos.length)}
              </p>
            </figcaption>
          </figure>
        ) : null}
        <p className="visually-hidden">{t.ondemand.gallery.keyboardHint}</p>
        <div className="gallery-dialog-controls">
          <button type="button" className="button button-secondary" onClick={() => step(-1)}>
            {t.ondemand.gallery.previous}
          </button>
          <button type="button" className="button button-secondary" onClick={() => step(1)}>
            {t.ondemand.gallery.next}
          </button>
          <button type="button" className="button button-primary" onClick={close}>
            {t.ondemand.gallery.close}
          </button>
        </div>
      </dialog>
    </section>
  );
}
