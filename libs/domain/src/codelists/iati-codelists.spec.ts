import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODELISTS } from '../../../../scripts/iati-codelists';
import { convertCodelist } from '../../../../scripts/iati-codelists.convert';
import { ORG_ROLES } from '../project.profile.types';
import { TRANSACTION_TYPES } from '../transaction.types';
import * as DATA from './iati-codelists.data';
import { dacSectorName } from './iati.codelists';

const xml = (name: string) => readFileSync(join(__dirname, 'iati', `${name}.xml`), 'utf8');
const kebab = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

describe('vendored IATI codelists', () => {
  it.each(CODELISTS)(
    'the %s module equals its vendored XML file (regenerate with npm run codelists)',
    (name) => {
      expect(DATA[name]).toEqual(convertCodelist(xml(name)));
    },
  );

  it('names the transaction types after the TransactionType codelist, in code order', () => {
    expect(TRANSACTION_TYPES.map((t, i) => [String(i + 1), t])).toEqual(
      DATA.TransactionType.map((e) => [e.code, kebab(e.name)]),
    );
  });

  it('names the organisation roles after the OrganisationRole codelist, in code order', () => {
    expect(ORG_ROLES.map((r, i) => [String(i + 1), r])).toEqual(
      DATA.OrganisationRole.map((e) => [e.code, kebab(e.name)]),
    );
  });

  it('knows a DAC 5-digit sector and its 3-digit category by name', () => {
    expect([dacSectorName('1', '72010'), dacSectorName('2', '720')]).toEqual([
      'Material relief assistance and services',
      'Emergency Response',
    ]);
  });
});
