// OAuth2 for mailboxes (Gmail, Microsoft 365): an access token lasts about an hour, so Pursuit
// refreshes it itself from the refresh token the rep granted (RFC 6749 section 6), at the provider's
// token endpoint, and keeps the new one (and a rotated refresh token, when the provider sends one).

export interface OAuthClient {
  tokenUrl: string;
  clientId: string;
  clientSecret?: string | undefined;
}

export interface OAuthTokens {
  refreshToken: string;
  accessToken?: string | undefined;
  /** When the access token stops working (epoch ms). */
  expiresAt?: number | undefined;
}

/** The well-known token endpoints, so a rep need not look them up. */
export const TOKEN_URLS = {
  google: 'https://oauth2.googleapis.com/token',
  microsoft: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
} as const;

/** A token is refreshed this long before it expires, so a send never starts with one about to end. */
const MARGIN_MS = 5 * 60_000;

export function needsRefresh(tokens: OAuthTokens, now: number): boolean {
  return (
    tokens.accessToken === undefined || tokens.expiresAt === undefined || tokens.expiresAt - MARGIN_MS <= now
  );
}

export async function refreshTokens(
  client: OAuthClient,
  tokens: OAuthTokens,
  now: number,
  fetcher: typeof fetch = fetch,
): Promise<OAuthTokens> {
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: tokens.refreshToken,
    client_id: client.clientId,
    ...(client.clientSecret === undefined ? {} : { client_secret: client.clientSecret }),
  });
  let response: Response;
  try {
    response = await fetcher(client.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new Error(`the token endpoint ${client.tokenUrl} cannot be reached: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const answer = (await response.json().catch(() => ({}))) as {
    access_token?: string;
    expires_in?: number;
    refresh_token?: string;
    error?: string;
    error_description?: string;
  };
  if (!response.ok || typeof answer.access_token !== 'string') {
    const why = answer.error_description ?? answer.error ?? `HTTP ${response.status}`;
    throw new Error(`the provider refused to refresh the access token (${why}): connect the mailbox again`);
  }
  return {
    refreshToken: answer.refresh_token ?? tokens.refreshToken,
    accessToken: answer.access_token,
    expiresAt: now + (answer.expires_in ?? 3600) * 1000,
  };
}
