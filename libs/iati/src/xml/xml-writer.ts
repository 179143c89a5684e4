/** A small element tree, serialised with escaping; enough for IATI documents without a DOM. */
export interface XmlElement {
  name: string;
  attributes?: Record<string, string | undefined>;
  children?: XmlNode[];
}
export type XmlNode = XmlElement | string;

export const el = (name: string, attributes: XmlElement['attributes'] = {}, children: XmlNode[] = []): XmlElement => ({
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

/** Characters XML 1.0 cannot carry at all; dropped rather than producing a document no parser accepts. */
const NOT_XML_CHAR = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function attributesOf(element: XmlElement): string {
  return Object.entries(element.attributes ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml((value as string).replace(NOT_XML_CHAR, ''))}"`)
    .join('');
}

function write(node: XmlNode, indent: string, out: string[]): void {
  if (typeof node === 'string') {
    out.push(escapeXml(node.replace(NOT_XML_CHAR, '')));
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
