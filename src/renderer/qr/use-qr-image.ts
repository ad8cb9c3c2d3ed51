import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** The QR image (a data URL) for `text`, drawn locally; null while drawing or without text. */
export function useQrImage(text: string | null): { image: string | null; error: unknown } {
  const [drawn, setDrawn] = useState<{ text: string; image: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!text) return;
    let cancelled = false;
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 240 })
      .then((image) => {
        if (!cancelled) setDrawn({ text, image });
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(failure);
      });
    return () => {
      cancelled = true;
    };
  }, [text]);
  // The previous image stays up while the next one is drawn (no flash of a spinner on refresh).
  return { image: text ? (drawn?.image ?? null) : null, error };
}
