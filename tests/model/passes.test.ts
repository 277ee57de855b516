// The model build's four passes, each on its own: declare what each line says, resolve the names,
// derive what the map implies, check what a reader should hear. Each test runs the passes up to
// the one it is about, and looks at what that pass hands on.
import { describe, expect, it } from 'vitest';
import { parseDoc, Parser } from '../../src/lang/parse.js';
import { check } from '../../src/model/build/check.js';
import { BuildContext } from '../../src/model/build/context.js';
import { declare } from '../../src/model/build/declare.js';
import { UNPOSITIONED } from '../../src/model/build/index.js';
import { derive } from '../../src/model/build/derive.js';
import { resolve } from '../../src/model/build/resolve.js';

/** A build context for `lines`, and the diagnostics it holds so far as `line:column code`. */
function contextOf(...lines: string[]) {
  const ctx = new BuildContext(parseDoc(lines.join('\n'), 'passes.owm', new Parser()));
  const said = () => ctx.sorted().map((d) => `${d.line}:${d.column} ${d.code ?? d.severity}`);
  return { ctx, said };
}

function declared(...lines: string[]) {
  const { ctx, said } = contextOf(...lines);
  return { d: declare(ctx), said };
}

function resolved(...lines: string[]) {
  const { ctx, said } = contextOf(...lines);
  const d = declare(ctx);
  return { d, r: resolve(ctx, d), said };
}

function derived(...lines: string[]) {
  const { ctx, said } = contextOf(...lines);
  const d = declare(ctx);
  const r = resolve(ctx, d);
  return { d, r, components: derive(d), ctx, said };
}

describe('declare', () => {
  it('makes one record per statement, in text order, with names as written and nothing resolved', () => {
    const { d, said } = declared(
      'title Tea',
      'anchor Customer [0.95, 0.5]',
      'component Cup of Tea [0.8, 0.3]',
      'submap Kettle [0.5, 0.6] url(k)',
      'url k [https://example.org/kettle]',
      'Customer->Cup of Tea',
      'Cup of Tea->Nowhere',
      'evolve Ghost 0.9',
      'note a note [0.3, 0.3]',
      'style wardley',
    );
    expect(d.title).toBe('Tea');
    expect(d.components.map((c) => [c.name, c.type, c.visibility, c.maturity, c.line])).toEqual([
      ['Customer', 'anchor', 0.95, 0.5, 2],
      ['Cup of Tea', 'component', 0.8, 0.3, 3],
      ['Kettle', 'submap', 0.5, 0.6, 4],
    ]);
    expect(d.components[2]!.url).toBe('k');
    expect(d.urls).toEqual([{ name: 'k', address: 'https://example.org/kettle', line: 5 }]);
    // Link ends and evolve names are kept as written: resolving them is the next pass's work.
    expect(d.links.map((l) => [l.from, l.to])).toEqual([
      ['Customer', 'Cup of Tea'],
      ['Cup of Tea', 'Nowhere'],
    ]);
    expect(d.evolves.map((e) => [e.name.text, e.target])).toEqual([['Ghost', 0.9]]);
    expect(d.notes.map((n) => n.text)).toEqual(['a note']);
    expect(d.presentation.style).toBe('wardley');
    // Kinds and roles are left at their defaults for derive.
    expect(d.components.every((c) => c.kindInferred && c.roleInferred && c.kindReason === '')).toBe(true);
    expect(said()).toEqual([]);
  });

  it("puts a pipeline block's components in their pipeline, and reports braces that do not pair", () => {
    const { d, said } = declared(
      'component Power [0.6, 0.5]',
      'pipeline Power',
      '{',
      '  component Coal [0.3]',
      '  component Solar [0.7]',
      '}',
      '}',
      'pipeline Storage {',
      '  component Battery [0.4]',
    );
    expect(d.pipelines.map((p) => [p.name, p.children])).toEqual([
      ['Power', ['Coal', 'Solar']],
      ['Storage', ['Battery']],
    ]);
    expect(d.components.filter((c) => c.type === 'pipeline-child').map((c) => [c.name, c.parent])).toEqual([
      ['Coal', 'Power'],
      ['Solar', 'Power'],
      ['Battery', 'Storage'],
    ]);
    // A `[maturity]` child waits for its pipeline's visibility (resolve sets it).
    expect(Number.isNaN(d.components[1]!.visibility)).toBe(true);
    expect(said()).toEqual(['7:1 error', '8:1 warning']);
  });

  it('reads on after what it cannot read, and reports each piece where it stands', () => {
    const { d, said } = declared(
      'component A [0.5, 0.5] ? label [10, -5] (build, practice)',
      'component B [0.5]',
      'component C [1.5, 0.2]',
      'build A',
    );
    const [a, b, c] = d.components;
    expect([a!.label, a!.method]).toEqual([{ x: 10, y: -5 }, 'build']);
    expect(d.declaredKinds.get(a!)).toBe('practice');
    // One number of two: the missing one defaults, as OnlineWardleyMaps reads it.
    expect([b!.visibility, b!.maturity]).toEqual([0.5, UNPOSITIONED.maturity]);
    expect(c!.visibility).toBe(1.5);
    expect(d.legacyMethods.map((m) => [m.name.text, m.method])).toEqual([['A', 'build']]);
    expect(said()).toEqual(['1:24 unread-text', '2:13 missing-numbers', '3:14 off-map', '4:1 deprecated']);
  });
});

