import { RoleSchema, type Role } from '../../policy/roles.js';

/** The Department's leadership: the director (or deputy) and the Chief Inspector. */
export const LEADERSHIP: readonly Role[] = ['director', 'inspectorateLead'];

/** Who works on site: the team lead, members and the secretary. */
export const ON_SITE: readonly Role[] = ['inspectorateLead', 'teamMember', 'secretary'];

/** Everyone who may read a campaign; scope and the embargo narrow what each sees. */
export const READERS: readonly Role[] = RoleSchema.options;
