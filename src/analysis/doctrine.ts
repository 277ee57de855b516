// Doctrine: what a map must show before its analysis can be trusted (the map-health checks of the
// model, as findings): know your users, use a common language, challenge assumptions.
import type { MapModel } from '../model/model.js';
import type { Finding } from './finding.js';
import { makeFinding } from './finding.js';

const list = (xs: readonly string[]) =>
  xs.length <= 6 ? xs.join(', ') : `${xs.slice(0, 6).join(', ')} and ${xs.length - 6} more`;

export function doctrineFindings(model: MapModel): Finding[] {
  const h = model.health;
  const out: Finding[] = [];
  const count = model.components.filter((c) => c.type !== 'evolved').length;
  if (h.noUser && count >= 2) {
    out.push(
      makeFinding(
        'doctrine',
        'doctrine/know-your-users',
        [],
        0.7,
        'The map does not say whom it serves',
        'No anchor, and nothing at the top of the map reads as a user: the analysis cannot tell what the value ' +
          'chain serves. Add the user and their need at the top (doctrine: know your users, focus on user needs).',
      ),
    );
  }
  const words = [...h.duplicates, ...h.caseVariants.flat(), ...h.unresolvedLinks.map((u) => u.name)];
  if (words.length) {
    const parts = [
      h.duplicates.length ? `declared twice: ${list(h.duplicates)}` : '',
      h.caseVariants.length ? `differing only in case: ${h.caseVariants.map((v) => v.join(' / ')).join('; ')}` : '',
      h.unresolvedLinks.length
        ? `linked but never declared: ${list([...new Set(h.unresolvedLinks.map((u) => u.name))])}`
        : '',
    ].filter(Boolean);
    const meant = h.unresolvedLinks.flatMap((u) => (u.meant === null ? [] : [u.meant]));
    out.push(
      makeFinding(
        'doctrine',
        'doctrine/common-language',
        [...new Set([...h.duplicates, ...h.caseVariants.flat(), ...meant])],
        Math.min(0.8, 0.3 + 0.1 * words.length),
        'The map names some things in more than one way',
        `Names are ${parts.join('; ')}. Each is a separate thing to the analysis, and links to one do not reach ` +
          `the other (doctrine: use a common language).`,
      ),
    );
  }
  if (h.orphans.length) {
    out.push(
      makeFinding(
        'doctrine',
        'doctrine/challenge-assumptions',
        [...h.orphans],
        Math.min(0.6, 0.2 + 0.05 * h.orphans.length),
        'Some components are linked to nothing',
        `${list(h.orphans)} ${h.orphans.length === 1 ? 'is' : 'are'} on the map but tied to nothing: each is an ` +
          `assumption nobody tested. Link ${h.orphans.length === 1 ? 'it' : 'them'} to what ` +
          `${h.orphans.length === 1 ? 'needs it' : 'needs them'}, or remove ` +
          `${h.orphans.length === 1 ? 'it' : 'them'} (doctrine: challenge assumptions).`,
      ),
    );
  }
  return out;
}
