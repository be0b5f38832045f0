import { easypostExample, easypostExamples, keysBeyond, shapeDifferences } from './easypost';

describe("EasyPost's example responses", () => {
  it('are committed with their source files', () => {
    expect(easypostExamples().map((e) => [e.name, e.source.split('/')[0]])).toEqual(
      expect.arrayContaining([
        ['trackers-create', 'easypost'],
        ['trackers-retrieve', 'easypost'],
        ['trackers-list', 'easypost'],
        ['event-body', 'easypost'],
        ['shipments-create', 'easypost'],
        ['shipments-buy', 'easypost'],
        ['shipments-label', 'easypost'],
        ['addresses-verify-param', 'easypost'],
      ]),
    );
    expect(() => easypostExample('batches-create')).toThrow(/no EasyPost example named batches-create/);
  });

  it("differ among themselves only where EasyPost's own answers differ (create has finalized/is_return, retrieve fees)", () => {
    const create = easypostExample('trackers-create').body;
    const retrieve = easypostExample('trackers-retrieve').body;
    expect(shapeDifferences(create, retrieve)).toEqual(['(body).finalized: missing', '(body).is_return: missing']);
    expect(shapeDifferences(retrieve, create)).toEqual(['(body).fees: missing']);
  });

  it('name a missing key, a value of another type, and a key no example has', () => {
    const example = easypostExample('trackers-retrieve').body as Record<string, any>;
    const broken = structuredClone(example);
    delete broken.carrier;
    broken.tracking_details[1].datetime = 1746823217;
    broken.tracking_details[1].invented = true;
    expect(shapeDifferences(example, broken)).toEqual([
      '(body).carrier: missing',
      '(body).tracking_details[1].datetime: number where the example has string',
    ]);
    expect(keysBeyond([example], broken)).toEqual(['(body).tracking_details[1].invented']);
    expect(shapeDifferences(example, { ...example, signed_by: 'John Tester' })).toEqual([]);
  });
});
