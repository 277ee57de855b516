// Types of generate.js, for the tests that use its maps.
export function generateMap(lines: number, options?: { title?: boolean }): string;
export function generateComponentMap(count: number): string;
