import { expect, test } from 'vitest';
import { hasBadRouterState } from './router-state';

// What Next's client sends when it navigates from an article of World (an app/[section]/[article] page).
const FROM_AN_ARTICLE = encodeURIComponent(
  JSON.stringify([
    '',
    {
      children: [
        ['section', 'world', 'd', null],
        { children: [['article', 'mass-graves-in-aleppo', 'd', null], { children: ['__PAGE__', {}] }] },
      ],
    },
    null,
    null,
  ]),
);

test('lets through a request without a router state, and one with the state Next’s client sends', () => {
  expect(hasBadRouterState({})).toBe(false);
  expect(hasBadRouterState({ 'next-router-state-tree': FROM_AN_ARTICLE })).toBe(false);
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
    [FROM_AN_ARTICLE, FROM_AN_ARTICLE],
  ]) {
    expect(hasBadRouterState({ 'next-router-state-tree': state as string }), String(state).slice(0, 60)).toBe(true);
  }
});
