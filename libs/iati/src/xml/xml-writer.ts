/** A small element tree, serialised with escaping; enough for IATI documents without a DOM. */
export interface XmlElement {
  name: string;
  attributes?: Record<string, string | undefined>;
  children?: XmlNode[];
}
export type XmlNode = XmlElement | string;

export const el = (
  name: string,
  attributes: XmlElement['attributes'] = {},
  children: XmlNode[] = [],
): XmlElement => ({
  name,
  attributes,
  children,
});

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** XML 1.0 cannot carry most control characters at all: drop them rather than write a document no parser accepts. */
function isXmlChar(char: string): boolean {
  const code = char.codePointAt(0) as number;
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}
const xmlChars = (text: string) => Array.from(text).filter(isXmlChar).join('');

function attributesOf(element: XmlElement): string {
  return Object.entries(element.attributes ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(xmlChars(value as string))}"`)
    .join('');
}

function write(node: XmlNode, indent: string | null, out: string[]): void {
  if (typeof node === 'string') {
    out.push(escapeXml(xmlChars(node)));
    return;
  }
  const children = node.children ?? [];
  const open = `<${node.name}${attributesOf(node)}`;
  // indent null: no layout at all (canonical form).
  const pad = indent ?? '';
  const nl = indent === null ? '' : '\n';
  if (children.length === 0) {
    out.push(`${pad}${open}/>${nl}`);
  } else if (children.every((child) => typeof child === 'string')) {
    out.push(`${pad}${open}>`);
    children.forEach((child) => write(child, '', out));
    out.push(`</${node.name}>${nl}`);
  } else {
    out.push(`${pad}${open}>${nl}`);
    children.forEach((child) => write(child, indent === null ? null : `${indent}  `, out));
    out.push(`${pad}</${node.name}>${nl}`);
  }
}

export function serializeXml(
  root: XmlElement,
  options: { declaration?: boolean; indent?: boolean } = {},
): string {
  const out = options.declaration === false ? [] : ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, options.indent === false ? null : '', out);
  return out.join('');
}
