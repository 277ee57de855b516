// Our reading of a map put in the shape of what OnlineWardleyMaps extracts, for comparing the two.
import type { MapModel } from '../../src/model/model.js';

export interface OwmView {
  title: string | null;
  anchors: { name: string; visibility: number; maturity: number | string }[];
  components: { name: string; visibility: number; maturity: number | string }[];
  pipelines: { name: string; maturity1: number; maturity2: number; components: { name: string; maturity: number }[] }[];
  links: [string, string][];
  evolved: { name: string; maturity: number }[];
  notes: { text: string; visibility: number; maturity: number }[];
  errors: number;
}

export function owmView(m: MapModel): OwmView {
  const at = (c: { name: string; visibility: number; maturity: number }) => ({
    name: c.name,
    visibility: c.visibility,
    maturity: c.maturity,
  });
  return {
    title: m.title,
    anchors: m.components.filter((c) => c.type === 'anchor').map(at),
    components: m.components.filter((c) => c.type === 'component' || c.type === 'submap').map(at),
    pipelines: m.pipelines.map((p) => ({
      name: p.name,
      maturity1: p.maturity1,
      maturity2: p.maturity2,
      components: m.components
        .filter((c) => c.type === 'pipeline-child' && c.parent === p.name)
        .map((c) => ({ name: c.name, maturity: c.maturity })),
    })),
    links: m.links.map((l) => [l.from, l.to]),
    evolved: m.evolves.map((e) => ({ name: e.newName ?? e.name, maturity: e.to })),
    notes: m.notes.map((n) => ({ text: n.text, visibility: n.visibility, maturity: n.maturity })),
    errors: m.diagnostics.filter((d) => d.severity === 'error').length,
  };
}
