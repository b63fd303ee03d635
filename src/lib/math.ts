/**
 * Text with inline $...$ math -> HTML: text is escaped, math is typeset by KaTeX (bundled with
 * its fonts, nothing fetched). The output is safe to insert: no input becomes markup or script.
 */
import katex from 'katex';

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

export function renderMath(text: string): string {
  return text
    .split(/(\$[^$]+\$)/g)
    .map((part) => {
      if (part.length > 2 && part.startsWith('$') && part.endsWith('$')) {
        // trust: false keeps \href, \url and friends inert; errors render as red source, never throw.
        return katex.renderToString(part.slice(1, -1), {
          throwOnError: false,
          trust: false,
          output: 'html',
        });
      }
      return escapeHtml(part);
    })
    .join('');
}
