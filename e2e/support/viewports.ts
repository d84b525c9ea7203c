/** The two screens the site is checked on: a laptop and a small phone. */
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

/** Each screen by name, for specs that run the same checks on both. */
export const SCREENS = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const;
