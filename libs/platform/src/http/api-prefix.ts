/** The JSON API lives under this prefix; pages live at `/`. */
export const API_PREFIX = 'api/v1';
