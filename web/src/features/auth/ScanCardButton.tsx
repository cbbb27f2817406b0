import { useEffect, useRef, useState } from 'react';
import { useFeatureI18n } from '../../app/i18n';
import { readCardLink, type CardCodes } from './cardLink';
import { authMessages } from './messages';

// BarcodeDetector is not yet in TypeScript's DOM library (Chromium and Safari on tablets have it).
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorInstance {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorInstance;

function barcodeDetector(): BarcodeDetectorConstructor | null {
  const candidate = (window as unknown as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  return typeof candidate === 'function' ? candidate : null;
}

/** True when this browser can read a QR code from the camera. */
export function canScanCards(): boolean {
  return barcodeDetector() !== null && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

const scanEveryMs = 250;

type Status = 'idle' | 'aiming' | 'notCard' | 'noCamera';

/** Opens the tablet's camera, reads the card's QR code and hands its two codes over. */
export function ScanCardButton({ onRead }: { onRead: (codes: CardCodes) => void }) {
  const { t } = useFeatureI18n(authMessages);
  const [status, setStatus] = useState<Status>('idle');
  const videoRef = useRef<HTMLVideoElement>(null);
  const scanning = status === 'aiming' || status === 'notCard';

  useEffect(() => {
    if (!scanning) return;
    const Detector = barcodeDetector();
    if (!Detector) return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const detector = new Detector({ formats: ['qr_code'] });

    const scan = async () => {
      const video = videoRef.current;
      if (stopped || !video) return;
      try {
        if (video.readyState >= 2) {
          for (const code of await detector.detect(video)) {
            const codes = readCardLink(code.rawValue);
            if (codes) {
              setStatus('idle');
              onRead(codes);
              return;
            }
            setStatus('notCard');
          }
        }
      } catch {
        // A frame that cannot be read is normal while the card moves; try the next one.
      }
      if (!stopped) timer = window.setTimeout(() => void scan(), scanEveryMs);
    };

    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then((media) => {
        stream = media;
        if (stopped) return;
        if (videoRef.current) {
          videoRef.current.srcObject = media;
          void videoRef.current.play().catch(() => undefined);
        }
        void scan();
      })
      .catch(() => {
        if (!stopped) setStatus('noCamera');
      });

    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    // Restarting the camera only when scanning starts or stops, not when the hint changes.
  }, [scanning]);

  if (!canScanCards()) return null;

  return (
    <div className="scan-card">
      {scanning ? (
        <>
          <video ref={videoRef} className="scan-card__video" muted playsInline aria-label={t('scan.video')} />
          <p role="status">{status === 'notCard' ? t('scan.notCard') : t('scan.aim')}</p>
          <button type="button" className="button button--secondary" onClick={() => setStatus('idle')}>
            {t('scan.stop')}
          </button>
        </>
      ) : (
        <>
          <button type="button" className="button button--secondary button--large" onClick={() => setStatus('aiming')}>
            <span aria-hidden="true">📷 </span>
            {t('scan.start')}
          </button>
          {status === 'noCamera' && <p role="status">{t('scan.noCamera')}</p>}
        </>
      )}
    </div>
  );
}
