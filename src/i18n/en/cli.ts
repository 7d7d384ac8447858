import type { Messages } from '../zh-CN/index.ts';

export const cli: Messages['cli'] = {
  description: 'jixiao — import, review, publish, monitor and self-evaluate budget performance targets',
  langOption: 'language: zh-CN (default) or en',
};
