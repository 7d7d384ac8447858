/**
 * The CJK font jixiao ships for what it prints itself: Noto Serif SC (SIL Open Font License), from the
 * npm package @expo-google-fonts/noto-serif-sc, as TrueType files. The PDF embeds it (subset), so a PDF
 * looks the same on any machine; the DOCX writer measures text with it to number the table of contents.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const packageDir = () => dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-serif-sc/package.json'));

export const FONT_FILES = {
  regular: () => join(packageDir(), '400Regular', 'NotoSerifSC_400Regular.ttf'),
  bold: () => join(packageDir(), '700Bold', 'NotoSerifSC_700Bold.ttf'),
};

let loaded: { regular: Uint8Array; bold: Uint8Array } | null = null;

/** The font files' bytes, read once (about 15 MB each). */
export function fontData(): { regular: Uint8Array; bold: Uint8Array } {
  loaded ??= { regular: readFileSync(FONT_FILES.regular()), bold: readFileSync(FONT_FILES.bold()) };
  return loaded;
}
