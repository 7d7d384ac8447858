/**
 * The CJK fonts for what jixiao prints itself. The serif it ships: Noto Serif SC (SIL Open Font
 * License), from the npm package @expo-google-fonts/noto-serif-sc, as TrueType files; the PDF embeds
 * it (subset) for 宋体, 小标宋 and the body, so a PDF looks the same on any machine, and the DOCX writer
 * measures text with it to number the table of contents. The sans for 黑体 (headings) is Noto Sans CJK
 * (also OFL) where the system has it, as Debian's fonts-noto-cjk installs it; elsewhere headings fall
 * back to the shipped serif's bold. No FangSong-style face with a free licence is packaged anywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
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

/** A font file, and the face's PostScript name when the file is a collection (.ttc). */
export type FontFile = string | [file: string, postscriptName: string];

/** Where distributions install Noto Sans CJK: Debian and Ubuntu (fonts-noto-cjk), Fedora, Arch. */
const SANS_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/google-noto-cjk', '/usr/share/fonts/noto-cjk'];

/** Noto Sans CJK SC, regular and bold, as installed on this machine; null where it is not. */
export function sansFontFiles(): { regular: FontFile; bold: FontFile } | null {
  for (const dir of SANS_DIRS) {
    const regular = join(dir, 'NotoSansCJK-Regular.ttc');
    const bold = join(dir, 'NotoSansCJK-Bold.ttc');
    if (existsSync(regular) && existsSync(bold)) return { regular: [regular, 'NotoSansCJKsc-Regular'], bold: [bold, 'NotoSansCJKsc-Bold'] };
  }
  return null;
}
