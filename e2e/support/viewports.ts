/** The two screens the site is checked on: a laptop and a small phone. */
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };
