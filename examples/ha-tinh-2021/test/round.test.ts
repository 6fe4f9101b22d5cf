import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { runRound, ACTORS } from '../src/round.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the Hà Tĩnh 2021 round (main job) on a real SQLite file', () => {
  it('runs every step to a closed campaign, and the file holds it after reopening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pcci-round-'));
    dirs.push(dir);
    const file = join(dir, 'round.db');
    const steps: string[] = [];
    const storage = createSqliteStorage({ filename: file });
    const { service, campaignId, visitIds, remediationIds } = await runRound(storage, (vi, _en, result) => steps.push(`${vi} → ${result}`));
    expect(visitIds).toHaveLength(8);
    expect(remediationIds).toHaveLength(2);
    expect(steps.at(-1)).toContain('closed');
    const overview = await service.getCampaignOverview(ACTORS.viewer, { campaignId });
    expect(overview).toMatchObject({ state: 'closed', nominations: { total: 4, late: 1 }, remediation: { byState: { resolved: 1, sanctionProposed: 1 } } });
    expect(overview.visits.byState).toEqual({ reviewed: 8 });
    await storage.dispose();

    const reopened = createSqliteStorage({ filename: file });
    const stored = await reopened.get('campaigns', '42', campaignId);
    expect(stored?.version).toBeGreaterThan(10);
    expect((await reopened.readAudit('42', { limit: 1000 })).length).toBeGreaterThan(60);
    await reopened.dispose();
  });
});
