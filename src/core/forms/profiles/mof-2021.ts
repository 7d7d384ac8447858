import type { FormProfile } from '../profile.ts';
import { hebei2020 } from './hebei-2020.ts';

/**
 * The 2021 framework (财预〔2021〕101号): 成本 becomes a 一级 before 产出, 效益 replaces 效果. The
 * notice's template layout was not found (docs/forms/README.md, "National"), so the form is the
 * sample's — its columns, header and parts — which jixiao prints for every year from 2021 unless a
 * bureau picks another profile.
 */
export const mof2021: FormProfile = {
  ...hebei2020,
  id: 'mof-2021',
  version: 1,
  region: '财政部框架（2021年起）',
  framework: '2021',
  level1: [
    { kind: 'cost', name: '成本指标' },
    { kind: 'output', name: '产出指标' },
    { kind: 'outcome', name: '效益指标' },
    { kind: 'satisfaction', name: '满意度指标' },
  ],
  source: 'docs/forms/README.md#national-财预20211012号',
};
