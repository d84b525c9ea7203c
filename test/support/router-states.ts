/** What Next's client sends as `Next-Router-State-Tree` when it navigates from World's "Mass Graves in Aleppo". */
export const ARTICLE_ROUTER_STATE = encodeURIComponent(
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
