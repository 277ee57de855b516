// Sending the map elsewhere: an SVG or PNG picture, a share link, a live room.
import { useCallback } from 'react';
import type { Finding } from '../../analysis/index.js';
import { buildScene } from '../../render/scene.js';
import { makeLiveRoom } from '../core/sharing.js';
import type { Derived, EditorStore } from '../core/store.js';
import { download, encodeShareFragment, SHARE_URL_LIMIT, svgToPng } from './files.js';
import { linksKey } from './useLiveRoom.js';

/** The size the exports draw a map at, unless the map sets its own (`size [w, h]`): landscape, as printed. */
const EXPORT_FRAME = { width: 1200, height: 800 } as const;

export function useSharing(
  store: EditorStore,
  fileName: string,
  findingsOf: (derived: Derived) => readonly Finding[],
  show: { shareLink(url: string): void; liveLinks(links: { edit: string; view: string }): void },
) {
  /** The picture both exports draw: the map and its findings, without the screen's selection, dimming or zoom. */
  const exportPicture = useCallback(async () => {
    const { sceneToSvg } = await import('../../render/svg.js');
    const derived = store.derived();
    const model = derived.shown;
    const frame = model.presentation.size ?? EXPORT_FRAME;
    return { svg: sceneToSvg(buildScene(model, frame, { findings: findingsOf(derived) }), model.title), frame };
  }, [store, findingsOf]);
  const baseName = fileName.replace(/\.(owm|wm|txt)$/i, '');

  const exportSvg = useCallback(async () => {
    const { svg } = await exportPicture();
    download(`${baseName}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
  }, [exportPicture, baseName]);

  const exportPng = useCallback(async () => {
    const { svg, frame } = await exportPicture();
    download(`${baseName}.png`, await svgToPng(svg, frame.width, frame.height, 2));
  }, [exportPicture, baseName]);

  /** A link holding the map, copied to the clipboard (or shown, when the clipboard is refused). */
  const share = useCallback(async () => {
    const fragment = await encodeShareFragment(store.getState().text);
    const url = `${location.origin}${location.pathname}${fragment}`;
    if (url.length > SHARE_URL_LIMIT) {
      store.notify(
        `This map is too large for a link (${(url.length / 1e6).toFixed(1)} million characters; browsers open ` +
          `about 2): save the file and send that instead.`,
      );
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      store.notify('Share link copied to the clipboard.');
    } catch {
      show.shareLink(url);
    }
  }, [store, show]);

  /** A live room from the open map (the page's server must be `mapwright serve`); its links are shown. */
  const shareLive = useCallback(async () => {
    const made = await makeLiveRoom(store.getState().text, `${location.origin}${location.pathname}`);
    if ('problem' in made) return store.notify(made.problem);
    const links = { edit: made.edit, view: made.view };
    try {
      sessionStorage.setItem(linksKey(made.room), JSON.stringify(links));
    } catch {
      /* the banner still shows them */
    }
    show.liveLinks(links);
  }, [store, show]);

  return { exportSvg, exportPng, share, shareLive };
}
