// My check-in code as a QR code (drawn in the browser with `qrcode`, nothing leaves the page) and as text below it,
// for moderators who type it.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useEvI18n } from './i18n/useEvI18n';

/** "ABCD EFGH": groups of four are easier to read out and type (the server drops the space). */
function spaced(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The QR code and the code of a going member. */
export function CheckInCode({ code }: { code: string }) {
  const { t } = useEvI18n();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    QRCode.toDataURL(code, { margin: 1, width: 220, errorCorrectionLevel: 'M' }).then(
      (url) => {
        if (active) setSrc(url);
      },
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [code]);
  return (
    <section className="card ev-code" aria-labelledby="ev-code-title" data-testid="checkin-code">
      <h2 id="ev-code-title">{t('ev.code.title')}</h2>
      {src && <img className="ev-code__qr" src={src} width={220} height={220} alt={t('ev.code.alt', { code })} data-testid="checkin-qr" />}
      <p className="ev-code__text" data-testid="checkin-code-text">
        {spaced(code)}
      </p>
      <p className="field__hint">{t('ev.code.hint')}</p>
    </section>
  );
}
