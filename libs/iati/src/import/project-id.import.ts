import { projectIdFromIatiIdentifier } from '../iati-identifier';

const PROJECT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * The project code of an activity: the identifier without the reporting organisation's current prefix
 * (`ref-`), else without an earlier one the activity names (other-identifier type B1), else the whole
 * identifier (older prefixes are common in real data), with characters a project code cannot hold turned
 * into hyphens. The iati-identifier itself is kept as given whenever it is not `ref-code`, so the export
 * writes it back unchanged.
 */
export function projectIdOf(
  identifier: string,
  reportingOrgRef: string,
  previousOrgRefs: readonly string[],
): { projectId: string; note: string | null } | null {
  const current = projectIdFromIatiIdentifier(identifier, reportingOrgRef);
  if (current && PROJECT_ID.test(current)) return { projectId: current, note: null };
  for (const previous of previousOrgRefs) {
    const code = projectIdFromIatiIdentifier(identifier, previous);
    if (code && PROJECT_ID.test(code))
      return {
        projectId: code,
        note: `iati-identifier starts with the earlier organisation identifier ${previous} (other-identifier B1), not ${reportingOrgRef}; kept as given`,
      };
  }
  const whole = identifier.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  if (!PROJECT_ID.test(whole)) return null;
  return {
    projectId: whole,
    note: `iati-identifier does not start with ${reportingOrgRef}-: the project code is the whole identifier${whole === identifier ? '' : ` as ${whole}`}; kept as given`,
  };
}
