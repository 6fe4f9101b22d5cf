import { describe, expect, it } from 'vitest';
import * as api from '@pccovid-inspect/province-ha-tinh';

// PINNED PUBLIC SURFACE of @pccovid-inspect/province-ha-tinh — the sorted runtime export names.
// A change here is a change to the public API: update this list deliberately (and add a changeset).
describe('@pccovid-inspect/province-ha-tinh public API', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'HA_TINH_2021',
      'HA_TINH_2021_BODIES',
      'HA_TINH_2021_BODY_IDS',
      'HA_TINH_2021_DISTRICTS',
      'HA_TINH_2021_PLAN_INPUT',
      'HA_TINH_TENANT',
      'findHaTinh2021District',
    ]);
  });
});
