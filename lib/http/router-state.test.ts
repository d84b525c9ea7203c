import { expect, test } from 'vitest';
import { ARTICLE_ROUTER_STATE } from '../../test/support/router-states';
import { hasBadRouterState } from './router-state';

test('lets through a request without a router state, and one with the state Next’s client sends', () => {
  expect(hasBadRouterState({})).toBe(false);
  expect(hasBadRouterState({ 'next-router-state-tree': ARTICLE_ROUTER_STATE })).toBe(false);
});

test('tells apart a router state Next would refuse: made up, not JSON, too large or sent twice', () => {
  for (const state of [
    'junk',
    encodeURIComponent(
      '["", {"children": ["world", {"children": ["x", {"children": ["__PAGE__", {}]}]}]}, null, null, true]'.replace(
        '"__PAGE__", {}',
        '1, 2',
      ),
    ),
    encodeURIComponent(JSON.stringify({ children: [] })),
    '%E0%A4%A',
    encodeURIComponent(JSON.stringify(['', { children: ['y'.repeat(40_000), {}] }])),
    [ARTICLE_ROUTER_STATE, ARTICLE_ROUTER_STATE],
  ]) {
    expect(hasBadRouterState({ 'next-router-state-tree': state as string }), String(state).slice(0, 60)).toBe(true);
  }
});
