/** Where the console keeps its session (localStorage), and how long before expiry the access token is refreshed. */
export const SESSION_KEY = 'grove.console.session';
export const REFRESH_MARGIN_MS = 30_000;
