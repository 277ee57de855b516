// What a learning or compare view asks the canvas to show instead of the map as typed.
import type { Finding } from '../../analysis/finding.js';
import type { MapModel } from '../../model/model.js';

export interface Preview {
  readonly model: MapModel | null;
  readonly findings: readonly Finding[] | null;
  readonly focus: readonly string[] | null;
}

export const NO_PREVIEW: Preview = { model: null, findings: null, focus: null };
