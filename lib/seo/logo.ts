/** The publisher's logo in public/ (512×512 PNG): feeds and structured data name it. */
export const LOGO = { path: '/logo.png' } as const;
