/**
 * The lite pages' one stylesheet, inline: system fonts, one column, the site's palette,
 * and the dark palette when the device asks for it. Kept well under 4 KB (a unit test checks).
 */
export const LITE_STYLESHEET = `
:root{color-scheme:light dark;--paper:#fdfcf8;--ink:#15130f;--muted:#57534b;--rule:#d8d2c6;--accent:#a3141c;--link:#15130f}
@media (prefers-color-scheme:dark){:root{--paper:#14130f;--ink:#ece8df;--muted:#b5ae9f;--rule:#3d3a33;--accent:#ff8a80;--link:#ece8df}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0 auto;max-width:42rem;padding:0 1rem 2rem;background:var(--paper);color:var(--ink);font:1.125rem/1.6 Georgia,'Iowan Old Style','Times New Roman',serif}
a{color:var(--link);text-underline-offset:.15em}
a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:.5rem;background:var(--paper);padding:.5rem}
header{border-bottom:2px solid var(--ink);padding:.75rem 0 .25rem}
.site{font-size:1.5rem;font-weight:700;margin:0}
.site a{text-decoration:none}
nav ul,.list{list-style:none;margin:0;padding:0}
nav li{display:inline-block;margin:0 .75rem 0 0}
nav a,footer a,.kicker a{display:inline-block;min-height:2.75rem;line-height:2.75rem}
.kicker,.meta,.summary,footer,nav,.dateline{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}
nav,.meta,footer{font-size:.9375rem}
.kicker{font-size:.8125rem;font-weight:700;letter-spacing:.12em;text-transform:uppercase;margin:1.25rem 0 0}
.kicker a{color:var(--accent)}
h1{font-size:2rem;line-height:1.15;margin:.5rem 0}
h2{font-size:1.375rem;line-height:1.25;margin:2rem 0 .25rem}
.list h2,.list h3{font-size:1.25rem;margin:0}
.list li{border-top:1px solid var(--rule);padding:.75rem 0}
.summary{margin:.25rem 0 0;font-size:1rem}
.meta,.summary{color:var(--muted)}
.meta{margin:.25rem 0 0}
.dateline{font-size:.85em;font-weight:700;text-transform:uppercase}
.byline{margin:.25rem 0 0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}
.note{border-inline-start:4px solid var(--accent);padding:.25rem 1rem;margin:1rem 0;font-size:1rem}
.note p{margin:.25rem 0}
.note b{color:var(--accent)}
article p{margin:1rem 0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{border-top:1px solid var(--rule);margin-top:2rem;padding-top:.5rem}
`
  .trim()
  .replace(/\n/gu, '');
