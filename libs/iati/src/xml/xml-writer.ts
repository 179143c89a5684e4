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

function write(node: XmlNode, indent: string, out: string[]): void {
  if (typeof node === 'string') {
    out.push(escapeXml(xmlChars(node)));
    return;
  }
  const children = node.children ?? [];
  const open = `<${node.name}${attributesOf(node)}`;
  if (children.length === 0) {
    out.push(`${indent}${open}/>\n`);
  } else if (children.every((child) => typeof child === 'string')) {
    out.push(`${indent}${open}>`);
    children.forEach((child) => write(child, '', out));
    out.push(`</${node.name}>\n`);
  } else {
    out.push(`${indent}${open}>\n`);
    children.forEach((child) => write(child, `${indent}  `, out));
    out.push(`${indent}</${node.name}>\n`);
  }
}

export function serializeXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, '', out);
  return out.join('');
}
