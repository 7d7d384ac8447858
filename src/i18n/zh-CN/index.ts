/**
 * 全部面向用户的中文文字（界面、命令行、审核意见、导出）。中文是第一语言；
 * 英文版在 ../en/，与此结构相同（由类型检查保证）。
 */
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

export const zhCN = {
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

export type Messages = typeof zhCN;
