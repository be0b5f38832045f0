/** A parsed XML element: enough of XML for Amazon's feed envelopes (no DTDs, no mixed content). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded and trimmed. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes entity and character references; null when an `&` starts no reference XML knows. */
function decode(value: string): string | null {
  let bad = false;
  const out = value.replace(/&([^;\s&]*)(;?)/g, (_m, ref: string, semi: string) => {
    if (!semi) bad = true;
    else if (/^#x[0-9a-fA-F]+$/.test(ref)) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    else if (/^#\d+$/.test(ref)) return String.fromCodePoint(Number(ref.slice(1)));
    else if (ref in ENTITIES) return ENTITIES[ref];
    else bad = true;
    return '';
  });
  return bad ? null : out;
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ATTRIBUTE = /\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const TAG_END = /\s*(\/?)>/y;
const CLOSE = /<\/([A-Za-z_][\w.:-]*)\s*>/y;
const MISC = /\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->/y;

/** Runs a sticky pattern at `pos`; the match or null. */
function at(pattern: RegExp, xml: string, pos: number): RegExpExecArray | null {
  pattern.lastIndex = pos;
  return pattern.exec(xml);
}

/**
 * Parses a whole document into its root element; null when it is not well-formed (a tag left open, a stray end
 * tag, an unknown entity), which Amazon answers by failing the whole feed. Sticky patterns keep it linear.
 */
export function parseXml(input: string): XmlElement | null {
  const xml = input.replace(/^\uFEFF/, '');
  let pos = 0;
  const skipMisc = () => {
    for (let m = at(MISC, xml, pos); m; m = at(MISC, xml, pos)) pos += m[0].length;
  };
  const element = (): XmlElement | null => {
    if (xml[pos] !== '<') return null;
    const name = at(NAME, xml, pos + 1)?.[0];
    if (!name) return null;
    pos += 1 + name.length;
    const attributes: Record<string, string> = {};
    for (let attr = at(ATTRIBUTE, xml, pos); attr; attr = at(ATTRIBUTE, xml, pos)) {
      const value = decode(attr[2] ?? attr[3] ?? '');
      if (value === null) return null;
      attributes[attr[1]] = value;
      pos += attr[0].length;
    }
    const tail = at(TAG_END, xml, pos);
    if (!tail) return null;
    pos += tail[0].length;
    const node: XmlElement = { name, attributes, children: [], text: '' };
    if (tail[1] === '/') return node;
    const text: string[] = [];
    for (;;) {
      const next = xml.indexOf('<', pos);
      if (next < 0) return null;
      text.push(xml.slice(pos, next));
      pos = next;
      if (xml.startsWith('</', pos)) {
        const close = at(CLOSE, xml, pos);
        if (!close || close[1] !== name) return null;
        pos += close[0].length;
        const decoded = decode(text.join(''));
        if (decoded === null) return null;
        node.text = decoded.trim();
        return node;
      }
      if (xml.startsWith('<!--', pos)) {
        const close = xml.indexOf('-->', pos);
        if (close < 0) return null;
        pos = close + 3;
        continue;
      }
      if (xml.startsWith('<![CDATA[', pos)) {
        const close = xml.indexOf(']]>', pos);
        if (close < 0) return null;
        text.push(
          xml
            .slice(pos + 9, close)
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;'),
        );
        pos = close + 3;
        continue;
      }
      const child = element();
      if (!child) return null;
      node.children.push(child);
    }
  };
  skipMisc();
  const root = element();
  if (!root) return null;
  skipMisc();
  return pos === xml.length ? root : null;
}

export function child(node: XmlElement, name: string): XmlElement | undefined {
  return node.children.find((c) => c.name === name);
}

export function childText(node: XmlElement, name: string): string | undefined {
  return child(node, name)?.text;
}

/**
 * Checks children against an xsd:sequence given as names in order ("A|B" a choice, "+" repeatable); returns the
 * first problem in words, or null.
 */
export function sequenceProblem(
  node: XmlElement,
  sequence: readonly string[],
  required: readonly string[],
): string | null {
  const slots = sequence.map((s) => ({ names: s.replace(/\+$/, '').split('|'), many: s.endsWith('+') }));
  let slot = 0;
  const seen = new Map<number, number>();
  for (const c of node.children) {
    const at = slots.findIndex((s) => s.names.includes(c.name));
    if (at < 0) return `${node.name} has an element ${c.name} its schema does not allow`;
    if (at < slot) return `${c.name} is out of order in ${node.name}: expected ${sequence.join(', ')}`;
    const count = (seen.get(at) ?? 0) + 1;
    if (count > 1 && !slots[at].many) return `${node.name} has more than one ${slots[at].names.join(' or ')}`;
    seen.set(at, count);
    slot = at;
  }
  for (const r of required) {
    const at = sequence.findIndex((s) => s.replace(/\+$/, '') === r);
    if (!seen.has(at)) return `${node.name} is missing its required ${r.split('|').join(' or ')}`;
  }
  return null;
}
