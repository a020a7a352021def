// My check-in code as a QR code (drawn in the browser with `qrcode`, nothing leaves the page) and as text below it,
// for moderators who type it. The QR code holds a link to the event's check-in screen with the code in the query, so
// a moderator's phone camera app opens that screen with the code filled in (see CheckInPage).
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useEvI18n } from './i18n/useEvI18n';
import { checkInLink } from './checkInLink';

/** "ABCD EFGH": groups of four are easier to read out and type (the server drops the space). */
function spaced(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The QR code and the code of a going member. */
export function CheckInCode({ eventId, code }: { eventId: string; code: string }) {
  const { t } = useEvI18n();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    QRCode.toDataURL(checkInLink(window.location.origin, eventId, code), { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then(
      (url) => {
        if (active) setSrc(url);
      },
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [eventId, code]);
  return (
    <section className="card ev-code" aria-labelledby="ev-code-title" data-testid="checkin-code">
      <h2 id="ev-code-title">{t('ev.code.title')}</h2>
      {src && <img className="ev-code__qr" src={src} width={240} height={240} alt={t('ev.code.alt', { code })} data-testid="checkin-qr" />}
      <p className="ev-code__text" data-testid="checkin-code-text">
        {spaced(code)}
      </p>
      <p className="field__hint">{t('ev.code.hint')}</p>
    </section>
  );
}
