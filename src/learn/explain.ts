// What each finding means in Wardley terms, for Explain mode and for learners.
import type { Finding } from '../analysis/finding.js';

/** Why a kind of finding matters, in one or two sentences a workshop can read aloud. */
export const WHY: Readonly<Record<string, string>> = {
  'critical-path/risk-chain':
    'The user need is only as safe as the weakest link below it. Every uncertain (not yet commodity) component ' +
    'on the chain can fail the user; a long chain of them multiplies the risk. Dependencies carry risk up the ' +
    'value chain.',
  'bottleneck/lagging-hub':
    'Many components wait on this one, and it evolves more slowly than they do. Everything evolves, but not at ' +
    'the same speed: a slow component caps the speed of whatever rests on it.',
  'evolution-gap/dependency':
    'An evolved, industrialised component rests on something new and uncertain. It inherits that uncertainty: ' +
    'the stable service above is only as stable as the experiment below.',
  'evolution-gap/stage-crossing':
    'Crossing a stage changes everything about how a component should be run: who builds it, how it is bought, ' +
    'what failure means. The methods and practices around it must change with it.',
  'misalignment/practice-lag':
    'Co-evolution of practice: when technology evolves, the practices around it (governance, change, ' +
    'collaboration) must evolve too. A practice far behind its technology slows it and adds risk.',
  'sourcing/method':
    'No single method fits all: genesis needs in-house exploration, products are bought, commodities are ' +
    'consumed as utilities. Using the wrong method wastes money or takes risks nobody chose.',
  'inertia/declared':
    'Inertia is resistance to change born of past success. The market will evolve this component anyway; ' +
    'resisting that leaves you behind or disrupted.',
  'inertia/likely':
    'An established product or commodity that much rests on resists its replacement: sunk capital, skills, ' +
    'contracts or past success. The map does not mark it, but expect it.',
  'substitution/renamed-evolve':
    'A new form meets the same need as the old one. Whoever built on the old form carries the risk; the new ' +
    'form is the opportunity.',
  'substitution/new-genesis-form':
    'An evolve arrow pointing left marks a new, uncertain form of something established: the start of a substitution.',
  'substitution/pipeline-forms':
    'A pipeline holds several forms of one thing at different stages: the one the map depends on today is the ' +
    'incumbent, the others may replace it.',
  'substitution/parallel-forms':
    'Two forms of the same thing serve the same needs at different stages: one of them is likely to replace the other.',
  'doctrine/know-your-users':
    'Know your users: a map without its user cannot say what its value chain is for, so every finding about it ' +
    'is a guess.',
  'doctrine/common-language':
    'Use a common language: one thing written two ways is two things to anyone reading the map, and to the analysis.',
  'doctrine/challenge-assumptions':
    'Challenge assumptions: a component tied to nothing is an assumption nobody has tested.',
  'climate/efficiency-enables-innovation':
    'Efficiency enables innovation: a commodity frees effort, and new things are built on it. What grows there ' +
    'is where the future is.',
  'gameplay/open-approaches':
    'Open approaches: open-source or standardise something a rival sells as a product, to turn it into a ' +
    'commodity and take away their margin.',
  'gameplay/ilc':
    'Innovate, leverage, commoditise: let an ecosystem build on your utility, watch what spreads, then turn ' +
    'that into a commodity too.',
  'gameplay/tower-and-moat':
    'Tower and moat: provide the commodity others depend on, and build the higher-order systems above it.',
  'gameplay/fools-mate':
    "Fool's mate: industrialise a component that others still run as custom-built, and the ground under their " +
    'value chain moves.',
  'disruption-risk/into-commodity':
    'When a component becomes a commodity, whoever built custom on it (or sells it as a product) is disrupted, ' +
    'and new things become possible on top of it. Everything that depends on its current form must adapt.',
  'disruption-risk/into-product':
    'As a component becomes a product, custom-built versions of it become a cost rather than an advantage.',
  'disruption-risk/into-custom-built':
    'A genesis component that others start to copy and build on will soon be something many can have.',
  'recommendation/use-utility': 'Commodity: consume it as a utility, and spend your effort higher up.',
  'recommendation/standardise':
    'As it matures, standardise: buy or adopt products rather than maintaining a custom one.',
  'recommendation/co-evolve-practices': 'Move the practices with the technology they serve.',
  'recommendation/invest': 'Invest to evolve the component that holds the others back.',
  'recommendation/build-in-house': 'Genesis: explore in-house with a small team.',
  'recommendation/remove-inertia': 'Name and remove the inertia before the market moves without you.',
  'recommendation/plan-substitution':
    'The incumbent will be replaced: move what rests on it in steps, before the market forces it.',
  'recommendation/explore-new-form': 'The new form is the opportunity: small bets now, to be ready when it takes over.',
};

/** The move the engine recommends for a finding (from the recommendations that cite it). */
export function recommendedMoves(f: Finding, all: readonly Finding[]): Finding[] {
  if (f.kind === 'recommendation') return [f];
  return all.filter((r) => r.kind === 'recommendation' && r.basedOn?.includes(f.id));
}

export function whyItMatters(f: Finding): string {
  return WHY[f.rule] ?? 'See docs/analysis.md for this rule.';
}
