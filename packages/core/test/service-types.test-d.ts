/**
 * The service as a consumer's compiler sees it (checked by `pnpm typecheck`): inputs typed by
 * their schemas, unknown keys refused, results typed, and the method names derived from the
 * command table by one rule.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  ActorInput,
  CommandInput,
  CommandName,
  CommandOutput,
  CommandResult,
  InspectionService,
  MethodName,
  OfficialDocument,
  PERMISSIONS,
  VisitView,
} from '@pccovid-inspect/core';
import { COMMANDS } from '@pccovid-inspect/core';

declare const service: InspectionService;
const lead: ActorInput = { role: 'inspectorateLead', id: 'p-lead' };

describe('the typed service', () => {
  it('types each input by its schema and refuses a wrong type or a misspelt key', () => {
    void service.startVisit(lead, { visitId: 'visit-03' });
    // @ts-expect-error a visit id is a string
    void service.startVisit(lead, { visitId: 1 });
    // @ts-expect-error misspelt key: visitID
    void service.startVisit(lead, { visitID: 'visit-03' });
    // @ts-expect-error unknown key
    void service.closeVisit(lead, { visitId: 'visit-03', archiveCod: 'VT' });
    // @ts-expect-error the input is required
    void service.reviewVisit(lead);
  });

  it('lets inputs with defaults or clock-defaulted instants leave them out', () => {
    void service.signMinutes(lead, { visitId: 'visit-03' });
    void service.draftMinutes(lead, { visitId: 'visit-03', place: 'Chợ Hà Tĩnh', representatives: [{ fullName: 'Nguyễn Thị Mai', position: 'Trưởng ban' }], assessment: 'Đạt' });
    void service.listMessages(lead);
    void service.verifyAudit(lead);
    void service.deliverOutbox(lead);
  });

  it('types the actor', () => {
    // @ts-expect-error not a role
    void service.startVisit({ role: 'mayor', id: 'p' }, { visitId: 'visit-03' });
  });

  it('returns the real result type of each command', () => {
    expectTypeOf(service.issuePlan).returns.resolves.toEqualTypeOf<{ numberSymbol: string; id: string; state: string; version: number }>();
    expectTypeOf(service.startVisit).returns.resolves.toEqualTypeOf<CommandResult>();
    expectTypeOf<CommandOutput<'nomination.record'>['late']>().toEqualTypeOf<boolean>();
    expectTypeOf(service.listVisits).returns.resolves.toEqualTypeOf<VisitView[]>();
    expectTypeOf(service.getDocument).returns.resolves.toEqualTypeOf<OfficialDocument>();
    expectTypeOf<CommandOutput<'plan.issue'>['numberSymbol']>().toEqualTypeOf<string>();
  });

  it('derives method names from action names by one rule', () => {
    expectTypeOf<MethodName<'visit.start'>>().toEqualTypeOf<'startVisit'>();
    expectTypeOf<MethodName<'remediationDeadline.set'>>().toEqualTypeOf<'setRemediationDeadline'>();
    expectTypeOf(COMMANDS['visit.start'].method).toEqualTypeOf<'startVisit'>();
    expectTypeOf<keyof typeof PERMISSIONS>().toEqualTypeOf<CommandName>();
  });

  it('exports each input type by command name', () => {
    expectTypeOf<CommandInput<'visit.start'>>().toEqualTypeOf<{ visitId: string; at?: string | undefined }>();
    expectTypeOf<CommandInput<'visit.cancel'>>().toEqualTypeOf<{ visitId: string; reason: string }>();
  });
});
