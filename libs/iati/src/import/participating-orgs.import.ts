import { parseCommandInput, type ParticipatingOrgFields } from '@ledger/domain';

/**
 * Adds the participating organisations to a create body when the domain accepts them (an organisation
 * reference outside the IATI organisation-identifier format, common in older files, would refuse the whole
 * project). Returns the body to send and, when they were left out, why (the elements stay kept verbatim).
 */
export function withParticipatingOrgs(
  body: Record<string, unknown>,
  orgs: ParticipatingOrgFields[],
): { body: Record<string, unknown>; note: string | null } {
  if (orgs.length === 0) return { body, note: null };
  const withOrgs = { ...body, participatingOrgs: orgs };
  const parsed = parseCommandInput('CreateProject', null, withOrgs);
  if (parsed.ok || !parseCommandInput('CreateProject', null, body).ok) return { body: withOrgs, note: null };
  const why = parsed.errors
    .filter((e) => e.field.startsWith('participatingOrgs'))
    .map((e) => `${e.field}: ${e.message}`)
    .join('; ');
  return { body, note: `participating organisations kept verbatim only, not held in fields (${why})` };
}