describe('resolve', () => {
  it('finds components by name, the first of a duplicate name, and warns of the second', () => {
    const { d, r, said } = resolved('component A [0.5, 0.5]', 'component B [0.4, 0.4]', 'component A [0.3, 0.3]');
    expect([...r.byKey.keys()]).toEqual(['A', 'B']);
    expect(r.byKey.get('A')).toBe(d.components[0]);
    expect(r.duplicates).toEqual(['A']);
    expect(said()).toEqual(['3:11 duplicate-name']);
  });

  it("places a pipeline at its owner's visibility, its children with it, and spans them", () => {
    const { d, said } = resolved(
      'pipeline Power {',
      '  component Coal [0.3]',
      '  component Solar [0.7]',
      '}',
      'component Power [0.6, 0.5]',
      'pipeline Nobody [0.2, 0.4]',
    );
    const [power, nobody] = d.pipelines;
    expect([power!.visibility, power!.maturity1, power!.maturity2]).toEqual([0.6, 0.3, 0.7]);
    expect(d.components.filter((c) => c.parent === 'Power').map((c) => c.visibility)).toEqual([0.6, 0.6]);
    expect([nobody!.maturity1, nobody!.maturity2]).toEqual([0.2, 0.4]);
    expect(said()).toEqual(['6:1 ownerless-pipeline']);
  });

  it('gives each evolve its component, adds the evolved copy, and applies legacy method lines', () => {
    const { d, r, said } = resolved(
      'component Compute [0.4, 0.4] (buy)',
      'evolve Compute->Cloud 0.8 (outsource)',
      'evolve Nothing 0.7',
      'evolve Compute 0.2',
      'build Compute',
      'buy Nowhere',
    );
    const source = r.byKey.get('Compute')!;
    expect(source.evolveTo).toBe(0.2);
    expect(source.method).toBe('build');
    expect(r.evolves.map((e) => [e.name, e.newName, e.to])).toEqual([
      ['Compute', 'Cloud', 0.8],
      ['Nothing', null, 0.7],
      ['Compute', null, 0.2],
    ]);
    const copies = d.components.filter((c) => c.type === 'evolved');
    expect(copies.map((c) => [c.name, c.parent, c.maturity, c.method, c.line])).toEqual([
      ['Cloud', 'Compute', 0.8, 'outsource', 2],
      // The legacy `build Compute` line is applied first: the copy takes the method its source has.
      ['Compute', 'Compute', 0.2, 'build', 4],
    ]);
    expect([...r.evolvedKeys]).toEqual(['Cloud', 'Compute']);
    expect(said()).toEqual([
      '3:8 unknown-name',
      '4:16 evolve-back',
      '5:1 deprecated',
      '6:1 deprecated',
      '6:5 unknown-name',
    ]);
  });
});

