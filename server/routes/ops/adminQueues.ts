// The BullMQ dashboard at /admin/queues, for owners and managers of any community only.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Express, NextFunction, Request, Response } from 'express';
import type { Deps } from '../../deps';
import { fail } from '../../errors';
import { requireUser } from '../../middlewares/authenticate';

const BASE_PATH = '/admin/queues';

/** Mounts the dashboard behind a role check. */
export function mountAdminQueues(app: Express, deps: Deps): void {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(BASE_PATH);
  createBullBoard({ queues: [new BullMQAdapter(deps.queues.flagging)], serverAdapter: adapter });
  const onlyManagers = async (req: Request, _res: Response, next: NextFunction) => {
    const auth = requireUser(req);
    const count = await deps.db.membership.count({ where: { userId: auth.user.id, status: 'active', role: { in: ['owner', 'manager'] } } });
    if (count === 0) fail('forbidden');
    next();
  };
  app.use(BASE_PATH, onlyManagers, adapter.getRouter());
}
