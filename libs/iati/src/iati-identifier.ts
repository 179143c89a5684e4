/**
 * iati-identifier = `<reporting-org ref>-<projectId>`, as the standard asks (the organisation identifier,
 * a hyphen, then the publisher's own activity code). Import strips exactly that prefix: the reporting-org
 * ref of the same activity plus one hyphen. An identifier that does not start with it is not ours to map.
 */
export function toIatiIdentifier(reportingOrgRef: string, projectId: string): string {
  return `${reportingOrgRef}-${projectId}`;
}

export function projectIdFromIatiIdentifier(identifier: string, reportingOrgRef: string): string | null {
  const prefix = `${reportingOrgRef}-`;
  if (reportingOrgRef === '' || !identifier.startsWith(prefix)) return null;
  const projectId = identifier.slice(prefix.length);
  return projectId === '' ? null : projectId;
}
