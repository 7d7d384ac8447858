/**
 * The shapes of the endpoints about an indicator's past and its peers (issue 15): each row's 上年 /
 * 前年, the suggestions for a project, and the public comparison with peers — as the server's
 * schemas (src/server/history-schemas.ts) put them on the wire.
 */
import type * as HistoryApi from '../../server/history-schemas.ts';
import type { Wire } from './types.ts';

export type PastValue = Wire<typeof HistoryApi.PastValue>;
/** GET /api/documents/:id/history */
export type DocumentHistory = Wire<typeof HistoryApi.DocumentHistory>;
/** One suggestion for a project (GET /api/projects/:id/suggestions). */
export type SuggestionView = Wire<typeof HistoryApi.SuggestionView>;
export type SuggestionList = Wire<typeof HistoryApi.Suggestions>;
/** GET /api/public/indicators/:indicatorId/peers: a published row's peers, as anyone may read them. */
export type PeerComparison = Wire<typeof HistoryApi.PublicPeers>;
