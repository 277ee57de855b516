// Syntax document -> map model, in four passes (as peggy's compiler runs its passes): declare
// what each line says, resolve names, derive what the map implies (kinds, roles), check what a
// reader should be told (map health). Never throws.
import { parseDoc, Parser, type SyntaxDoc } from '../../lang/parse.js';
import type { MapModel } from '../model.js';
import { check } from './check.js';
import { BuildContext } from './context.js';
import { declare } from './declare.js';
import { derive } from './derive.js';
import { resolve } from './resolve.js';

export { UNPOSITIONED } from './modifiers.js';
export { DEFAULT_EVOLVE_TARGET } from './declare.js';

/** Builds the model of a parsed document. */
export function buildModel(doc: SyntaxDoc): MapModel {
  const ctx = new BuildContext(doc);
  const declared = declare(ctx);
  const resolved = resolve(ctx, declared);
  const components = derive(declared);
  const health = check(ctx, declared, resolved, components);
  return {
    title: declared.title,
    components,
    links: declared.links,
    evolves: resolved.evolves,
    pipelines: declared.pipelines,
    notes: declared.notes,
    annotations: declared.annotations,
    attitudes: declared.attitudes,
    accelerators: declared.accelerators,
    urls: declared.urls,
    presentation: declared.presentation,
    diagnostics: ctx.sorted(),
    health,
  };
}

/** Parses and builds in one step (`parser`: one kept by the caller, to reuse its line cache). */
export function parseMap(text: string, file?: string, parser: Parser = new Parser()): MapModel {
  return buildModel(parseDoc(text, file, parser));
}
