import type { BoothView } from '@plenum/contracts';
import { useI18n } from '../i18n/i18n';
import { BoothDeleteForm } from './booth-delete-form';
import { BoothDocumentsForm, BoothImageForm } from './booth-files';
import { BoothStaffPanel } from './booth-staff';
import { BoothTextsForm } from './booth-texts-form';

/**
 * Everything the booth's staff (and organizers) change on the booth. Only shown when the api
 * says the caller may manage this booth; the api checks every change again.
 */
export function BoothEditor({
  id,
  slug,
  booth,
  isOrganizer,
  onSaved,
  onChanged,
}: {
  id: string;
  slug: string;
  booth: BoothView;
  isOrganizer: boolean;
  onSaved: (booth: BoothView) => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  return (
    <section id={id} className="admin-section" aria-labelledby="booth-editor-title">
      <h2 id="booth-editor-title">{t.expo.edit.title}</h2>
      <BoothTextsForm slug={slug} booth={booth} canChangeTier={isOrganizer} onSaved={onSaved} />
      <section aria-labelledby="booth-images-title">
        <h3 id="booth-images-title">{t.expo.edit.images}</h3>
        <BoothImageForm slug={slug} booth={booth} kind="logo" onSaved={onSaved} />
        <BoothImageForm slug={slug} booth={booth} kind="banner" onSaved={onSaved} />
      </section>
      <BoothDocumentsForm slug={slug} booth={booth} onChanged={onChanged} />
      {isOrganizer ? <BoothStaffPanel boothId={booth.id} /> : null}
      {isOrganizer ? <BoothDeleteForm booth={booth} /> : null}
    </section>
  );
}
