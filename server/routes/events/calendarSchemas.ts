// Schemas of the iCalendar routes. The feed token is checked for shape in the handler, not here: a token that is
// not one answers 404 like an unknown one, never 422 (nothing about a URL's secret is worth describing).
import { z } from 'zod';

export const feedTokenParams = z.object({ token: z.string().min(1).max(200) });

/** What newToken() makes: 32 random bytes in base64url, 43 characters. */
export const FEED_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
