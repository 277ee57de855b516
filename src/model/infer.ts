// What a component is (its kind) and what part it plays (its role), read from its name, the map's
// evolution labels and the shape of the value chain, for maps that do not say. Practitioners'
// maps almost never mark kinds, and most have no anchor. The lexicon and the rules are documented
// in docs/analysis.md ("Inferred kinds and roles"); a kind or role the map declares always wins.
import type { ComponentKind } from '../lang/words.js';
import type { Role } from './model.js';

/** A kind or role with whether it was inferred and why. */
export interface Inference<T> {
  readonly value: T;
  readonly inferred: boolean;
  readonly reason: string;
}

/** The words of a name, lowercase: `Training & Upskilling` -> [training, upskilling]. */
export function wordsOf(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .filter((w) => w !== '' && w !== '-');
}

const set = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Phrases that name technology although they hold a practice, capability or data word. */
const TECHNOLOGY_PHRASES = [
  'machine learning',
  'deep learning',
  'reinforcement learning',
  'model training',
  'data platform',
  'data lake',
  'data warehouse',
  'data pipeline',
  'data centre',
  'data center',
  'data mesh',
  'learning management system',
  'policy engine',
  'data store',
];

/** Head nouns (a name's last word) of technology: `Governance Platform` is a platform. */
const TECHNOLOGY_HEADS =
  set(`platform platforms tool tools tooling software system systems service services api apis app apps
  application applications engine engines server servers infrastructure pipeline pipelines database databases cloud
  hardware
  device devices sensor sensors network networks compute storage runtime sdk library libraries portal dashboard
  dashboards
  workbench console website frontend backend`);

/** Head nouns of data (a name ending in one of these names a data asset: `Training Data`, `Customer Records`). */
const DATA_HEADS = set('data dataset datasets metadata records telemetry logs corpus corpora');

const KNOWLEDGE_WORDS = set(
  'knowledge insight insights theory theories hypothesis hypotheses understanding know-how lessons',
);

const PRACTICE_WORDS =
  set(`practice practices process processes methodology methodologies kanban scrum agile waterfall lean devops
  governance compliance policy policies regulation regulations regulatory legislation standards guidelines ethics
  ethical audit
  auditing assurance review reviews procurement budgeting planning workflow workflows collaboration collaborative kpi
  kpis okr okrs
  testing certification accreditation triage audits playbook playbooks runbook runbooks rules rulebook`);

/** `X management` is a practice when X is one of these (`Change Management`; `Data Management` is technology). */
const MANAGEMENT_PRACTICES =
  set(`change risk project projects programme program portfolio stakeholder vendor supplier people talent
  knowledge quality product performance incident requirements relationship release contract demand spend financial`);

const CAPABILITY_WORDS =
  set(`skill skills talent leadership training upskilling reskilling culture hiring recruitment recruiting
  expertise competence competency competencies literacy workforce staff team teams mindset sponsorship capability
  capabilities
  education coaching mentoring`);

/** Words that make `training` a technical activity (`Model Training`), not a capability. */
const TECHNICAL_CONTEXT = set('model models ml ai neural network gpu algorithm algorithms llm');

/** The evolution labels of each kind of thing, as OnlineWardleyMaps documents them (first and last stage). */
const LABEL_SETS: readonly { kind: ComponentKind; words: readonly string[] }[] = [
  { kind: 'practice', words: ['novel', 'emerging', 'good', 'best'] },
  { kind: 'data', words: ['unmodelled', 'divergent', 'convergent', 'modelled'] },
  { kind: 'knowledge', words: ['concept', 'hypothesis', 'theory', 'accepted'] },
];

/**
 * The kind a map's evolution labels give everything on it when they are one kind's labels only
 * (practices: Novel -> Emerging -> Good -> Best), or null (activities' labels, or a mix).
 */
