// What the views need to know of the machine they run on.

/** Whether keys are shown the Mac's way (⌘ for Ctrl). */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
