import { UsageError, parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it('reads an import with an optional region by name or slug', () => {
    expect(parseCliArgs(['import', 'iati', 'in.xml'])).toEqual({
      kind: 'import-iati',
      file: 'in.xml',
      region: undefined,
    });
    expect(parseCliArgs(['import', 'iati', 'in.xml', '--region', 'asia-and-oceania'])).toEqual({
      kind: 'import-iati',
      file: 'in.xml',
      region: 'Asia and Oceania',
    });
  });

  it('reads export filters given repeated or comma-separated', () => {
    expect(
      parseCliArgs([
        'export',
        'iati',
        '--status',
        'completed,active',
        '--region',
        'Europe',
        '--region',
        'africa',
        '--project',
        'TC.0789',
      ]),
    ).toEqual({
      kind: 'export-iati',
      status: ['completed', 'active'],
      region: ['Europe', 'Africa'],
      projectIds: ['TC.0789'],
    });
  });

  it('reads --out for export only', () => {
    expect(parseCliArgs(['export', 'iati', '--out', 'out.xml'])).toMatchObject({
      kind: 'export-iati',
      out: 'out.xml',
    });
    expect(() => parseCliArgs(['import', 'iati', 'a.xml', '--out', 'b.xml'])).toThrow(/export options/);
  });

  it('refuses what it cannot do, naming the problem', () => {
    expect(() => parseCliArgs(['export', 'csv'])).toThrow(
      new UsageError('Unknown format "csv": only "iati" is supported.'),
    );
    expect(() => parseCliArgs(['export', 'iati', '--status', 'done'])).toThrow(
      /--status "done" is not one of/,
    );
    expect(() => parseCliArgs(['export', 'iati', '--region', 'Mars'])).toThrow(
      /--region "Mars" is not one of/,
    );
    expect(() => parseCliArgs(['import', 'iati'])).toThrow(/exactly one FILE.xml/);
    expect(() => parseCliArgs(['import', 'iati', 'a.xml', '--status', 'active'])).toThrow(/export options/);
    expect(() => parseCliArgs(['export', 'iati', '--colour', 'red'])).toThrow(UsageError);
    expect(() => parseCliArgs(['delete', 'iati'])).toThrow(/Unknown command "delete"/);
  });
});