export function kindOfLabels(labels: readonly string[]): ComponentKind | null {
  const text = labels.map((l) => l.toLowerCase()).join(' ');
  const matching = LABEL_SETS.filter((s) => s.words.filter((w) => text.includes(w.slice(0, 5))).length >= 3);
  const activities = ['genesis', 'custom', 'product', 'commodity'].filter((w) => text.includes(w)).length >= 2;
  return matching.length === 1 && !activities ? matching[0]!.kind : null;
}

/** Any word of the kind lexicon, as a whole word: a name without one is technology, or the map's kind. */
const KIND_LEXICON = new RegExp(
  `\\b(?:${[
    ...TECHNOLOGY_PHRASES,
    ...TECHNOLOGY_HEADS,
    ...DATA_HEADS,
    ...KNOWLEDGE_WORDS,
    ...PRACTICE_WORDS,
    'management',
    ...CAPABILITY_WORDS,
  ]
    .map((w) => w.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&'))
    .join('|')})\\b`,
  'i',
);

const TECHNOLOGY_DEFAULT: Inference<ComponentKind> = { value: 'technology', inferred: true, reason: 'the default' };
const defaultKind = (mapKind: ComponentKind | null): Inference<ComponentKind> =>
  mapKind !== null
    ? {
        value: mapKind,
        inferred: true,
        reason: `the map's evolution labels are those of ${mapKind === 'data' ? 'data' : `${mapKind}s`}`,
      }
    : TECHNOLOGY_DEFAULT;

/** The kind of a component named `name`: declared, else from its name, else from the map's labels. */
export function inferKind(
  name: string,
  declared: ComponentKind | null,
  mapKind: ComponentKind | null,
): Inference<ComponentKind> {
  if (declared !== null) return { value: declared, inferred: false, reason: `declared (${declared})` };
  if (!KIND_LEXICON.test(name)) return defaultKind(mapKind);
  const words = wordsOf(name);
  const text = ` ${words.join(' ')} `;
  const head = words[words.length - 1] ?? '';
  const phrase = TECHNOLOGY_PHRASES.find((p) => text.includes(` ${p} `));
  if (phrase) return { value: 'technology', inferred: true, reason: `name: "${phrase}" is technology` };
  if (DATA_HEADS.has(head)) return { value: 'data', inferred: true, reason: `name ends in "${head}"` };
  if (TECHNOLOGY_HEADS.has(head)) return { value: 'technology', inferred: true, reason: `name ends in "${head}"` };
  const knowledge = words.find((w) => KNOWLEDGE_WORDS.has(w));
  if (knowledge) return { value: 'knowledge', inferred: true, reason: `name: "${knowledge}"` };
  const managed = words.findIndex((w, i) => w === 'management' && i > 0 && MANAGEMENT_PRACTICES.has(words[i - 1]!));
  if (managed > 0) return { value: 'practice', inferred: true, reason: `name: "${words[managed - 1]} management"` };
  const practice = words.find((w) => PRACTICE_WORDS.has(w));
  if (practice) return { value: 'practice', inferred: true, reason: `name: "${practice}"` };
  const technical = words.some((w) => TECHNICAL_CONTEXT.has(w));
  const capability = words.find((w) => CAPABILITY_WORDS.has(w) && !(w === 'training' && technical));
  if (capability) return { value: 'capability', inferred: true, reason: `name: "${capability}"` };
  return defaultKind(mapKind);
}

const USER_HEADS =
  set(`user users customer customers citizen citizens public patient patients player players buyer buyers consumer
  consumers shopper shoppers member members visitor visitors student students learner learners client clients
  passenger passengers
  traveller travellers traveler travelers resident residents employee employees business businesses government society
  community
  audience subscriber subscribers tenant tenants rider riders guest guests reader readers fan fans parent parents
  family families
  household households developer developers stakeholder stakeholders`);

const ACTOR_HEADS =
  set(`attacker attackers adversary adversaries hacker hackers fraudster fraudsters criminal criminals competitor
  competitors rival rivals scammer scammers spammer spammers saboteur saboteurs gang gangs thief thieves cybercriminal
  cybercriminals
  extortionist extortionists intruder intruders`);