describe('derive', () => {
  it("infers each component's kind and role with a reason, and a declared kind wins", () => {
    const { components } = derived(
      'component Customer [0.95, 0.5]',
      'component Tea [0.8, 0.3]',
      'component Training Data [0.4, 0.5]',
      'component Kanban [0.5, 0.4] (technology)',
      'Customer->Tea',
      'Tea->Training Data',
      'Tea->Kanban',
    );
    const by = new Map(components.map((c) => [c.name, c]));
    expect(by.get('Customer')!.role).toBe('user');
    expect(by.get('Customer')!.roleInferred).toBe(true);
    expect(by.get('Customer')!.roleReason).not.toBe('');
    // What the user needs directly, high on the map, is read as the need it meets.
    expect(by.get('Tea')!.role).toBe('need');
    expect(by.get('Training Data')!.role).toBe('supply');
    expect([by.get('Training Data')!.kind, by.get('Training Data')!.kindInferred]).toEqual(['data', true]);
    expect([by.get('Kanban')!.kind, by.get('Kanban')!.kindInferred]).toEqual(['technology', false]);
  });

  it("gives an evolved copy its source's role, and its source's kind unless the evolve line declares one", () => {
    const { components } = derived(
      'component Customer [0.95, 0.5]',
      'component Code Review [0.5, 0.3]',
      'Customer->Code Review',
      'evolve Code Review->Automated Review 0.7 (technology)',
      'evolve Customer 0.8',
    );
    const copies = components.filter((c) => c.type === 'evolved');
    expect(copies.map((c) => [c.name, c.kind, c.role])).toEqual([
      ['Automated Review', 'technology', 'supply'],
      ['Customer', 'technology', 'user'],
    ]);
    expect(components.find((c) => c.name === 'Code Review')!.kind).toBe('practice');
  });
});

describe('check', () => {
  it("reports the map's health: unknown link ends with what was meant, orphans, case variants", () => {
    const { ctx, d, r, components, said } = derived(
      'anchor Customer [0.95, 0.5]',
      'component Online Shop [0.8, 0.45]',
      '// component Payment Gateway [0.6, 0.7]',
      'component Delivery [0.6, 0.6]',
      'component delivery [0.55, 0.6]',
      'component Orphan Idea [0.4, 0.2]',
      'Customer->Online Shop',
      'Online Shop->Payment Gateway',
      'Online Shop->Delivery',
      'Online Shop->Delivry',
    );
    const health = check(ctx, d, r, components);
    expect(health.unresolvedLinks.map((l) => [l.name, l.line, l.meant])).toEqual([
      ['Payment Gateway', 8, null],
      ['Delivry', 10, 'Delivery'],
    ]);
    expect(health.unresolvedLinks[0]!.suggestion).toContain('line 3');
    expect(health.orphans).toEqual(['delivery', 'Orphan Idea']);
    expect(health.caseVariants).toEqual([['Delivery', 'delivery']]);
    expect(health.noUser).toBe(false);
    expect(said()).toEqual([
      '5:11 orphan',
      '5:11 case-variant',
      '6:11 orphan',
      '8:14 unknown-link',
      '10:14 unknown-link',
    ]);
  });

  it('says when nothing reads as a user, and calls nothing an orphan on a map without links', () => {
    const { ctx, d, r, components, said } = derived('component Lake [0.2, 0.3]', 'component River [0.1, 0.2]');
    const health = check(ctx, d, r, components);
    expect([health.noUser, health.orphans]).toEqual([true, []]);
    expect(said()).toEqual(['1:1 no-user']);
  });
});
