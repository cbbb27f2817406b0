import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

interface QrCodeProps {
  text: string;
  /** What the code is for, read out by screen readers. */
  label: string;
  /** Rendered size in CSS pixels; the SVG scales cleanly when printed. */
  size?: number;
}

const quietZone = 2;

/** A QR code drawn as one SVG path: sharp at any print resolution, no canvas needed. */
export function QrCode({ text, label, size = 128 }: QrCodeProps) {
  const { path, modules } = useMemo(() => {
    // Type 0 picks the smallest version that fits; level M survives a crease or a smudge.
    const qr = qrcode(0, 'M');
    qr.addData(text);
    qr.make();
    const count = qr.getModuleCount();
    let d = '';
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) {
        if (qr.isDark(row, col)) d += `M${col} ${row}h1v1h-1z`;
      }
    }
    return { path: d, modules: count };
  }, [text]);
  const extent = modules + quietZone * 2;

  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`${-quietZone} ${-quietZone} ${extent} ${extent}`}
      shapeRendering="crispEdges"
      data-modules={modules}
    >
      <rect x={-quietZone} y={-quietZone} width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
