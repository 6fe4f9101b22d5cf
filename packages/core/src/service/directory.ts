import { OrganizationSchema, type Organization } from '../entities/organization.js';
import { PersonSchema, type Person } from '../entities/person.js';
import { COLLECTIONS } from './records.js';
import { load, loadOptional, type ServiceContext } from './service-context.js';

/** A registered body, or `NotFoundError`. */
export async function organization(ctx: ServiceContext, id: string): Promise<Organization> {
  return (await load(ctx, COLLECTIONS.organizations, id, OrganizationSchema)).data;
}

/** The abbreviation a body uses in document symbols ("STTTT"); its id when it has none. */
export async function bodyAbbreviation(ctx: ServiceContext, id: string): Promise<string> {
  const org = await organization(ctx, id);
  return org.abbreviation ?? org.id.toUpperCase();
}

/** A body's name, or its id when it is not registered. */
export async function organizationName(ctx: ServiceContext, id: string): Promise<string> {
  return (await loadOptional(ctx, COLLECTIONS.organizations, id, OrganizationSchema))?.data.name ?? id;
}

/** A registered person, or null. */
export async function personOrNull(ctx: ServiceContext, id: string): Promise<Person | null> {
  return (await loadOptional(ctx, COLLECTIONS.people, id, PersonSchema))?.data ?? null;
}
