// A small, strict XML reader for tests: enough to check that an SVG is well-formed and to compare
// renderings as trees rather than as pictures.

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: (XmlNode | string)[];
}

const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi;

function decode(s: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(s))
    throw new Error(`unescaped & in ${JSON.stringify(s.slice(0, 40))}`);
  if (s.includes('<')) throw new Error('unescaped <');
  return s.replace(
    ENTITY,
    (_, e: string) =>
      (({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }) as Record<string, string>)[e] ??
      String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
}

/** Parses an XML document; throws on anything that is not well-formed. */
export function parseXml(text: string): XmlNode {
  let i = 0;
  const src = text.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: XmlNode = { name: '#document', attrs: {}, children: [] };
  const stack: XmlNode[] = [root];
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const chunk = lt < 0 ? src.slice(i) : src.slice(i, lt);
    if (chunk.trim()) stack[stack.length - 1]!.children.push(decode(chunk));
    if (lt < 0) break;
    const gt = src.indexOf('>', lt);
    if (gt < 0) throw new Error('unclosed tag');
    const tag = src.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const open = stack.pop();
      if (!open || open.name !== tag.slice(1).trim()) throw new Error(`mismatched </${tag.slice(1)}>`);
      continue;
    }
    const self = tag.endsWith('/');
    const body = self ? tag.slice(0, -1) : tag;
    const m = /^([\w:-]+)([\s\S]*)$/.exec(body.trim());
    if (!m) throw new Error(`bad tag <${tag}>`);
    const attrs: Record<string, string> = {};
    const rest = m[2]!.trim();
    const re = /([\w:-]+)="([^"]*)"/g;
    let a: RegExpExecArray | null;
    let consumed = '';
    while ((a = re.exec(rest)) !== null) {
      attrs[a[1]!] = decode(a[2]!);
      consumed += a[0];
    }
    if (rest.replace(re, '').trim() !== '')
      throw new Error(`bad attributes in <${m[1]}>: ${rest.replace(re, '').trim().slice(0, 40)}`);
    void consumed;
    const node: XmlNode = { name: m[1]!, attrs, children: [] };
    stack[stack.length - 1]!.children.push(node);
    if (!self) stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  const el = root.children.filter((c): c is XmlNode => typeof c !== 'string');
  if (el.length !== 1) throw new Error('not exactly one root element');
  return el[0]!;
}

/** All text content under a node. */
export function textOf(n: XmlNode | string): string {
  return typeof n === 'string' ? n : n.children.map(textOf).join(' ');
}

export function findAll(n: XmlNode, pred: (x: XmlNode) => boolean, out: XmlNode[] = []): XmlNode[] {
  if (pred(n)) out.push(n);
  for (const c of n.children) if (typeof c !== 'string') findAll(c, pred, out);
  return out;
}
