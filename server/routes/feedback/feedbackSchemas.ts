// Request schemas of the feedback inbox. Unknown body fields are refused: a misspelt `stauts` silently ignored would
// leave a moderator believing the item was resolved.
import { z } from 'zod';
import { pageQuery, text } from '../schemas';

export const FEEDBACK_BODY_MAX = 5000;
export const FEEDBACK_REPLY_MAX = 5000;

const NOTHING_TO_CHANGE = {
  en: 'Nothing to change: give a status, a reply, an assignee or a screening.',
  id: 'Tidak ada yang diubah: isi status, balasan, penanggung jawab, atau penyaringan.',
};

const kind = z.enum(['question', 'suggestion', 'problem']);
const status = z.enum(['new', 'in_progress', 'resolved']);

/** POST /communities/:slug/feedback */
export const sendFeedbackBody = z.strictObject({
  kind,
  body: text({ min: 1, max: FEEDBACK_BODY_MAX }).meta({ minLength: 1, maxLength: FEEDBACK_BODY_MAX, description: 'Trimmed.' }),
});

/** PATCH /feedback/:id: at least one change; `version` guards against overwriting what another moderator did. */
export const updateFeedbackBody = z
  .strictObject({
    status: status.optional(),
    reply: text({ min: 1, max: FEEDBACK_REPLY_MAX }).meta({ minLength: 1, maxLength: FEEDBACK_REPLY_MAX, description: 'Trimmed; appended as a staff reply and notified to the author.' }).optional(),
    assignee: z.union([z.literal('me'), z.null()]).optional().meta({ description: '"me" takes the item (409 already_claimed when someone else has it and no version is given); null gives it back.' }),
    screening: z.literal('clear').optional().meta({ description: 'Releases held feedback into the inbox (announced as feedback:new).' }),
    version: z.number().int().min(0).max(2_147_483_647).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.status !== undefined || body.reply !== undefined || body.assignee !== undefined || body.screening !== undefined) return;
    // validate.ts gives the reader the sentence in their language and the client a stable `reason`.
    ctx.addIssue({ code: 'custom', message: NOTHING_TO_CHANGE.en, params: { reason: 'nothing_to_change', messages: NOTHING_TO_CHANGE } });
  });

export type UpdateFeedbackBody = z.output<typeof updateFeedbackBody>;

/** GET /communities/:slug/feedback */
export const inboxQuery = pageQuery.extend({
  status: status.optional(),
  kind: kind.optional(),
  assignee: z.string().min(1).max(64).optional().meta({ description: '"me", "none" or a user id' }),
  screening: z.enum(['clear', 'held']).default('clear').meta({ description: '"held": feedback the checker held, with its reasons' }),
  waitingHours: z.coerce.number().int().min(0).max(24 * 365).optional().meta({ description: 'Only unanswered open items older than this many hours' }),
});
