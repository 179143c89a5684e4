import { SaxesParser, type SaxesTagNS } from 'saxes';
import { LEDGER_NS, LEDGER_PREFIX } from '../iati.codes';
import { el, serializeXml, type XmlElement } from './xml-writer';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * An element as read: names normalised so a file's choice of prefixes does not matter. Names without a
 * namespace stay as written; `xml:` keeps its prefix; the ledger's extension namespace is always `ledger:`;
 * any other namespace is written `{uri}local` (a foreign element or attribute, e.g. one a data portal added).
 */
export interface XmlTree {
  name: string;
  attrs: Record<string, string>;
  children: XmlTree[];
  /** Text of an element without child elements, trimmed ('' when none). */
  text: string;
}

/** The element/attribute is in a namespace the IATI standard and the ledger do not define. */
export const isForeign = (name: string): boolean => name.startsWith('{');

function normalName(uri: string, prefix: string, local: string): string {
  if (uri === '') return local;
  if (uri === XML_NS) return `xml:${local}`;
  if (uri === LEDGER_NS) return `${LEDGER_PREFIX}:${local}`;
  return `{${uri}}${local}`;
}

export interface TreeHandlers {
  /** Sees each element when it opens (attributes known, no children yet); depth 0 is the root. */
  onOpen?: (node: XmlTree, depth: number) => void;
  /** Sees each element when it closes; returning true detaches it from its parent (bounded memory). */
  onClose: (node: XmlTree, depth: number) => boolean | void;
  /** Keep text exactly as written (the rules checker looks at surrounding spaces); default: trimmed. */
  rawText?: boolean;
}

/** Builds XmlTree elements from saxes events. */
export function treeBuilder({ onOpen, onClose, rawText }: TreeHandlers): SaxesParser<{ xmlns: true }> {
  const parser = new SaxesParser({ xmlns: true });
  const stack: { node: XmlTree; text: string[] }[] = [];
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === XMLNS_NS || a.name === 'xmlns') continue;
      attrs[normalName(a.uri, a.prefix, a.local)] = a.value;
    }
    const node: XmlTree = { name: normalName(tag.uri, tag.prefix, tag.local), attrs, children: [], text: '' };
    stack[stack.length - 1]?.node.children.push(node);
    onOpen?.(node, stack.length);
    stack.push({ node, text: [] });
  });
  parser.on('text', (text) => stack[stack.length - 1]?.text.push(text));
  parser.on('cdata', (text) => stack[stack.length - 1]?.text.push(text));
  parser.on('closetag', () => {
    const top = stack.pop() as { node: XmlTree; text: string[] };
    // CRLF and surrounding layout are not content: text is normalised to LF and trimmed.
    if (top.node.children.length === 0) {
      const text = top.text.join('').replace(/\r\n?/g, '\n');
      top.node.text = rawText ? text : text.trim();
    }
    if (onClose(top.node, stack.length) === true) stack[stack.length - 1]?.node.children.pop();
  });
  return parser;
}

/** Parses a small XML document (one element's canonical XML) into a tree. */
export function parseXmlTree(xml: string): XmlTree {
  let root: XmlTree | null = null;
  const parser = treeBuilder({
    onClose: (node, depth) => {
      if (depth === 0) root = node;
    },
  });
  parser.write(xml).close();
  if (root === null) throw new Error('No root element');
  return root;
}

/** The tree as a writer element (foreign attributes and elements are not written: they are never kept). */
export function toXmlElement(node: XmlTree): XmlElement {
  const attrs = Object.fromEntries(
    Object.entries(node.attrs)
      .filter(([name]) => !isForeign(name))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const children = node.children.filter((c) => !isForeign(c.name)).map(toXmlElement);
  return el(node.name, attrs, children.length > 0 ? children : node.text === '' ? [] : [node.text]);
}

/**
 * Canonical XML of one element: attributes sorted by name, layout whitespace dropped, text trimmed, LF line
 * ends, no declarations. Two elements with the same content have the same canonical XML whatever the file's
 * layout, attribute order or prefixes, so it is both what the ledger keeps and what round trips compare.
 */
export function canonicalXml(node: XmlTree): string {
  return serializeXml(toXmlElement(node), { declaration: false, indent: false });
}
