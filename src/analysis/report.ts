// The analysis as one prioritised report: what the map cannot show, the top moves, then every
// finding by kind, the sourcing table and the recommendations; as Markdown and as JSON.
import { markdownText } from '../lang/escape.js';
import { diagnosticToJson } from '../model/json.js';
import type { MapModel } from '../model/model.js';
import { STAGE_LABELS, STAGES } from '../model/stages.js';
import type { Analysis } from './index.js';
import { FINDING_KINDS, KIND_TITLES, type Finding, type FindingKind } from './finding.js';
import { SOURCING, methodOf } from './sourcing.js';

/**
 * `{ map, diagnostics, health, summary, stages, findings }` (with `spend` when the map has costs),
 * two-space indented, stable for the same input. Without the model, diagnostics and health are left out.
 */
export function analysisToJson(a: Analysis, model?: MapModel): string {
  const head = model
    ? { map: a.map, diagnostics: model.diagnostics.map(diagnosticToJson), health: model.health }
    : { map: a.map };
  const body = {
    ...head,
    summary: a.summary,
    stages: a.stages,
    findings: a.findings,
    ...(a.spend ? { spend: a.spend } : {}),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

const md = markdownText;

const of = (a: Analysis, kind: FindingKind) => a.findings.filter((f) => f.kind === kind);

function list(fs: readonly Finding[], empty: string): string[] {
  if (fs.length === 0) return [`_${empty}_`, ''];
  return [
    ...fs.map(
      (f) => `- **${md(f.title)}** (${f.severity} priority, score ${f.score.toFixed(2)} of 1): ${md(f.explanation)}`,
    ),
    '',
  ];
}

/** Whether the map's health has anything to say. */
function unhealthy(m: MapModel): boolean {
  const h = m.health;
  return (
    h.unresolvedLinks.length > 0 ||
    h.orphans.length > 0 ||
    h.duplicates.length > 0 ||
    h.caseVariants.length > 0 ||
    h.noUser ||
    m.diagnostics.some((d) => d.severity === 'error')
  );
}

/** The "Map health" section: what the analysis could not see, before what it found. */
function healthSection(m: MapModel): string[] {
  const h = m.health;
  const out = ['## Map health', '', 'Read this first: the findings below rest on the map as drawn.', ''];
  const errors = m.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length)
    out.push(
      `- ${errors.length} line${errors.length === 1 ? '' : 's'} could not be read: ${errors
        .slice(0, 5)
        .map((d) => `line ${d.line}`)
        .join(', ')}${errors.length > 5 ? ', ...' : ''}.`,
    );
  for (const u of h.unresolvedLinks.slice(0, 20))
    out.push(
      `- Line ${u.line} links to ${md(u.name)}, which is not on the ` +
        `map${u.suggestion ? ` (${md(u.suggestion)})` : ''}: that link is left out of the analysis.`,
    );
  if (h.unresolvedLinks.length > 20)
    out.push(`- ...and ${h.unresolvedLinks.length - 20} more links to names not on the map.`);
  if (h.orphans.length) out.push(`- Linked to nothing: ${h.orphans.map(md).join(', ')}.`);
  if (h.duplicates.length) out.push(`- Declared more than once: ${h.duplicates.map(md).join(', ')}.`);
  for (const v of h.caseVariants)
    out.push(`- Differ only in case, so they are separate components: ${v.map(md).join(', ')}.`);
  if (h.noUser)
    out.push("- No anchor, and nothing reads as the map's user: the analysis cannot tell what the value chain serves.");
  out.push('');
  return out;
}

/** A Markdown report of the analysis of `model`. */
export function analysisToMarkdown(model: MapModel, a: Analysis): string {
  const nodes = model.components.filter((c) => c.type !== 'evolved');
  const anchors = nodes.filter((c) => c.role === 'user');
  const out: string[] = [`# Wardley map analysis: ${md(a.map ?? 'Untitled map')}`, ''];
  if (unhealthy(model)) out.push(...healthSection(model));

  out.push('## Top moves', '');
  if (a.summary.length === 0) out.push('_Nothing on this map calls for a move._');
  a.summary.forEach((m, i) =>
    out.push(
      `${i + 1}. ${md(m.move)} _(${m.term === 'short' ? 'short term' : 'long term'}; from ${m.basedOn.length} ` +
        `finding${m.basedOn.length === 1 ? '' : 's'})_`,
    ),
  );
  out.push('');

  out.push('## Overview', '');
  out.push(`${nodes.length} components, ${model.links.length} links, ${model.evolves.length} evolve arrows.`, '');
  if (anchors.length) {
    for (const c of anchors)
      out.push(
        `**User:** ${md(c.name)} (visibility ${c.visibility.toFixed(2)}, evolution ` +
          `${c.maturity.toFixed(2)})${c.roleInferred ? ` — inferred: ${md(c.roleReason)}` : ''}.`,
      );
  } else out.push('**User:** none. A map needs a user need to anchor it (doctrine: know your users).');
  out.push('');

  out.push('## Components by evolution stage', '');
  for (const stage of STAGES) {
    const here = nodes
      .filter((c) => c.stage === stage && c.role !== 'user')
      .sort((x, y) => y.visibility - x.visibility || x.name.localeCompare(y.name));
    out.push(`### ${STAGE_LABELS[stage]}`, '');
    if (here.length === 0) out.push('_none_');
    for (const c of here) {
      const extra = [
        c.kind !== 'technology' ? `${c.kind}${c.kindInferred ? ' (inferred)' : ''}` : null,
        c.role !== 'supply' ? c.role : null,
        c.method,
        c.inertia ? 'inertia' : null,
        c.evolveTo !== null ? `evolving to ${c.evolveTo.toFixed(2)}` : null,
      ].filter(Boolean);
      out.push(`- ${md(c.name)} (${c.maturity.toFixed(2)})${extra.length ? `: ${md(extra.join(', '))}` : ''}`);
    }
    out.push('');
  }

  out.push('## Evolve arrows', '');
  const evolving = nodes.filter((c) => c.evolveTo !== null);
  if (evolving.length === 0) out.push('_No evolve arrows on this map._');
  for (const c of evolving) {
    const to = model.components.find((e) => e.type === 'evolved' && e.parent === c.key);
    out.push(
      `- ${md(c.name)}${to && to.name !== c.name ? ` becomes ${md(to.name)}` : ''}: ${c.maturity.toFixed(2)} -> ` +
        `${c.evolveTo!.toFixed(2)} (${STAGE_LABELS[c.stage]} -> ${STAGE_LABELS[to?.stage ?? c.stage]})`,
    );
  }
  out.push('');

  out.push(
    '## Sourcing',
    '',
    '| Stage | Method that suits it | Components | Declared or implied method |',
    '|---|---|---|---|',
  );
  for (const stage of STAGES) {
    const here = nodes.filter((c) => c.stage === stage && c.role === 'supply');
    const methods = here
      .map((c) => ({ c, m: methodOf(c) }))
      .filter((x) => x.m)
      .map((x) => `${md(x.c.name)}: ${x.m!.method}${x.m!.implied ? ' (implied)' : ''}`);
    out.push(
      `| ${STAGE_LABELS[stage]} | ${SOURCING[stage]} | ${here.map((c) => md(c.name)).join(', ') || '—'} | ` +
        `${methods.join(', ') || '—'} |`,
    );
  }
  out.push('');

  const empty: Partial<Record<FindingKind, string>> = {
    'critical-path': 'No risky chain from the user need down to its foundations.',
    bottleneck: 'No bottlenecks found.',
    'evolution-gap': 'No evolution gaps found.',
    misalignment: 'No misalignments found.',
    'disruption-risk': 'No component is about to cross into the next stage.',
  };
  for (const kind of FINDING_KINDS) {
    if (kind === 'recommendation') continue;
    const fs = of(a, kind);
    if (fs.length === 0 && !empty[kind]) continue;
    out.push(`## ${KIND_TITLES[kind]}`, '');
    for (const line of list(fs, empty[kind] ?? 'None.')) out.push(line);
  }

  if (a.spend) {
    out.push('## Spend by evolution stage', '');
    for (const stage of STAGES)
      out.push(`- ${STAGE_LABELS[stage]}: $${Math.round(a.spend[stage]).toLocaleString('en-US')}`);
    out.push('');
  }

  out.push('## Recommendations', '', 'One per component; each cites the findings it rests on.', '');
  for (const [term, title] of [
    ['short', 'Short-term'],
    ['long', 'Long-term'],
  ] as const) {
    out.push(`### ${title}`, '');
    const recs = of(a, 'recommendation').filter((f) => f.term === term);
    if (recs.length === 0) out.push('_none_');
    for (const r of recs) out.push(`- **${md(r.title)}.** ${md(r.explanation)}`);
    out.push('');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
