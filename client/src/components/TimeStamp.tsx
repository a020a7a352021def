// A machine-readable time shown in the reader's locale.
import { useI18n } from '../i18n/I18nProvider';

/** Shows an ISO time formatted with Intl. */
export function TimeStamp({ iso }: { iso: string }) {
  const { formatDateTime } = useI18n();
  return (
    <time dateTime={iso} className="timestamp">
      {formatDateTime(iso)}
    </time>
  );
}
