import type { TextProblem } from './strict-text';

/**
 * Whether an SVG can do nothing but draw. SVG is XML that browsers run as a document when opened
 * directly: scripts, event handlers, links to other files and foreign HTML would run on the
 * platform's origin. Rather than rewrite XML (easy to get wrong), an SVG is accepted only when every
 * element is a drawing element and every reference stays inside the file (`#id`). One linear pass.
 */
const DRAWING = new Set([
  'svg', 'g', 'defs', 'title', 'desc', 'metadata', 'symbol', 'use', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline',
  'polygon', 'text', 'tspan', 'textpath', 'lineargradient', 'radialgradient', 'stop', 'clippath', 'mask', 'pattern', 'marker',
  'style', 'filter', 'feblend', 'fecolormatrix', 'fecomponenttransfer', 'fecomposite', 'feconvolvematrix', 'fediffuselighting',
  'fedisplacementmap', 'fedistantlight', 'fedropshadow', 'feflood', 'fefunca', 'fefuncb', 'fefuncg', 'fefuncr', 'fegaussianblur',
  'femerge', 'femergenode', 'femorphology', 'feoffset', 'fepointlight', 'fespecularlighting', 'fespotlight', 'fetile', 'feturbulence',
  'switch',
  // Editor metadata (Inkscape, Sodipodi, RDF/Dublin Core/Creative Commons inside <metadata>).
  'rdf', 'work', 'format', 'type', 'namedview', 'grid', 'guide', 'pageview', 'license', 'permits', 'requires', 'prohibits', 'creator',
  'agent', 'date', 'rights', 'publisher', 'subject', 'bag', 'li', 'language', 'source', 'contributor', 'identifier', 'description',
]);

/** `url(` that points anywhere but `#id` inside this file, `@import`, or a script URL. */
function badReference(value: string): string | null {
  const v = value.toLowerCase();
  if (v.includes('javascript:') || v.includes('vbscript:')) return 'a script URL';
  if (v.includes('@import')) return 'a CSS @import';
  for (let at = v.indexOf('url('); at >= 0; at = v.indexOf('url(', at + 4)) {
    const target = v.slice(at + 4).replace(/^[\s'"]+/, '');
    if (!target.startsWith('#')) return 'a url() outside the file';
  }
  return null;
}

export function checkSvg(text: string): TextProblem[] {
  const problems: TextProblem[] = [];
  let line = 1;
  let i = 0;
  let sawSvg = false;
  const n = text.length;
  const advanceTo = (j: number) => {
    for (; i < j && i < n; i++) if (text.charCodeAt(i) === 10) line++;
  };
  const fail = (message: string) => problems.push({ line, message });
  let inStyle = false;
  while (i < n && problems.length < 20) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      if (inStyle) {
        const bad = badReference(text.slice(i));
        if (bad) fail(`the style holds ${bad}`);
      }
      break;
    }
    if (inStyle) {
      const bad = badReference(text.slice(i, lt));
      if (bad) fail(`the style holds ${bad}`);
    }
    advanceTo(lt);
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      advanceTo(end < 0 ? n : end + 3);
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      const body = text.slice(lt + 9, end < 0 ? n : end);
      const bad = badReference(body);
      if (bad) fail(`CDATA holds ${bad}`);
      advanceTo(end < 0 ? n : end + 3);
      continue;
    }
    if (text.startsWith('<!', lt)) {
      fail('SVG must not declare a DOCTYPE or entities');
      advanceTo(text.indexOf('>', lt) < 0 ? n : text.indexOf('>', lt) + 1);
      continue;
    }
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt);
      if (!/^<\?xml\s/.test(text.slice(lt, lt + 6))) fail('SVG must not hold processing instructions such as xml-stylesheet');
      advanceTo(end < 0 ? n : end + 2);
      continue;
    }
    // A tag: its name, then attributes up to the `>` outside quotes.
    let j = lt + 1;
    const closing = text[j] === '/';
    if (closing) j++;
    const nameStart = j;
    while (j < n && !/[\s/>]/.test(text[j]!)) j++;
    const qualified = text.slice(nameStart, j).toLowerCase();
    const name = qualified.includes(':') ? qualified.slice(qualified.indexOf(':') + 1) : qualified;
    if (closing) {
      if (name === 'style') inStyle = false;
      const end = text.indexOf('>', j);
      advanceTo(end < 0 ? n : end + 1);
      continue;
    }
    if (name === 'svg') sawSvg = true;
    if (!DRAWING.has(name)) fail(`element <${qualified}> is not allowed in an SVG (only drawing elements: no scripts, HTML or embedded documents)`);
    // Attributes.
    let selfClosing = false;
    while (j < n && text[j] !== '>') {
      if (/\s/.test(text[j]!)) {
        j++;
        continue;
      }
      if (text[j] === '/') {
        selfClosing = true;
        j++;
        continue;
      }
      const attrStart = j;
      while (j < n && !/[\s=>/]/.test(text[j]!)) j++;
      const attr = text.slice(attrStart, j).toLowerCase();
      let value = '';
      while (j < n && /\s/.test(text[j]!)) j++;
      if (text[j] === '=') {
        j++;
        while (j < n && /\s/.test(text[j]!)) j++;
        const quote = text[j];
        if (quote === '"' || quote === "'") {
          const end = text.indexOf(quote, j + 1);
          value = text.slice(j + 1, end < 0 ? n : end);
          j = end < 0 ? n : end + 1;
        } else {
          const vs = j;
          while (j < n && !/[\s>]/.test(text[j]!)) j++;
          value = text.slice(vs, j);
        }
      }
      advanceTo(attrStart);
      if (attr.startsWith('on')) fail(`attribute ${attr} (an event handler) is not allowed in an SVG`);
      else if ((attr === 'href' || attr.endsWith(':href')) && !value.trim().startsWith('#')) fail(`${attr}="${value.slice(0, 60)}" points outside the file; only #id references are allowed`);
      else {
        const bad = badReference(value);
        if (bad) fail(`attribute ${attr} holds ${bad}`);
      }
    }
    if (name === 'style' && !selfClosing) inStyle = true;
    advanceTo(j + 1);
  }
  if (!sawSvg && problems.length === 0) problems.push({ line: 1, message: 'not an SVG image (no <svg> element)' });
  return problems;
}
