/**
 * The published forms of other provinces (./fixtures/<place>-<form>/, each with its SOURCE.md),
 * read from every file a bureau meets them as: the saved page, and the same page saved from Word
 * and Excel. Each folder's expected.json was written by hand from the published form, not from a
 * reader's output: every row, value, unit and weight, the profile it must be recognised as and, for
 * a 自评表, the actuals it carries.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Actuals } from '../../core/actuals/actuals.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { readDocumentFile } from '../read-document.ts';
import { readTableFile } from './read-table-file.ts';
import { withoutNullOptionals } from './fixtures.testing.ts';
import { recogniseTables } from './recognise.ts';

interface Expected {
  profile: string;
  documents: TargetDocument[];
  actuals: Actuals | null;
}

const root = resolve(import.meta.dirname, 'fixtures');
const folders = readdirSync(root, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

/** Legacy .doc and .xls are read through LibreOffice, as the issue allows: without it they are not this test's business. */
const LEGACY = new Set(['form.doc', 'form.xls']);
const hasLibreOffice = (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, 'soffice')));

describe.each(folders)('%s', (folder) => {
  const dir = join(root, folder);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  const files = readdirSync(dir).filter((f) => f === 'page.html' || f.startsWith('form.'));

  it('holds its source, the page and the page saved from Word and Excel', () => {
    expect(existsSync(join(dir, 'SOURCE.md'))).toBe(true);
    expect(files).toEqual(expect.arrayContaining(['page.html', 'form.docx', 'form.xlsx']));
  });

  describe.each(files)('%s', (file) => {
    const bytes = () => new Uint8Array(readFileSync(join(dir, file)));

    it.skipIf(LEGACY.has(file) && !hasLibreOffice)('imports with every row, value, unit and weight', async () => {
      const documents = await readDocumentFile(bytes(), file);
      expect(withoutNullOptionals(documents)).toEqual(withoutNullOptionals(expected.documents));
    });

    it.skipIf(LEGACY.has(file) && !hasLibreOffice)('is recognised as its profile, with its actuals', async () => {
      const recognised = recogniseTables(await readTableFile(bytes(), file));
      expect(recognised.profile.id).toBe(expected.profile);
      expect(withoutNullOptionals(recognised.documents)).toEqual(withoutNullOptionals(expected.documents));
      expect(recognised.actuals).toEqual(expected.actuals);
    });
  });
});
