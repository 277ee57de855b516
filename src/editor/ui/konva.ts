// Konva-specific adjustments, in one place, each checked on the Konva version it names.
import Konva from 'konva/lib/Core.js';

/** The Konva major version the adjustments below were written against and checked on (10.9). */
const CHECKED_MAJOR = '10.';

/**
 * Konva draws a layer (its scene and its hit canvas) the moment it is added to a stage, and
 * react-konva then asks for the whole stage to be drawn at the next animation frame: opening a map
 * drew every layer twice, the first time for nothing, as no frame is painted in between. Here a
 * layer added to a stage is drawn with the others at that next frame only (first render figures
 * in bench/README.md). On another Konva version the stage is left as Konva makes it: slower to
 * open, never wrong.
 */
if (Konva.version.startsWith(CHECKED_MAJOR)) {
  const addLayer = Konva.Stage.prototype.add;
  const skipDraw = function (this: Konva.Layer): Konva.Layer {
    return this;
  };
  Konva.Stage.prototype.add = function add(this: Konva.Stage, ...layers: Konva.Layer[]) {
    for (const layer of layers) {
      layer.draw = skipDraw;
      try {
        addLayer.call(this, layer);
      } finally {
        delete (layer as { draw?: unknown }).draw;
      }
      layer.batchDraw();
    }
    return this;
  };
}
