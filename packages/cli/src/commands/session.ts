import type { Actor, InspectionService, InspectionServiceOptions, StorageAdapter } from '@pccovid-inspect/core';
import type { CommandEnv } from '../cli.js';
import { loadWorkspace, openStorage, parseActor, serviceFor, type Workspace } from '../context.js';

/** @internal An open database, its campaign, the service and who acts. */
export interface Session {
  storage: StorageAdapter;
  label: string;
  workspace: Workspace;
  service: InspectionService;
  actor: Actor;
}

/**
 * @internal Opens the database (it must exist), finds the campaign, builds the service, runs `fn`,
 * and closes the database whatever happens.
 */
export async function withSession<T>(env: CommandEnv, fn: (s: Session) => Promise<T>, extra: Partial<InspectionServiceOptions> = {}): Promise<T> {
  const actor = env.global.actor === undefined ? undefined : parseActor(env.global.actor);
  const { storage, label } = await openStorage(env.global.db, false);
  try {
    const workspace = await loadWorkspace(storage, env.global.campaign);
    const service = serviceFor(storage, workspace.province, { clock: env.clock, ...extra });
    return await fn({ storage, label, workspace, service, actor: actor ?? workspace.director });
  } finally {
    await storage.dispose();
  }
}
