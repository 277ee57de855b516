// The names OnlineWardleyMaps takes from a map text, by the rules its parser follows (read in its
// source, written here anew): lines split at LF; `//` ends a line (url lines aside); a keyword
// line's name is what follows the keyword up to ` [`; a link is split at its arrow. Only names
// are taken; it is the oracle for "formatting never changes what that tool reads".

const KEYWORDS = ['component', 'anchor', 'submap', 'pipeline', 'note', 'accelerator', 'deaccelerator'];
const NOT_LINKS = [
  'evolution',
  'anchor',
  'evolve',
  'component',
  'style',
  'build',
  'buy',
  'outsource',
  'title',
  'annotation',
  'annotations',
  'pipeline',
  'note',
  'pioneers',
  'settlers',
  'townplanners',
  'submap',
  'url',
  '{',
  '}',
  'accelerator',
  'deaccelerator',
  'size',
];

function stripComments(text: string): string[] {
  const out: string[] = [];
  let open = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim().startsWith('url') ? raw : raw.split('//')[0]!;
    if (line.includes('/*')) {
      open = true;
      out.push(line.split('/*')[0]!.trim());
    } else if (open) {
      if (line.includes('*/')) {
        open = false;
        out.push(line.split('*/')[1]!.trim());
      } else out.push('');
    } else out.push(line);
  }
  return out;
}

/** Every name the tool reads from `text`, as `kind: name`, in order. */
export function owmNames(text: string): string[] {
  const out: string[] = [];
  for (const line of stripComments(text)) {
    const t = line.trim();
    const keyword = KEYWORDS.find((k) => t.startsWith(`${k} `));
    if (keyword) {
      const after = t.slice(keyword.length + 1).trim();
      out.push(`${keyword}: ${after.startsWith('[') ? '' : after.split(' [')[0]!.trim()}`);
      continue;
    }
    if (t === '' || NOT_LINKS.some((k) => t.startsWith(k) || t.includes(`(${k})`))) continue;
    const arrow = ['+>', '+<>', '+<', "+'", '->'].find((a) => t.includes(a));
    if (!arrow) continue;
    const [from, rest] = [t.slice(0, t.indexOf(arrow)), t.slice(t.indexOf(arrow) + arrow.length)];
    const to = arrow === "+'" ? rest.slice(rest.indexOf("'") + 1).replace(/^(<>|>|<)/, '') : rest;
    out.push(`link: ${from.trim()} -> ${to.split(';')[0]!.trim()}`);
  }
  return out;
}
