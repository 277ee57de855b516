// The analysis as a Markdown report with the sections a strategist expects, and as JSON.
import { diagnosticToJson } from '../model/json.js';
import type { MapModel } from '../model/model.js';
import { STAGE_LABELS, STAGES } from '../model/stages.js';
import type { Analysis } from './index.js';
import type { Finding, FindingKind } from './finding.js';

/**
 * `{ map, diagnostics, health, stages, findings }` (with `spend` when the map has costs),
 * two-space indented, stable for the same input. Without the model, diagnostics and health are left out.
 */
export function analysisToJson(a: Analysis, model?: MapModel): string {
  const head = model ? { map: a.map, diagnostics: model.diagnostics.map(diagnosticToJson), health: model.health } : { map: a.map };
  const body = { ...head, stages: a.stages, findings: a.findings, ...(a.spend ? { spend: a.spend } : {}) };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** Whether the map's health has anything to say. */
function unhealthy(m: MapModel): boolean {
  const h = m.health;
  return h.unresolvedLinks.length > 0 || h.orphans.length > 0 || h.duplicates.length > 0 || h.caseVariants.length > 0 || h.noUser
    || m.diagnostics.some((d) => d.severity === 'error');
}

/** The "Map health" section: what the analysis could not see, before what it found. */
function healthSection(m: MapModel): string[] {
  const h = m.health;
  const out = ['## Map health', '', 'Read this first: the findings below rest on the map as drawn.', ''];
  const errors = m.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) out.push(`- ${errors.length} line${errors.length === 1 ? '' : 's'} could not be read: ${errors.slice(0, 5).map((d) => `line ${d.line}`).join(', ')}${errors.length > 5 ? ', ...' : ''}.`);
  for (const u of h.unresolvedLinks.slice(0, 20)) out.push(`- Line ${u.line} links to ${u.name}, which is not on the map${u.suggestion ? ` (${u.suggestion})` : ''}: that link is left out of the analysis.`);
  if (h.unresolvedLinks.length > 20) out.push(`- ...and ${h.unresolvedLinks.length - 20} more links to names not on the map.`);
  if (h.orphans.length) out.push(`- Linked to nothing: ${h.orphans.join(', ')}.`);
  if (h.duplicates.length) out.push(`- Declared more than once: ${h.duplicates.join(', ')}.`);
  for (const v of h.caseVariants) out.push(`- Differ only in case, so they are separate components: ${v.join(', ')}.`);
  if (h.noUser) out.push('- No anchor, and nothing reads as the map\'s user: the analysis cannot tell what the value chain serves.');
  out.push('');
  return out;
}

const of = (a: Analysis, kind: FindingKind) => a.findings.filter((f) => f.kind === kind);

function list(fs: readonly Finding[], empty: string): string[] {
  if (fs.length === 0) return [`_${empty}_`, ''];
  return [...fs.map((f) => `- **${f.title}** (${f.severity} priority, score ${f.score.toFixed(2)} of 1): ${f.explanation}`), ''];
}

/** A Markdown report of the analysis of `model`. */
export function analysisToMarkdown(model: MapModel, a: Analysis): string {
  const nodes = model.components.filter((c) => c.type !== 'evolved');
  const anchors = nodes.filter((c) => c.type === 'anchor');
  const out: string[] = [`# Wardley map analysis: ${a.map ?? 'Untitled map'}`, ''];
  if (unhealthy(model)) out.push(...healthSection(model));

  out.push('## Overview', '');
  out.push(`${nodes.length} components, ${model.links.length} links, ${model.evolves.length} evolve arrows.`, '');
  if (anchors.length) {
    for (const c of anchors) out.push(`**Anchor:** ${c.name} (visibility ${c.visibility.toFixed(2)}, evolution ${c.maturity.toFixed(2)}): the user need every other component should serve.`);
  } else out.push('**Anchor:** none. A map needs a user need to anchor it (doctrine: know your users).');
  out.push('');

  out.push('## Components by evolution stage', '');
  for (const stage of STAGES) {
    const here = nodes.filter((c) => c.stage === stage && c.type !== 'anchor').sort((x, y) => y.visibility - x.visibility || x.name.localeCompare(y.name));
    out.push(`### ${STAGE_LABELS[stage]}`, '');
    if (here.length === 0) out.push('_none_');
    for (const c of here) {
      const extra = [c.kind !== 'technology' ? c.kind : null, c.method, c.inertia ? 'inertia' : null, c.evolveTo !== null ? `evolving to ${c.evolveTo.toFixed(2)}` : null].filter(Boolean);
      out.push(`- ${c.name} (${c.maturity.toFixed(2)})${extra.length ? `: ${extra.join(', ')}` : ''}`);
    }
    out.push('');
  }

  out.push('## Evolution', '', '### Key evolving components', '');
  const evolving = nodes.filter((c) => c.evolveTo !== null);
  if (evolving.length === 0) out.push('_No evolve arrows on this map._');
  for (const c of evolving) out.push(`- ${c.name}: ${c.maturity.toFixed(2)} -> ${c.evolveTo!.toFixed(2)} (${STAGE_LABELS[c.stage]} -> ${STAGE_LABELS[model.components.find((e) => e.type === 'evolved' && e.parent === c.key)?.stage ?? c.stage]})`);
  out.push('', '### Disruption risks', '', ...list(of(a, 'disruption-risk'), 'No component is close to the next stage boundary.'));
  out.push('### Evolution gaps', '', ...list(of(a, 'evolution-gap'), 'No evolution gaps found.'));

  out.push('## Value chain', '', '### Critical paths', '', ...list(of(a, 'critical-path'), 'No risky chain from the user need down to its foundations.'));
  out.push('### Bottlenecks', '', ...list(of(a, 'bottleneck'), 'No bottlenecks found.'));

  out.push('## Strategic positioning', '', '### Misalignments', '', ...list(of(a, 'misalignment'), 'No misalignments found.'));

  if (a.spend) {
    out.push('## Spend by evolution stage', '');
    for (const stage of STAGES) out.push(`- ${STAGE_LABELS[stage]}: $${Math.round(a.spend[stage]).toLocaleString('en-US')}`);
    out.push('');
  }

  out.push('## Risks', '');
  const risks = a.findings.filter((f) => f.kind !== 'recommendation' && f.severity === 'high');
  out.push(...list(risks, 'No high-severity findings.'));

  out.push('## Recommendations', '');
  for (const [term, title] of [['short', 'Short-term'], ['long', 'Long-term']] as const) {
    out.push(`### ${title}`, '');
    const recs = of(a, 'recommendation').filter((f) => f.term === term);
    if (recs.length === 0) out.push('_none_');
    for (const r of recs) out.push(`- ${r.explanation} _(${r.rule.replace('recommendation/', '')}; from ${r.basedOn?.join(', ')})_`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
