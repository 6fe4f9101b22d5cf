import { describe, expect, it } from 'vitest';
import * as core from '@pccovid-inspect/core';

// =============================================================================================
// PINNED PUBLIC SURFACE of @pccovid-inspect/core — the sorted runtime export names.
// A change here is a change to the public API: update this list deliberately (and add a
// changeset). Type-only exports are not listed (they do not exist at runtime).
// =============================================================================================
const EXPECTED_EXPORTS: readonly string[] = [
  'AdminUnitEraSchema',
  'AdminUnitKindSchema',
  'AdminUnitSchema',
  'AuditEventSchema',
  'BUILT_IN_TARGET_TYPES',
  'BilingualTextSchema',
  'CampaignSchema',
  'CivilDateRangeSchema',
  'CivilDateSchema',
  'ConfigurationError',
  'ConflictError',
  'ContactSchema',
  'CountSchema',
  'DocumentNumberSchema',
  'DocumentReferenceSchema',
  'DocumentTypeCodeSchema',
  'EmbargoedError',
  'FindingSchema',
  'ForbiddenError',
  'HA_TINH_2021_BODIES',
  'HA_TINH_2021_BODY_IDS',
  'HA_TINH_2021_DISTRICTS',
  'HA_TINH_TENANT',
  'IdSchema',
  'ImportError',
  'InspectError',
  'InspectionFormSchema',
  'InstantSchema',
  'InvalidTransitionError',
  'LocationQrPointSchema',
  'MemberSourceSchema',
  'MinutesSchema',
  'NominationRequestSchema',
  'NominationSchema',
  'NotFoundError',
  'NotificationError',
  'NotificationSchema',
  'NumberSymbolSchema',
  'OptionalTextSchema',
  'OrganizationKindSchema',
  'OrganizationSchema',
  'PersonSchema',
  'PortalStatisticsSchema',
  'ProvinceCodeSchema',
  'QrCodeSourceSchema',
  'RecipientSchema',
  'RemediationActionSchema',
  'RemediationRequestSchema',
  'RenderError',
  'ReportSchema',
  'ResultNoticeSchema',
  'STORAGE_CONTRACT_VERSION',
  'SignerSchema',
  'SigningAuthoritySchema',
  'StorageError',
  'TARGET_TYPE_LABELS',
  'TEAM_ROLE_LABELS',
  'TargetSchema',
  'TargetTypeSchema',
  'TeamMemberSchema',
  'TeamRoleSchema',
  'TeamSchema',
  'TenantSchema',
  'TextSchema',
  'UnitRepresentativeSchema',
  'VERDICT_LABELS',
  'VIETNAM_UTC_OFFSET_MINUTES',
  'ValidationError',
  'VerdictSchema',
  'VisitSchema',
  'addCivilDays',
  'civilDateOf',
  'civilTimeOf',
  'compareCivilDates',
  'createFixedClock',
  'createSequentialIds',
  'decree30DayMonth',
  'findHaTinh2021District',
  'formatNumberSymbol',
  'formatPlaceDateLine',
  'formatShortDate',
  'formatVietnameseDate',
  'isBuiltInTargetType',
  'isCivilDate',
  'isCorrectlyPosted',
  'matchesSearch',
  'parseCivilDate',
  'randomIds',
  'searchKey',
  'signerTitleLines',
  'startOfCivilDate',
  'systemClock',
  'toNfc',
  'validate',
];
// =============================================================================================

const exported = Object.entries(core as Record<string, unknown>);

/** A zod schema: its methods are zod's, not ours. */
const isSchema = (v: unknown): boolean => typeof v === 'object' && v !== null && typeof (v as { safeParse?: unknown }).safeParse === 'function';

const STUB = /not implemented|\bTODO\b|\bFIXME\b|\bXXX\b/i;

describe('public API of @pccovid-inspect/core', () => {
  it('exports exactly the pinned names', () => {
    expect(Object.keys(core).sort()).toEqual([...EXPECTED_EXPORTS].sort());
  });

  it('the pinned list is itself sorted and free of duplicates', () => {
    expect([...EXPECTED_EXPORTS]).toEqual([...EXPECTED_EXPORTS].sort());
    expect(new Set(EXPECTED_EXPORTS).size).toBe(EXPECTED_EXPORTS.length);
  });

  it('has no undefined export', () => {
    for (const [name, value] of exported) expect(value, name).not.toBeUndefined();
  });

  it('re-exports no internal helper', () => {
    for (const internal of ['hasMarker', 'markerFor', 'parseOrThrow']) expect(Object.keys(core)).not.toContain(internal);
  });

  it('no exported function or class is a stub', () => {
    const functions = exported.filter(([, v]) => typeof v === 'function');
    expect(functions.length).toBeGreaterThan(0);
    for (const [name, fn] of functions) expect(String(fn), name).not.toMatch(STUB);
  });

  it('no method of an exported plain object is a stub', () => {
    for (const [name, value] of exported) {
      if (typeof value !== 'object' || value === null || isSchema(value)) continue;
      for (const [key, member] of Object.entries(value)) {
        if (typeof member === 'function') expect(String(member), `${name}.${key}`).not.toMatch(STUB);
      }
    }
  });

  it('every exported schema is a zod schema, and nothing else ends in Schema', () => {
    for (const [name, value] of exported) expect(isSchema(value), name).toBe(name.endsWith('Schema'));
  });

  it('every error class is recognised by InspectError.isInstance', () => {
    const errorClasses = exported.filter(([name]) => name.endsWith('Error'));
    expect(errorClasses.length).toBeGreaterThanOrEqual(12);
    for (const [name, cls] of errorClasses) {
      expect(typeof cls, name).toBe('function');
      expect(typeof (cls as { isInstance?: unknown }).isInstance, name).toBe('function');
      expect((cls as { prototype: unknown }).prototype instanceof core.InspectError || cls === core.InspectError, name).toBe(true);
    }
  });
});
