import { parseCommandInput, type ParticipatingOrgFields } from '@ledger/domain';
import type { Holding } from './iati-profile.import';

/** How the report names an organisation it could not hold. */
const orgElement = (org: ParticipatingOrgFields) => `participating-org role ${org.role} "${org.name}"`;

/**
 * The organisations the domain accepts, taken one at a time in file order (an organisation reference outside
 * the IATI organisation-identifier format, common in older files, or a second entry of the same organisation
 * in the same role is refused on its own: it stays kept verbatim, and the report says why).
 */
export function holdableOrgs(orgs: readonly ParticipatingOrgFields[]): Holding<ParticipatingOrgFields> {
  const held: ParticipatingOrgFields[] = [];
  const refused: Holding<ParticipatingOrgFields>['refused'] = [];
  for (const org of orgs) {
    const single = parseCommandInput('AddParticipatingOrg', 'XX.0000', org);
    let errors = single.ok ? [] : single.errors;
    if (single.ok) {
      // Checked beside the ones already held: the same organisation twice in one role is one too many.
      const together = parseCommandInput('CreateProject', null, { participatingOrgs: [...held, org] });
      errors = together.ok ? [] : together.errors.filter((e) => e.field.startsWith('participatingOrgs'));
    }
    if (errors.length === 0) held.push(org);
    else
      refused.push({
        element: orgElement(org),
        reason: `not held in the participating organisations field, kept verbatim: ${errors.map((e) => e.message).join('; ')}`,
      });
  }
  return { held, refused };
}

/** Adds the organisations the domain accepts to a create body; the others are refused (kept verbatim). */
export function withParticipatingOrgs(
  body: Record<string, unknown>,
  orgs: ParticipatingOrgFields[],
): { body: Record<string, unknown>; refused: Holding<ParticipatingOrgFields>['refused'] } {
  const { held, refused } = holdableOrgs(orgs);
  return { body: held.length > 0 ? { ...body, participatingOrgs: held } : body, refused };
}
