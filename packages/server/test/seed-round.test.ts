import { HA_TINH_2021_UNIT_PROFILES, unitAnswers } from '@pccovid-inspect/testkit/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, command, query, startServer, tokenFor, type TestServer } from './server-harness.js';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`).toISOString();

describe('the seed round over HTTP (plain fetch)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  }, 60_000);
  afterAll(() => s?.close());

  it('runs directory → campaign → plan → nominations → team → targets → schedule → a visit → report', async () => {
    const { director, lead, secretary } = ACTORS;
    const { seed } = s;
    const campaignId = seed.campaign.id;
    await command(s.url, director, 'directory.register', { organizations: seed.bodies, people: seed.people });
    expect((await command(s.url, director, 'campaign.create', { campaign: seed.campaign })).state).toBe('draft');
    expect((await command(s.url, director, 'plan.issue', { campaignId, issuedOn: '2021-11-26' })).state).toBe('issued');
    await command(s.url, lead, 'nominations.request', { campaignId, sentOn: '2021-11-26' });
    s.clock.set(at('2021-11-27', '09:00'));
    await command(s.url, lead, 'nomination.record', { campaignId, organizationId: 'org-syt', personId: 'p-health', receivedOn: '2021-11-27', districtCode: null });
    await command(s.url, lead, 'nomination.record', { campaignId, organizationId: 'org-vhtt-436', personId: 'p-vhtt-436', receivedOn: '2021-11-27', districtCode: '436' });
    s.clock.set(at('2021-11-30', '08:00'));
    const team = [
      { personId: 'p-lead', role: 'lead', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
      { personId: 'p-secretary', role: 'secretary', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
      { personId: 'p-health', role: 'member', organizationId: 'org-syt', source: 'health', districtCode: null },
      { personId: 'p-vhtt-436', role: 'member', organizationId: 'org-vhtt-436', source: 'district_culture_info', districtCode: '436' },
    ];
    await command(s.url, director, 'team.form', { campaignId, name: 'Tổ Kiểm tra PC-Covid', members: team, decidedOn: '2021-11-30' });
    for (const target of seed.targets) await command(s.url, lead, 'target.register', { target });
    await command(s.url, lead, 'visit.schedule', {
      visitId: 'visit-01',
      campaignId,
      targetId: 'tg-cho-ht',
      scheduledOn: '2021-12-07',
      memberIds: ['p-lead', 'p-secretary', 'p-vhtt-436'],
    });
    expect((await command(s.url, lead, 'schedule.fix', { campaignId })).state).toBeTypeOf('string');

    s.clock.set(at('2021-12-07', '08:00'));
    const visitId = 'visit-01';
    expect((await command(s.url, lead, 'visit.start', { visitId })).state).toBe('underway');
    const answers = unitAnswers(HA_TINH_2021_UNIT_PROFILES['tg-cho-ht']!, '2021-12-07', 'tg-cho-ht');
    const answered = await command(s.url, secretary, 'answers.record', { visitId, answers, complete: true });
    expect(answered.verdict).toBeTypeOf('string');
    await command(s.url, secretary, 'minutes.draft', {
      visitId,
      endedAt: at('2021-12-07', '10:00'),
      place: 'Chợ Hà Tĩnh',
      representatives: [{ fullName: 'Phạm Thị Lựu', position: 'Trưởng Ban quản lý chợ' }],
      explanation: null,
      assessment: 'Chợ đã niêm yết mã QR PC-Covid nhưng hầu như không có người quét',
    });
    await command(s.url, lead, 'minutes.sign', { visitId, signedAt: at('2021-12-07', '10:05') });
    await command(s.url, director, 'visit.review', { visitId });
    expect((await command(s.url, lead, 'visit.close', { visitId })).state).toBe('closed');

    s.clock.set(at('2021-12-17', '08:00'));
    await command(s.url, director, 'reporting.begin', { campaignId, issuedOn: '2021-12-17', addressedToOrganizationId: 'org-ubnd-tinh', summary: 'Kết quả kiểm tra PC-Covid' });

    const overview = await query(s.url, ACTORS.viewer, 'campaignOverview.get', { campaignId });
    expect(overview.reportNumberSymbol).toBeTypeOf('string');
    expect((overview.visits as { total: number }).total).toBe(1);
    const docs = (await query(s.url, director, 'documents.list', { campaignId })) as unknown as { ref: { kind: string } }[];
    expect(docs.map((d) => d.ref.kind)).toEqual(expect.arrayContaining(['plan', 'teamDecision', 'minutes', 'report']));

    // The report as the OfficialDocument model, and as a PDF.
    const token = await tokenFor(director);
    const asJson = await fetch(`${s.url}/v1/documents/report/${campaignId}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    expect(asJson.status).toBe(200);
    expect(((await asJson.json()) as { kind: string }).kind).toBeTypeOf('string');
    const pdf = await fetch(`${s.url}/v1/documents/minutes/${visitId}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/pdf' } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('vary')).toBe('Accept');
    expect(pdf.headers.get('content-disposition')).toContain('minutes-visit-01.pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    const docx = await fetch(`${s.url}/v1/documents/plan/${campaignId}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    });
    expect(docx.status).toBe(200);
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    const refused = await fetch(`${s.url}/v1/documents/plan/${campaignId}`, { headers: { authorization: `Bearer ${token}`, accept: 'text/html' } });
    expect(refused.status).toBe(406);
    expect(((await refused.json()) as { code: string }).code).toBe('NOT_ACCEPTABLE');
  }, 120_000);
});
