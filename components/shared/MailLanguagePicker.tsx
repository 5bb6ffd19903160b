import type { MailLanguage } from '../../utils/domain/mail/questions';
import type { Coachee } from '../../utils/domain/model';
import { coacheeLabel } from '../../utils/platform/coachee-name';
import { setMailLanguage } from '../../utils/platform/coachee-repo';
import { t } from '../../utils/platform/i18n';
import { mailLanguageOf } from '../../utils/platform/mail/exchange';

/** The language of the mails to one coachee, kept with the coachee. */
export function MailLanguagePicker({ id, coachee }: { id: string; coachee: Coachee }) {
  return (
    <div class="field">
      <label for={id}>{t('mailLanguageLabel', coacheeLabel(coachee.name))}</label>
      <select
        id={id}
        value={mailLanguageOf(coachee)}
        onChange={(e) => void setMailLanguage(coachee.id, (e.currentTarget as HTMLSelectElement).value as MailLanguage)}
      >
        <option value="en">{t('mailLanguageEn')}</option>
        <option value="de">{t('mailLanguageDe')}</option>
      </select>
    </div>
  );
}