const HOSTILE = set('threat threats bad malicious hostile rogue insider');

const ACTOR_LEXICON = new RegExp(`\\b(?:${[...ACTOR_HEADS, 'actor', 'actors'].join('|')})\\b`, 'i');

/** Whether a name reads as an adversary: `Threat Actor`, `Attacker`, `Competitor X`. */
export function readsAsAdversary(name: string): string | null {
  if (!ACTOR_LEXICON.test(name)) return null;
  const words = wordsOf(name);
  const actor = words.find((w) => ACTOR_HEADS.has(w));
  if (actor) return actor;
  for (let i = 1; i < words.length; i++) {
    if ((words[i] === 'actor' || words[i] === 'actors') && HOSTILE.has(words[i - 1]!))
      return `${words[i - 1]} ${words[i]}`;
  }
  return null;
}

/**
 * Heads that name a thing built or bought rather than an outcome: `Unified AI Ops Framework` is not
 * a need. Not `services`: `Public Services` is what a citizen needs.
 */
const BUILT_HEADS = new Set([
  ...[...TECHNOLOGY_HEADS].filter((h) => h !== 'service' && h !== 'services'),
  'framework',
  'frameworks',
  'product',
  'products',
  'solution',
  'solutions',
  'stack',
]);

/** Whether a name reads as something built or bought (a technology head noun or phrase), not an outcome. */
export function readsAsBuilt(name: string): boolean {
  const words = wordsOf(name);
  const text = ` ${words.join(' ')} `;
  return BUILT_HEADS.has(words[words.length - 1] ?? '') || TECHNOLOGY_PHRASES.some((p) => text.includes(` ${p} `));
}

/** Whether a name reads as a user of the map: `Citizen`, `Public`, `Customers`. */
export function readsAsUser(name: string): string | null {
  const words = wordsOf(name);
  const head = words[words.length - 1] ?? '';
  return USER_HEADS.has(head) ? head : null;
}

/** What role inference needs of a component. */
export interface RoleInput {
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly visibility: number;
  /** Whether the map sources or moves it (a method, inertia, an evolve arrow): what a user needs is not sourced. */
  readonly sourced: boolean;
}

/** A map's shape for role inference: components and who depends on whom. */
export interface RoleGraph {
  readonly components: readonly RoleInput[];
  /** Keys of the pipelines' own components. */
  readonly pipelines: ReadonlySet<string>;
  /** For each component key, the keys of the components it needs. */
  readonly needs: ReadonlyMap<string, readonly string[]>;
}

/** Users are near the top of the map; a need sits just below the user who needs it. */
export const USER_VISIBILITY = 0.8;
export const NEED_VISIBILITY = 0.7;

/**
 * The roles of a map's components other than `supply` (the default, left out): declared (an
 * anchor), structural (a pipeline's own component) or inferred.
 */
export function inferRoles(g: RoleGraph): Map<string, Inference<Role>> {
  const out = new Map<string, Inference<Role>>();
  const byKey = new Map(g.components.map((c) => [c.key, c]));
  for (const c of g.components) {
    const actor = readsAsAdversary(c.name);
    if (c.type === 'anchor') out.set(c.key, { value: 'user', inferred: false, reason: 'an anchor' });
    else if (g.pipelines.has(c.key))
      out.set(c.key, {
        value: 'pipeline',
        inferred: true,
        reason: 'a pipeline of the map has its name: it stands for a class of forms',
      });
    else if (actor) out.set(c.key, { value: 'actor-against', inferred: true, reason: `name: "${actor}"` });
  }
  const needed = adversarySide(g, out, byKey);
  const users = g.components.some((c) => c.type === 'anchor') ? [] : inferUsers(g, out, needed);
  inferNeeds(g, out, users, byKey);
  return out;
}

type Roles = Map<string, Inference<Role>>;
type ByKey = ReadonlyMap<string, RoleGraph['components'][number]>;

