import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { named } from '../../i18n/message-ref.ts';
import { openZip } from '../zip-reader.ts';
import { sheetMerges } from './sheet-merges.ts';

describe('sheetMerges', () => {
  it('finds each sheet’s merged ranges through the workbook’s relationships, whatever the prefixes and target paths', () => {
    const zip = zipSync({
      'xl/workbook.xml': strToU8(
        '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
          '<x:sheets><x:sheet name="申报&amp;批复" sheetId="1" rel:id="R1"/><x:sheet name="空" sheetId="2" rel:id="R2"/></x:sheets></x:workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="R1" Type="worksheet" Target="/xl/worksheets/a.xml"/><Relationship Id="R2" Type="worksheet" Target="worksheets/b.xml"/></Relationships>',
      ),
      'xl/worksheets/a.xml': strToU8(
        '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/>' +
          '<x:mergeCells count="2"><x:mergeCell ref="A2:A4"/><x:mergeCell ref="B2:AB3"/></x:mergeCells></x:worksheet>',
      ),
      'xl/worksheets/b.xml': strToU8('<worksheet><sheetData/></worksheet>'),
    });
    const merges = sheetMerges(openZip(zip, 'a.xlsx', named.formats.zip.broken));
    expect([...merges]).toEqual([
      [
        '申报&批复',
        [
          { top: 1, left: 0, bottom: 3, right: 0 },
          { top: 1, left: 1, bottom: 2, right: 27 },
        ],
      ],
    ]);
  });
});
