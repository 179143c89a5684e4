import { grantedRoles, rolesAllowed } from './roles';

describe('role model', () => {
  it('an auditor also acts as a reader; admin as every role; the others only as themselves', () => {
    expect(grantedRoles(['auditor'])).toEqual(['reader', 'auditor']);
    expect(grantedRoles(['admin'])).toEqual(['publisher', 'reader', 'auditor', 'admin']);
    expect(grantedRoles(['reader'])).toEqual(['reader']);
    expect(grantedRoles(['publisher'])).toEqual(['publisher']);
    expect(grantedRoles(['publisher', 'auditor'])).toEqual(['publisher', 'reader', 'auditor']);
  });

  it('names who may call a route: reader routes are open to auditors, auditor routes not to readers', () => {
    expect(rolesAllowed(['reader'])).toEqual(['reader', 'auditor', 'admin']);
    expect(rolesAllowed(['auditor'])).toEqual(['auditor', 'admin']);
    expect(rolesAllowed(['publisher'])).toEqual(['publisher', 'admin']);
    expect(rolesAllowed(['admin'])).toEqual(['admin']);
  });
});
