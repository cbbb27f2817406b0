import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkitModule from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { OUTCOME_NAMES, type NominationOutcome } from '@lmr/domain';

const FONT_PATH = join('node_modules', '@expo-google-fonts', 'noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf');

// The package is UMD: under Jest's ESM the functions hang off `default`, in the CommonJS build off the namespace.
const fontkit = ((fontkitModule as unknown as { default?: { create?: unknown } }).default?.create
  ? (fontkitModule as unknown as { default: unknown }).default
  : fontkitModule) as Parameters<PDFDocument['registerFontkit']>[0];

let fontBytes: Buffer | null = null;

/** Noto Sans SC, found by walking up from the working directory to a node_modules that has it. */
function font(): Buffer {
  if (fontBytes) return fontBytes;
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    const candidate = join(dir, FONT_PATH);
    if (existsSync(candidate)) return (fontBytes = readFileSync(candidate));
    if (dirname(dir) === dir) throw new Error(`the certificate font ${FONT_PATH} is not installed`);
  }
}

export interface CertificateContent {
  projectTitle: { zh: string; en: string };
  credit: string;
  outcome: NominationOutcome;
  museumName: { zh: string; en: string };
  date: Date;
  timeZone: string;
}

function dateParts(date: Date, timeZone: string) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date).map((p) => [p.type, p.value]));
  const month = new Intl.DateTimeFormat('en-GB', { timeZone, month: 'long' }).format(date);
  return { zh: `${parts.year}年${Number(parts.month)}月${Number(parts.day)}日`, en: `${Number(parts.day)} ${month} ${parts.year}` };
}

/** A one-page A4 landscape certificate in Chinese and English, with the font embedded as a subset. */
export async function certificatePdf(c: CertificateContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(`${c.museumName.zh} 荣誉证书 / Certificate`);
  const noto = await pdf.embedFont(font(), { subset: true });
  const page = pdf.addPage([841.89, 595.28]);
  const { width, height } = page.getSize();
  const ink = rgb(0.18, 0.13, 0.1);
  const accent = rgb(0.55, 0.16, 0.12);
  page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 48, borderColor: accent, borderWidth: 3 });
  page.drawRectangle({ x: 34, y: 34, width: width - 68, height: height - 68, borderColor: accent, borderWidth: 0.8 });

  const centred = (text: string, y: number, size: number, color = ink) => {
    let s = size;
    while (noto.widthOfTextAtSize(text, s) > width - 120 && s > 8) s -= 1;
    page.drawText(text, { x: (width - noto.widthOfTextAtSize(text, s)) / 2, y, size: s, font: noto, color });
  };
  const outcome = OUTCOME_NAMES[c.outcome];
  const date = dateParts(c.date, c.timeZone);
  centred(c.museumName.zh, height - 90, 20, accent);
  centred(c.museumName.en, height - 114, 12, accent);
  centred('荣誉证书', height - 170, 40);
  centred('Certificate of Achievement', height - 200, 16);
  centred(c.credit, height - 265, 30);
  centred(`在「${c.projectTitle.zh}」小小研究员项目中的研究作品被评为${outcome.zh}。`, height - 315, 16);
  centred(`for the research project “${c.projectTitle.en}”, selected as ${outcome.en} work in the Little Museum Researcher programme.`, height - 340, 11);
  centred('特发此证，以资鼓励。', height - 380, 14);
  centred(`${c.museumName.zh}    ${date.zh}`, 110, 14);
  centred(`${c.museumName.en}    ${date.en}`, 90, 11);
  return pdf.save();
}
