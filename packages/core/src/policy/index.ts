export { RoleSchema, ActorSchema } from './roles.js';
export type { Role, Actor } from './roles.js';
export { isEmbargoed, canSeeVisit, maskContact, CONTACT_ROLES } from './visibility.js';
export type { VisitVisibilityFacts } from './visibility.js';
