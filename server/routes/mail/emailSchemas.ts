import { z } from 'zod';
import { slugParams } from '../schemas';
import { UNSUBSCRIBE_TOKEN_MAX } from '../../mail/unsubscribeToken';

/** Changes to the e-mail switches of one or more communities; a switch left out keeps its value. */
export const emailPreferencesBody = z.object({
  preferences: z
    .array(
      z
        .object({ slug: slugParams.shape.slug, digest: z.boolean().optional(), events: z.boolean().optional() })
        .strict()
        .refine((p) => p.digest !== undefined || p.events !== undefined, 'name at least one of digest, events'),
    )
    .min(1)
    .max(100),
});

export const unsubscribeParams = z.object({ token: z.string().min(1).max(UNSUBSCRIBE_TOKEN_MAX) });
