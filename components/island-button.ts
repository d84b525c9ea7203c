/** The look of every button an island draws (listen, save, share, "Updated: show", follow): one rule. */
export const ISLAND_BUTTON =
  'inline-flex min-h-10 cursor-pointer items-center gap-2 rounded-sm border border-rule px-3 text-sm font-semibold hover:border-ink';
