/** English messages: the same shape as the Chinese ones (the first language), checked by the compiler. */
import type { Messages } from '../zh-CN/index.ts';
import { cli } from './cli.ts';
import { formats } from './formats.ts';
import { textFormat } from './textFormat.ts';
import { exchangeFormat } from './exchangeFormat.ts';
import { monitoring } from './monitoring.ts';
import { evaluation } from './evaluation.ts';
import { review } from './review.ts';
import { server } from './server.ts';
import { publication } from './publication.ts';
import { web } from './web.ts';
import { diff } from './diff.ts';
import { library } from './library.ts';
import { bulk } from './bulk.ts';
import { exAnte } from './exAnte.ts';
import { adjustments } from './adjustments.ts';
import { evaluationTasks } from './evaluationTasks.ts';
import { transfer } from './transfer.ts';
import { notices } from './notices.ts';
import { evaluations } from './evaluations.ts';
import { rectification } from './rectification.ts';

export const en: Messages = {
  cli,
  formats,
  textFormat,
  exchangeFormat,
  monitoring,
  evaluation,
  review,
  server,
  publication,
  web,
  diff,
  library,
  bulk,
  exAnte,
  adjustments,
  evaluationTasks,
  transfer,
  notices,
  evaluations,
  rectification,
};
