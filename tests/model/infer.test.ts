// Inferred kinds and roles: a map that marks nothing is read as a practitioner would read it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMap } from '../../src/model/build/index.js';
import { inferKind, kindOfLabels } from '../../src/model/infer.js';
import { mapText, mutatedCorpusMap } from '../property/arbitraries.js';

const kind = (name: string) => inferKind(name, null, null).value;

describe('inferred kinds', () => {
  it('reads practices, capabilities, data and knowledge from names', () => {
    expect(
      [
        'Governance & Compliance',
        'Kanban',
        'Waterfall',
        'Ethics',
        'Data Policy',
        'Regulation',
        'Change Management',
        'Collaborative Workflows',
        'Common Metrics & KPIs',
        'DevOps',
        'Code Review',
      ].map(kind),
    ).toEqual(Array(11).fill('practice'));
    expect(
      ['Training & Upskilling', 'Leadership Support', 'Culture', 'Data Literacy', 'Talent', 'Platform Team'].map(kind),
    ).toEqual(Array(6).fill('capability'));
    expect(['Training Data', 'Customer Records', 'Telemetry', 'Metadata'].map(kind)).toEqual(Array(4).fill('data'));
    expect(['Domain Knowledge', 'Customer Insights', 'Theory of Change'].map(kind)).toEqual(Array(3).fill('knowledge'));
  });

  it('does not fall into the traps', () => {
    // Technology that holds a practice, capability or data word.
    expect(
      [
        'Machine Learning',
        'Deep Learning',
        'Model Training',
        'Data Management',
        'Data Platform',
        'Data Lake',
        'Cloud Cost Management',
        'Governance Platform',
        'Training Platform',
        'Compliance Tooling',
        'Data Cataloging',
        'CI/CD Pipelines',
        'Model Monitoring',
        'Kettle',
        'Power',
      ].map(kind),
    ).toEqual(Array(15).fill('technology'));
    // Data is the head noun: 'Training Data' is data, 'Data Training' is not.
    expect(kind('Data Training')).toBe('capability');
  });

  it('lets a declared kind win, and says which were inferred and why', () => {
    expect(inferKind('Governance', 'technology', null)).toEqual({
      value: 'technology',
      inferred: false,
      reason: 'declared (technology)',
    });
    const m = parseMap(
      'component Kanban [0.5, 0.3]\ncomponent Kanban Board [0.4, 0.6] (practice)\ncomponent Wiki [0.3, 0.3] (technology)\n',
    );
    expect(m.components.map((c) => [c.name, c.kind, c.kindInferred])).toEqual([
      ['Kanban', 'practice', true],
      ['Kanban Board', 'practice', false],
      ['Wiki', 'technology', false],
    ]);
    expect(m.components[0]!.kindReason).toBe('name: "kanban"');
  });

  it('reads the kind of a whole map from its evolution labels', () => {
    expect(kindOfLabels(['Novel', 'Emerging', 'Good', 'Best'])).toBe('practice');
    expect(kindOfLabels(['Unmodelled', 'Divergent', 'Convergent', 'Modelled'])).toBe('data');
    expect(kindOfLabels(['Concept', 'Hypothesis', 'Theory', 'Accepted'])).toBe('knowledge');
    expect(
      kindOfLabels(['Genesis / Concept', 'Custom / Emerging', 'Product / Converging', 'Commodity / Accepted']),
    ).toBeNull();
    const m = parseMap(
      'evolution Novel->Emerging->Good->Best\ncomponent Pairing [0.5, 0.5]\ncomponent Kettle Platform [0.4, 0.4]\n',
    );
    expect(m.components.map((c) => c.kind)).toEqual(['practice', 'technology']);
  });
});

describe('inferred roles', () => {
  it('finds users and needs at the top of a map without an anchor', () => {
    const m = parseMap(
      [
        'component Citizen [0.95, 0.30]',
        'component Government [0.93, 0.70]',
        'component Legitimacy [0.85, 0.40]',
        'component Public Services [0.75, 0.50]',
        'component Taxation [0.40, 0.60]',
        'Citizen->Public Services',
        'Government->Legitimacy',
        'Government->Taxation',
        'Public Services->Taxation',
      ].join('\n'),
    );
    const role = (n: string) => m.components.find((c) => c.name === n)!.role;
    expect([
      role('Citizen'),
      role('Government'),
      role('Legitimacy'),
      role('Public Services'),
      role('Taxation'),
    ]).toEqual(['user', 'user', 'need', 'need', 'supply']);
  });

  it('knows anchors, pipelines and adversaries', () => {
    const m = parseMap(
      [
        'anchor Business [0.95, 0.6]',
        'component Power [0.5, 0.7]',
        'pipeline Power [0.3, 0.9]',
        'component Threat Actor [0.9, 0.2]',
        'component Phishing Kit [0.5, 0.4]',
        'Business->Power',
        'Threat Actor->Phishing Kit',
        'Threat Actor->Power',
      ].join('\n'),
    );
    expect(m.components.map((c) => [c.name, c.role, c.roleInferred])).toEqual([
      ['Business', 'user', false],
      ['Power', 'pipeline', true],
      ['Threat Actor', 'actor-against', true],
      ['Phishing Kit', 'actor-against', true],
    ]);
  });

  it('in a map with an anchor, infers no other users or needs from position', () => {
    const m = parseMap('anchor AI Value [0.96, 0.62]\ncomponent Framework [0.86, 0.36]\nAI Value->Framework\n');
    expect(m.components.map((c) => c.role)).toEqual(['user', 'supply']);
  });
});

describe('inference', () => {
  it('never throws and gives the same answer twice', () => {
    fc.assert(
      fc.property(fc.oneof(mapText, mutatedCorpusMap, fc.string({ maxLength: 200 })), (text) => {
        const a = parseMap(text).components.map((c) => [
          c.kind,
          c.kindInferred,
          c.kindReason,
          c.role,
          c.roleInferred,
          c.roleReason,
        ]);
        const b = parseMap(text).components.map((c) => [
          c.kind,
          c.kindInferred,
          c.kindReason,
          c.role,
          c.roleInferred,
          c.roleReason,
        ]);
        expect(a).toEqual(b);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) => {
        inferKind(name, null, null);
      }),
      { numRuns: 2000 },
    );
  });
});
