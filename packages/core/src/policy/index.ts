export { RoleSchema, ActorSchema } from './roles.js';
export type { Role, Actor } from './roles.js';
export { isEmbargoed, canSeeVisit, canSeeCampaignWide, maskContact, CONTACT_ROLES, CAMPAIGN_WIDE_ROLES } from './visibility.js';
export type { VisitVisibilityFacts } from './visibility.js';
export { resolveActor } from './resolve-actor.js';
export type { VerifiedIdentity, RoleGrant } from './resolve-actor.js';
