/**
 * The web import's preview reviews another province's form as that form (the profile it was
 * recognised as), and says which 自评表 statements still hold the template's instructions.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorld, type World } from './fixture.testing.ts';
import { testDatabases } from './testing.ts';

const FIXTURES = resolve(import.meta.dirname, '../formats/tables/fixtures');

// The review is the core's, not the database's: one database is enough.
for (const make of testDatabases().slice(0, 1)) {
  const database = make();
  describe('the review an import preview shows', () => {
    let w: World;
    beforeAll(async () => {
      w = await openWorld(database);
    }, 120_000);
    afterAll(() => w?.close());

    const findingsOf = async (fixture: string) => {
      const r = await w.clients.ownUnit.request('POST', '/api/import/preview?fileName=page.html', {
        raw: readFileSync(resolve(FIXTURES, fixture, 'page.html')),
        contentType: 'text/html',
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json().documents[0].findings as Array<{ ruleId: string; field: string }>;
    };

    it('follows the form the file is: nothing asked of 湘潭’s form that it does not print (资金用途, 资金支出计划)', async () => {
      const rules = (await findingsOf('hunan-xiangtan-declaration')).map((f) => f.ruleId);
      expect(rules).not.toContain('completeness.use-of-funds');
      expect(rules).not.toContain('completeness.spending-plan');
      expect(rules).toContain('classification.satisfaction-outside');
    });

    it('names the 自评表 statements never filled in (青神)', async () => {
      const left = (await findingsOf('sichuan-qingshen-self-evaluation')).filter((f) => f.ruleId === 'evaluation.instructionLeft');
      expect(left.map((f) => f.field)).toContain('evaluation.statements.conclusion');
    });
  });
}
