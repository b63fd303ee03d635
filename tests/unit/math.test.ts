import { describe, expect, it } from 'vitest';
import { renderMath, escapeHtml } from '../../src/lib/math';

describe('renderMath', () => {
  it('typesets inline math and escapes the text around it', () => {
    const html = renderMath('Observations $x = As + h(s)$ & more');
    expect(html).toContain('class="katex"');
    expect(html).toContain('&amp; more');
    expect(html.startsWith('Observations ')).toBe(true);
  });
  it('keeps hostile text inert', () => {
    const html = renderMath(
      '<img src=x onerror=alert(1)> $\\href{javascript:alert(1)}{click}$ <script>alert(2)</script>',
    );
    expect(html).not.toMatch(/<img|<script|href="javascript/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });
  it('renders a malformed formula as text instead of throwing', () => {
    expect(() => renderMath('$\\frac{1}{$')).not.toThrow();
  });
});
