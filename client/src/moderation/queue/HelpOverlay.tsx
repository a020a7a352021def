// The keyboard shortcuts of the console, as a small dialog.
import { useEffect, useRef } from 'react';
import { useModI18n } from '../i18n/useModI18n';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useModI18n();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="mod-overlay" role="dialog" aria-modal="true" aria-labelledby="mod-help-title" data-testid="mod-help" onClick={onClose}>
      <div className="card mod-overlay__box" onClick={(e) => e.stopPropagation()}>
        <h2 id="mod-help-title">{t('help.title')}</h2>
        <ul className="mod-list">
          <li>{t('help.jk')}</li>
          <li>{t('help.a')}</li>
          <li>{t('help.r')}</li>
          <li>{t('help.e')}</li>
          <li>{t('help.q')}</li>
        </ul>
        <button ref={close} type="button" className="button" onClick={onClose}>
          {t('help.close')}
        </button>
      </div>
    </div>
  );
}
