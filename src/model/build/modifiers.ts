// Reading what follows a name: coordinates, label, inertia, decorators and ignored text. The one
// interpreter of decorator groups.
import { lineText } from '../../lang/parse.js';
import type { AnyListNode, JunkNode, Modifier, NumberNode, WordNode } from '../../lang/syntax.js';
import {
  FLAG_SET,
  FLAGS,
  KIND_SET,
  KINDS,
  METHOD_SET,
  METHODS,
  type ComponentKind,
  type Method,
} from '../../lang/words.js';
import type { BuildContext } from './context.js';

/** Where OnlineWardleyMaps puts a component whose line gives no usable coordinates. */
export const UNPOSITIONED = { visibility: 0.9, maturity: 0.1 } as const;

/**
 * The numbers of a coordinate list, as OnlineWardleyMaps reads them: `count` of them, each a
 * finite number (else its default), with warnings for what is missing, extra or off the map.
 * Returns null when the list holds no usable number at all.
 */
export function readList(
  ctx: BuildContext,
  i: number,
  list: AnyListNode,
  what: string,
  defaults: readonly number[],
  unit = true,
): number[] | null {
  if ('type' in list) {
    const how = defaults.length === 2 && unit ? 'placed at the default position' : 'ignored';
    if (!list.closed)
      ctx.warn(i, list, `the '[' of ${what} is never closed with ']': ${how}`, {
        code: 'unclosed-list',
      });
    else
      ctx.warn(
        i,
        list,
        `'[${list.raw.length > 30 ? `${list.raw.slice(0, 27)}…` : list.raw}]' holds no numbers where ${what} ` +
          `should be: ${how}`,
        { code: 'bad-list' },
      );
    return null;
  }
  const count = defaults.length;
  const ns = list.numbers;
  if (ns.length > count) {
    const extra = ns[count]!;
    ctx.warn(
      i,
      { start: extra.start, end: ns[ns.length - 1]!.end },
      `${what} takes ${count} number${count === 1 ? '' : 's'}: the rest is ignored`,
      { code: 'extra-numbers' },
    );
  } else if (ns.length < count) {
    const missing = defaults
      .slice(ns.length)
      .map((d) => d.toFixed(2))
      .join(', ');
    ctx.warn(
      i,
      list,
      `${what} takes ${count} numbers but has ${ns.length}: the rest default to ${missing}, as ` +
        `OnlineWardleyMaps reads it`,
      { code: 'missing-numbers' },
    );
  }
  return valuesOf(ctx, i, ns, defaults, unit);
}

/** The numbers of a list, each checked: the defaults where one is missing or not a finite number. */
function valuesOf(
  ctx: BuildContext,
  i: number,
  ns: readonly NumberNode[],
  defaults: readonly number[],
  unit: boolean,
): number[] {
  const count = defaults.length;
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const n = ns[k];
    if (!n) {
      out.push(defaults[k]!);
      continue;
    }
    if (!Number.isFinite(n.value)) {
      ctx.warn(
        i,
        n,
        `the number '${n.raw.length > 12 ? `${n.raw.slice(0, 8)}…` : n.raw}' ` +
          `(${n.raw.replace(/[^0-9]/g, '').length} digits) is too large to be a position: ` +
          `${defaults[k]!.toFixed(2)} is used`,
        { code: 'bad-number' },
      );
      out.push(defaults[k]!);
      continue;
    }
    if (unit && (n.value < 0 || n.value > 1))
      ctx.warn(i, n, `coordinate ${n.value} is outside [0, 1]: it will be drawn off the map`, { code: 'off-map' });
    out.push(n.value);
  }
  return out;
}

/** Reports the text a statement did not read: each run of junk nodes (with blanks between) once. */
export function reportJunk(ctx: BuildContext, i: number, mods: readonly Modifier[], what: string): void {
  let run: JunkNode[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const start = run[0]!.start;
    const end = run[run.length - 1]!.end;
    const text = lineText(ctx.doc, i).slice(start, end);
    ctx.warn(
      i,
      { start, end },
      `'${text.length > 40 ? `${text.slice(0, 37)}…` : text}' is not part of ${what} and is ignored (as ` +
        `OnlineWardleyMaps ignores it)`,
      { code: 'unread-text', fix: '' },
    );
    run = [];
  };
  for (const m of mods) {
    if (m.type === 'junk') run.push(m);
    else flush();
  }
  flush();
}

/** What a decorator group sets. */
export interface Decorations {
  method: Method | null;
  market: boolean;
  ecosystem: boolean;
  inertia: boolean;
  kind: ComponentKind | null;
  cost: number | null;
}

/** Applies the words of a decorator group to `into`, warning about unknown words and a second method. */
export function applyDecorators(ctx: BuildContext, i: number, words: readonly WordNode[], into: Decorations): void {
  let method: Method | null = null;
  for (const word of words) {
    const lower = word.text.toLowerCase();
    const cost = /^cost\s+(-?\d+(?:\.\d+)?)$/.exec(lower);
    if (METHOD_SET.has(lower)) {
      if (method && method !== lower)
        ctx.warn(i, word, `two methods given ('${method}' and '${lower}'): '${lower}' is used`, {
          code: 'two-methods',
        });
      method = lower as Method;
      into.method = method;
    } else if (FLAG_SET.has(lower)) {
      if (lower === 'market') into.market = true;
      else if (lower === 'ecosystem') into.ecosystem = true;
      else into.inertia = true;
    } else if (KIND_SET.has(lower)) {
      into.kind = lower as ComponentKind;
    } else if (cost) {
      into.cost = Number(cost[1]);
    } else if (lower !== '') {
      ctx.warn(
        i,
        word,
        `unknown decorator '${word.text}': expected ${METHODS.join(', ')}, ${FLAGS.join(', ')}, a kind ` +
          `(${KINDS.join(', ')}) or 'cost N'`,
        { code: 'unknown-decorator' },
      );
    }
  }
}
