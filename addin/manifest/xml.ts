/**
 * A tiny XML writer for the manifests: elements, attributes and text with
 * escaping, rendered with a stable two-space indent so the committed files
 * diff cleanly.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlChild[];
}
export type XmlChild = XmlElement | string;

/** `el('Label', { resid: 'Group.Label' })`, `el('Id', {}, guid)`. */
export function el(
  name: string,
  attributes: Record<string, string | undefined> = {},
  ...children: (XmlChild | XmlChild[] | false)[]
): XmlElement {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) kept[key] = value;
  return { name, attributes: kept, children: children.flat().filter((c) => c !== false) };
}

const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

function renderElement(element: XmlElement, depth: number): string {
  const indent = '  '.repeat(depth);
  const attributes = Object.entries(element.attributes)
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('');
  const open = `${indent}<${element.name}${attributes}`;
  if (element.children.length === 0) return `${open}/>`;
  if (element.children.every((c) => typeof c === 'string')) {
    return `${open}>${element.children.map((c) => escapeText(c as string)).join('')}</${element.name}>`;
  }
  const inner = element.children.map((child) =>
    typeof child === 'string'
      ? `${'  '.repeat(depth + 1)}${escapeText(child)}`
      : renderElement(child, depth + 1),
  );
  return [`${open}>`, ...inner, `${indent}</${element.name}>`].join('\n');
}

/** The document with its XML declaration, one element per line, LF endings. */
export function renderXmlDocument(root: XmlElement, comment?: string): string {
  const header = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (comment) header.push(`<!-- ${comment.replace(/--/g, '—')} -->`);
  return `${[...header, renderElement(root, 0)].join('\n')}\n`;
}
