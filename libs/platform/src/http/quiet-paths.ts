/** Paths that are neither logged per request nor rate limited: assets, health probes, the favicon. */
export const QUIET_PATHS = /^\/(assets\/|health|favicon)/;