/**
 * What only an adversary needs (its tooling), and what only that needs: marked as the adversary's
 * side. Returns what the rest of the map needs.
 */
function adversarySide(g: RoleGraph, out: Roles, byKey: ByKey): Set<string> {
  // What only an adversary needs (its tooling: `Attacker->Phishing Kit`), and what only that
  // needs, is the adversary's side of the map, not a part of the value chain.
  const neededByFriends = () => {
    const set = new Set<string>();
    for (const [from, tos] of g.needs)
      if (out.get(from)?.value !== 'actor-against') for (const t of tos) if (t !== from) set.add(t);
    return set;
  };
  let needed = neededByFriends();
  for (let grew = out.size > 0; grew;) {
    grew = false;
    for (const [from, tos] of g.needs) {
      if (out.get(from)?.value !== 'actor-against') continue;
      for (const t of tos) {
        if (needed.has(t) || out.has(t) || !byKey.has(t)) continue;
        out.set(t, {
          value: 'actor-against',
          inferred: true,
          reason: `only the adversary's side of the map (${byKey.get(from)?.name ?? from}) needs it`,
        });
        grew = true;
      }
    }
    if (grew) needed = neededByFriends();
  }
  return needed;
}

/** On a map without an anchor: its users, read from names and from the top of the value chain. */
function inferUsers(g: RoleGraph, out: Roles, needed: ReadonlySet<string>): string[] {
  const users: string[] = [];
  const free = g.components.filter((c) => !out.has(c.key) && c.type !== 'pipeline-child' && !needed.has(c.key));
  const linked = free.filter((c) => (g.needs.get(c.key)?.length ?? 0) > 0);
  const hasLinks = new Set(linked);
  for (const c of free) {
    const word = readsAsUser(c.name);
    // A tool at the top of the map (`Analyst Workbench`) is what someone uses, not who.
    const top = hasLinks.has(c) && c.visibility >= USER_VISIBILITY && !readsAsBuilt(c.name);
    if (top || (word && c.visibility >= 0.5)) {
      users.push(c.key);
      out.set(c.key, {
        value: 'user',
        inferred: true,
        reason: word
          ? `name: "${word}", and nothing on the map depends on it`
          : 'top of the value chain: nothing depends on it, and the map has no anchor',
      });
    }
  }
  if (users.length === 0 && linked.length > 0) {
    // The topmost of the components nothing depends on.
    const candidates = linked.filter((c) => !readsAsBuilt(c.name));
    const top = candidates.reduce((m, c) => Math.max(m, c.visibility), -Infinity);
    for (const c of candidates.filter((x) => x.visibility === top)) {
      users.push(c.key);
      out.set(c.key, {
        value: 'user',
        inferred: true,
        reason: 'the top of the value chain: nothing depends on it, and the map has no anchor',
      });
    }
  }
  return users;
}

/** Needs: named so, or what a user needs directly near the top of the map. */
function inferNeeds(g: RoleGraph, out: Roles, users: readonly string[], byKey: ByKey): void {
  // The first user that needs each component directly.
  const neededBy = new Map<string, string>();
  for (const u of users) for (const k of g.needs.get(u) ?? []) if (!neededBy.has(k)) neededBy.set(k, u);
  for (const c of g.components) {
    if (out.has(c.key)) continue;
    if (/\bneeds?\b/i.test(c.name)) {
      out.set(c.key, { value: 'need', inferred: true, reason: 'name: "need"' });
      continue;
    }
    const by = neededBy.get(c.key);
    // Practitioners often skip the need and link the user straight to the product: what the map
    // sources or moves, or names as a built thing, is supply even right below a user.
    if (
      by !== undefined &&
      c.visibility >= NEED_VISIBILITY &&
      c.type !== 'pipeline-child' &&
      !c.sourced &&
      !readsAsBuilt(c.name)
    ) {
      out.set(c.key, {
        value: 'need',
        inferred: true,
        reason: `what ${byKey.get(by)!.name} needs, near the top of the map`,
      });
    }
  }
}
