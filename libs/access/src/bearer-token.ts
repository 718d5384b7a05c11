/** The token of `Authorization: Bearer <token>`, or null for any other header value. */
export function readBearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') {
    return null;
  }
  return /^Bearer +(\S+) *$/i.exec(header)?.[1] ?? null;
}
