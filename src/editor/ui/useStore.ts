// A view subscribes to the slice of a store it shows: it renders again when that slice changes,
// not on every change of the store (a drag changes the text 60 times a second; the toolbar shows
// none of it). React's own useSyncExternalStoreWithSelector does the subscribing and the caching.
import { useSyncExternalStoreWithSelector } from 'use-sync-external-store/with-selector';

interface Subscribable<S> {
  subscribe(listener: () => void): () => void;
  getState(): S;
}

/** The part of `store`'s state that `select` picks, compared with `equal` (Object.is by default). */
export function useStore<S, T>(store: Subscribable<S>, select: (state: S) => T, equal?: (a: T, b: T) => boolean): T {
  return useSyncExternalStoreWithSelector(store.subscribe, store.getState, store.getState, select, equal);
}
