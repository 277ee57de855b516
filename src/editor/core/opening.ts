// The browser's map store, opened by the first module the page evaluates: it opens (and finds the
// map this tab had open) while the rest of the app's scripts are still being evaluated.
import { DocumentStore, tabDocumentId, type MapDocument } from './documents.js';

export interface Opening {
  readonly docs: DocumentStore | null;
  /** Why maps cannot be kept in this browser, when they cannot. */
  readonly problem: string | null;
  /** The map this tab had open before a reload, else the map kept last. */
  readonly last: MapDocument | undefined;
}

async function open(): Promise<Opening> {
  let docs: DocumentStore;
  try {
    docs = await DocumentStore.open();
  } catch (e) {
    return {
      docs: null,
      problem: `maps cannot be kept in this browser (${(e as Error).message || 'storage is blocked'})`,
      last: undefined,
    };
  }
  const mine = tabDocumentId();
  const last =
    (mine !== null ? await docs.get(mine).catch(() => undefined) : undefined) ??
    (await docs.recent(1).catch(() => []))[0];
  return { docs, problem: null, last };
}

export const opening: Promise<Opening> = open();
