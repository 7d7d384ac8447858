/**
 * The three "产出 covers …" rules differ only in the 二级 they look for and how much its absence
 * weighs. They stay silent when a project has no 产出 at all (completeness.missing-level1 says so).
 */
import type { Level2Kind } from '../../framework/framework.ts';
import type { Severity } from '../finding.ts';
import { defineRule, type RuleParams } from '../rule.ts';

type OutputDimensionRule = 'completeness.output-quantity' | 'completeness.output-quality' | 'completeness.output-timeliness';

export const outputDimension = <Id extends OutputDimensionRule>(id: Id, dimension: Level2Kind, severity: Severity) =>
  defineRule<Id>({
    id,
    family: 'completeness',
    severity,
    source: { regulation: 'caiyu-2015-88', clause: 'indicators' },
    scope: 'project',
    check(context, report) {
      if (context.level1s.has('output') && !context.outputLevel2s.has(dimension))
        report(context, 'indicators.level2', {} as RuleParams<Id>);
    },
  });
