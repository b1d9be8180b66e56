// What the accessibility suite checks on a page: axe-core's WCAG 2.1 A and AA rules (the pinned
// npm package, its axe.min.js evaluated in the page), no sideways scrolling at the viewport's
// width (WCAG 1.4.10 Reflow: 320 CSS px), the page's language, and the contrast of non-text
// elements (WCAG 1.4.11: focus ring, field borders at least 3:1 against what surrounds them).
// Findings are collected, not thrown, so one run names every page that fails.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Audits the page as it is now; appends findings to `problems`, returns axe's rule count. */
export async function audit(page, { name, lang, width, artifacts, problems }) {
  const where = `${name} (${lang}, ${page.url()})`;
  await page.screenshot({ path: join(artifacts, `a11y-${width}-${name}-${lang}.png`), fullPage: true });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scrollWidth > width) problems.push(`${where}: scrolls sideways, ${scrollWidth} px wide`);
  const htmlLang = await page.getAttribute('html', 'lang');
  if (htmlLang !== lang) problems.push(`${where}: <html lang="${htmlLang}">`);
  // Evaluated over the DevTools protocol, which the page's script-src 'self' does not govern.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
  }), WCAG21_AA);
  for (const v of result.violations) {
    const nodes = v.nodes.map((n) => n.target.join(' ')).join(', ');
    problems.push(`${where}: ${v.id} (${v.impact}) ${v.help}: ${nodes}`);
  }
  return result.passes.length + result.violations.length + result.incomplete.length;
}

/** The WCAG contrast ratio of two CSS colours (rgb()/rgba(), alpha over `under`). */
export function contrast(a, b) {
  const lum = ([r, g, bl]) => {
    const c = [r, g, bl].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const [la, lb] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (la + 0.05) / (lb + 0.05);
}

/**
 * Focuses `selector` and reads what surrounds it: the outline's colour and width, the
 * element's border colour, and the first opaque background of its ancestors (behind the ring).
 */
export async function focusStyles(page, selector) {
  await page.focus(selector);
  return page.evaluate((sel) => {
    const rgb = (s) => (s.match(/[\d.]+/g) || []).slice(0, 4).map(Number);
    const el = document.querySelector(sel);
    const style = getComputedStyle(el);
    let bg = [255, 255, 255];
    for (let n = el.parentElement; n; n = n.parentElement) {
      const c = rgb(getComputedStyle(n).backgroundColor);
      if (c.length >= 3 && (c.length === 3 || c[3] > 0)) { bg = c.slice(0, 3); break; }
    }
    return {
      focused: document.activeElement === el,
      outline: rgb(style.outlineColor).slice(0, 3),
      outlineWidth: parseFloat(style.outlineWidth),
      outlineStyle: style.outlineStyle,
      border: rgb(style.borderTopColor).slice(0, 3),
      borderWidth: parseFloat(style.borderTopWidth),
      background: bg,
    };
  }, selector);
}
