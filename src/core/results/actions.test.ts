import { describe, expect, it } from 'vitest';
import { DEFAULT_RESULT_ACTIONS, recommendedAction } from './actions.ts';

describe('recommended budget action', () => {
  it('follows the evaluation grade before the self-evaluation grade', () => {
    expect(recommendedAction('优', '差', DEFAULT_RESULT_ACTIONS)).toBe('削减或取消');
    expect(recommendedAction('优', null, DEFAULT_RESULT_ACTIONS)).toBe('保持或增加');
    expect(recommendedAction(null, null, DEFAULT_RESULT_ACTIONS)).toBeNull();
  });
  it('takes the bureau’s own actions', () => {
    expect(recommendedAction('中', null, { ...DEFAULT_RESULT_ACTIONS, 中: '压减10%' })).toBe('压减10%');
  });
});
