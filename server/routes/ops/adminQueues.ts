// The BullMQ dashboard at /admin/queues, for instance administrators only: it shows and controls every community's
// jobs (pause, retry, add, clean, obliterate), so no community role opens it. Community staff see their own
// community's jobs in Rukun instead (GET /api/communities/:slug/moderation/jobs).
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Express, NextFunction, Request, Response } from 'express';
import type { Deps } from '../../deps';
import { fail } from '../../errors';
import { requireUser } from '../../middlewares/authenticate';
import { isInstanceAdmin } from '../../queries/instanceAdmins';

const BASE_PATH = '/admin/queues';

/** Mounts the dashboard behind the instance-admin check: 401 signed out, 404 for everyone else (it does not exist for them). */
export function mountAdminQueues(app: Express, deps: Deps): void {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(BASE_PATH);
  // The mail queue too: an operator watching an SMTP outage sees its retries there (its jobs carry no addresses).
  createBullBoard({ queues: [new BullMQAdapter(deps.queues.flagging), new BullMQAdapter(deps.queues.mail)], serverAdapter: adapter });
  const onlyInstanceAdmins = async (req: Request, _res: Response, next: NextFunction) => {
    const auth = requireUser(req);
    if (!(await isInstanceAdmin({ db: deps.db }, auth.user.id))) fail('not_found');
    next();
  };
  app.use(BASE_PATH, onlyInstanceAdmins, adapter.getRouter());
}
