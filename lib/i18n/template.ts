/**
 * A client component's phrase with words in it: `{name}` in the dictionary's text, filled in the
 * browser (its words come as props, which carry no functions). A name not given stays as written.
 */
export const fill = (template: string, values: Readonly<Record<string, string>>): string =>
  template.replace(/\{(\w+)\}/gu, (whole, name: string) => values[name] ?? whole);
