/** `?enabled=true|false` → the server's filter; anything else → no filter. */
export function enabledFilterOf(value: string | undefined): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}
