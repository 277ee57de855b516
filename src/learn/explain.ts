// What each finding means in Wardley terms, for Explain mode and for learners.
import type { Finding } from '../analysis/finding.js';

/** Why a kind of finding matters, in one or two sentences a workshop can read aloud. */
export const WHY: Readonly<Record<string, string>> = {
  'critical-path/risk-chain': 'The user need is only as safe as the weakest link below it. Every uncertain (not yet commodity) component on the chain can fail the user; a long chain of them multiplies the risk. Dependencies carry risk up the value chain.',
  'bottleneck/lagging-hub': 'Many components wait on this one, and it evolves more slowly than they do. Everything evolves, but not at the same speed: a slow component caps the speed of whatever rests on it.',
  'evolution-gap/dependency': 'An evolved, industrialised component rests on something new and uncertain. It inherits that uncertainty: the stable service above is only as stable as the experiment below.',
  'evolution-gap/stage-crossing': 'Crossing a stage changes everything about how a component should be run: who builds it, how it is bought, what failure means. The methods and practices around it must change with it.',
  'misalignment/practice-lag': 'Co-evolution of practice: when technology evolves, the practices around it (governance, change, collaboration) must evolve too. A practice far behind its technology slows it and adds risk.',
  'misalignment/component-lag': 'This component is less evolved than the components that use it: they are held back by it, or they depend on something riskier than they look.',
  'misalignment/method': 'No single method fits all: genesis needs in-house exploration, products are bought, commodities are consumed as utilities. Using the wrong method wastes money or takes risks nobody chose.',
  'misalignment/inertia': 'Inertia is resistance to change born of past success. The market will evolve this component anyway; resisting that leaves you behind or disrupted.',
  'disruption-risk/into-commodity': 'When a component becomes a commodity, whoever built custom on it (or sells it as a product) is disrupted, and new things become possible on top of it. Everything that depends on its current form must adapt.',
  'disruption-risk/into-product': 'As a component becomes a product, custom-built versions of it become a cost rather than an advantage.',
  'disruption-risk/into-custom-built': 'A genesis component that others start to copy and build on will soon be something many can have.',
  'recommendation/use-utility': 'Commodity: consume it as a utility, and spend your effort higher up.',
  'recommendation/standardise': 'As it matures, standardise: buy or adopt products rather than maintaining a custom one.',
  'recommendation/co-evolve-practices': 'Move the practices with the technology they serve.',
  'recommendation/invest': 'Invest to evolve the component that holds the others back.',
  'recommendation/build-in-house': 'Genesis: explore in-house with a small team.',
  'recommendation/remove-inertia': 'Name and remove the inertia before the market moves without you.',
};

/** The move the engine recommends for a finding (from the recommendations that cite it). */
export function recommendedMoves(f: Finding, all: readonly Finding[]): Finding[] {
  if (f.kind === 'recommendation') return [f];
  return all.filter((r) => r.kind === 'recommendation' && r.basedOn?.includes(f.id));
}

export function whyItMatters(f: Finding): string {
  return WHY[f.rule] ?? 'See docs/analysis.md for this rule.';
}
