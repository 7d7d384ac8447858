/**
 * Rendering for the publication tests, with Debian's tools (.ci/run installs them): poppler-utils
 * (pdftotext, pdftoppm, pdfinfo, pdffonts) and LibreOffice (DOCX → PDF). A missing tool fails the
 * test that needs it, with the package to install: nothing is skipped.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';

const PACKAGES: Record<string, string> = {
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdffonts: 'poppler-utils',
  soffice: 'libreoffice-writer-nogui',
};

function run(tool: string, args: readonly string[], env: Record<string, string> = {}): string {
  try {
    return execFileSync(tool, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 180_000,
      env: { ...process.env, ...env },
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is not installed: apt-get install ${PACKAGES[tool]} (see .ci/run)`);
    }
    throw e;
  }
}

export const workDir = (): string => mkdtempSync(join(tmpdir(), 'jixiao-render-'));

/** The PDF's text in content order (pdfmake writes a table cell's lines together). */
export function pdfText(pdf: Uint8Array): string {
  const dir = workDir();
  writeFileSync(join(dir, 'a.pdf'), pdf);
  return run('pdftotext', ['-raw', '-enc', 'UTF-8', join(dir, 'a.pdf'), '-']);
}

/** The text of each page (pdftotext ends each page with a form feed). */
export function pdfPageTexts(pdf: Uint8Array): string[] {
  return pdfText(pdf).split('\f').slice(0, -1);
}

export function pdfInfo(pdf: Uint8Array): { pages: number; pageSize: string; fonts: string } {
  const dir = workDir();
  const file = join(dir, 'a.pdf');
  writeFileSync(file, pdf);
  const info = run('pdfinfo', [file]);
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    pageSize: /Page size:\s+(.*)/.exec(info)?.[1]?.trim() ?? '',
    fonts: run('pdffonts', [file]),
  };
}

/** Pages as grayscale PNG files, `first`..`last` (1-based). */
export function pdfPages(pdf: Uint8Array, dpi: number, first: number, last: number): string[] {
  const dir = workDir();
  writeFileSync(join(dir, 'a.pdf'), pdf);
  run('pdftoppm', ['-gray', '-png', '-r', String(dpi), '-f', String(first), '-l', String(last), join(dir, 'a.pdf'), join(dir, 'page')]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * The DOCX as LibreOffice prints it (its own profile each time, so runs do not collide), with a
 * fontconfig file that maps Windows' Chinese font names to the installed faces.
 */
export function docxToPdf(docx: Uint8Array, fontconfig: string): Uint8Array {
  const dir = workDir();
  writeFileSync(join(dir, 'a.docx'), docx);
  run(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'a.docx')],
    {
      FONTCONFIG_FILE: fontconfig,
    },
  );
  return new Uint8Array(readFileSync(join(dir, 'a.pdf')));
}

export interface ImageDifference {
  sameSize: boolean;
  /** Mean difference of 8×8-pixel block averages, 0 (same) to 1 (black on white). */
  mean: number;
  /** The largest block difference. */
  worst: number;
}

/**
 * A loose comparison that font hinting and anti-aliasing do not upset: pages are compared as averages
 * of 8×8-pixel blocks, so a shifted glyph edge barely counts while a missing line, table or paragraph does.
 */
export function compareImages(a: string, b: string): ImageDifference {
  const pa = PNG.sync.read(readFileSync(a));
  const pb = PNG.sync.read(readFileSync(b));
  if (pa.width !== pb.width || pa.height !== pb.height) return { sameSize: false, mean: 1, worst: 1 };
  const B = 8;
  let total = 0;
  let worst = 0;
  let blocks = 0;
  for (let by = 0; by + B <= pa.height; by += B) {
    for (let bx = 0; bx + B <= pa.width; bx += B) {
      let sa = 0;
      let sb = 0;
      for (let y = by; y < by + B; y++) {
        for (let x = bx; x < bx + B; x++) {
          const i = (y * pa.width + x) * 4;
          sa += pa.data[i]!;
          sb += pb.data[i]!;
        }
      }
      const d = Math.abs(sa - sb) / (B * B * 255);
      total += d;
      worst = Math.max(worst, d);
      blocks++;
    }
  }
  return { sameSize: true, mean: total / blocks, worst };
}

/** With JIXIAO_UPDATE_REFERENCE=1 the fresh render becomes the reference (look at it before committing). */
export function referenceImage(dir: string, name: string, fresh: string): string {
  const path = join(dir, name);
  if (process.env.JIXIAO_UPDATE_REFERENCE === '1') {
    mkdirSync(dir, { recursive: true });
    copyFileSync(fresh, path);
  }
  return path;
}

/** A page of the render kept in test-output/ for people to look at (the issue asks for them there). */
export function keepRender(png: string, name: string): void {
  const dir = join(import.meta.dirname, '../../../test-output/renders');
  mkdirSync(dir, { recursive: true });
  copyFileSync(png, join(dir, name));
}

/**
 * Whether the lowest thing drawn on the page above its footer (the lowest `footer` share of the page)
 * is a horizontal line across at least `share` of the page's width: a table closed at the page foot,
 * not left open there.
 */
export function endsWithRule(png: string, share = 0.5, footer = 0.09): boolean {
  const image = PNG.sync.read(readFileSync(png));
  const dark = (x: number, y: number) => image.data[(y * image.width + x) * 4]! < 160;
  for (let y = Math.floor(image.height * (1 - footer)); y > 0; y--) {
    let any = false;
    let run = 0;
    let longest = 0;
    for (let x = 0; x < image.width; x++) {
      if (dark(x, y)) {
        any = true;
        longest = Math.max(longest, ++run);
      } else run = 0;
    }
    if (any) return longest >= share * image.width;
  }
  return false;
}
