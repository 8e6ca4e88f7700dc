// Layout checks a person would otherwise do by eye on each screenshot, run in the page on the
// rendered layout. Each problem names the check, the page, the element (tag, classes, a snippet
// of its text) and the figure that is wrong, e.g.
//   [word-break] /nl/report: word "Stoppen" is broken over 2 lines ("Stop / pen") inside button.button-secondary "Stoppen"
// Elements that are not rendered (display: none, visibility: hidden, zero size, inside a closed
// <details>) and elements moved off-screen on purpose (`.visually-hidden`, `.skip-link`) are
// never reported.
import type { Page } from '@playwright/test';

export type Check =
  /// 1. Nothing wider than the screen (a table wrapper that scrolls sideways may be).
  | 'overflow'
  /// 2. Nothing with the `hidden` attribute shows (a `display` rule overriding it).
  | 'hidden'
  /// 3a. A button's text fits in it.
  | 'clipped'
  /// 3b, 4. No word broken across lines inside a button or a table header; nor inside a table
  ///    cell (long tokens such as addresses and hashes, and `word-break: break-all` text, may break).
  | 'word-break'
  /// 5. Each group of the receipt code (`XZCG3-QB1BC-…`) on one line.
  | 'receipt'
  /// 6. Tap targets: 44 x 44 px for controls and stand-alone links, 24 px high for links in text.
  | 'tap-target'
  /// 7. The text of buttons and form fields is not smaller than the page's text (the browser's
  ///    default 13.3 px for a control that does not inherit the font), so a primary button's
  ///    text is not smaller than the secondary one's beside it.
  | 'control-font';

export const ALL_CHECKS: Check[] = ['overflow', 'hidden', 'clipped', 'word-break', 'receipt', 'tap-target', 'control-font'];
/// The staff workspace on a phone only has to stay on the screen and show nothing hidden.
export const FIT_CHECKS: Check[] = ['overflow', 'hidden'];

/// The layout problems of the page as it is now (empty: none found).
export async function layoutProblems(page: Page, options: { checks?: Check[] } = {}): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready.then(() => true));
  const width = page.viewportSize()?.width ?? 0;
  return page.evaluate(inPage, { checks: options.checks ?? ALL_CHECKS, viewportWidth: width });
}

// Runs in the browser: self-contained, it may use nothing from this module.
function inPage({ checks, viewportWidth }: { checks: string[]; viewportWidth: number }): string[] {
  const on = (check: string) => checks.includes(check);
  const where = location.pathname + location.search;
  const root = document.documentElement;
  // With `isMobile`, a page wider than the screen may zoom out and widen `innerWidth`: the
  // screen is the viewport the test asked for.
  const vw = Math.min(viewportWidth || innerWidth, innerWidth, root.clientWidth || innerWidth);
  const px = (n: number) => String(Math.round(n * 10) / 10);
  const problems: string[] = [];
  const report = (check: string, text: string) => problems.push(`[${check}] ${where}: ${text}`);

  const snippet = (el: Element) => {
    const html = el as HTMLElement;
    let text = (el instanceof HTMLSelectElement ? el.selectedOptions[0]?.text ?? '' : html.innerText ?? el.textContent ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!text && el instanceof HTMLInputElement) text = el.value || el.placeholder;
    if (!text) text = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '';
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
  };
  const describe = (el: Element) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += `#${el.id}`;
    const type = el.getAttribute('type');
    if (el instanceof HTMLInputElement && type) name += `[type=${type}]`;
    const classes = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean);
    if (classes.length) name += `.${classes.join('.')}`;
    const text = snippet(el);
    return text ? `${name} "${text}"` : name;
  };
  const style = (el: Element) => getComputedStyle(el);
  /// Tag and classes, without text: what repeated elements have in common.
  const bare = (el: Element) => {
    const classes = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean);
    return el.tagName.toLowerCase() + (classes.length ? `.${classes.join('.')}` : '');
  };
  /// The same problem on many alike elements (every link of a table): one line with examples.
  const grouped = (check: string, items: { key: string; one: string; many: string; example: string }[]) => {
    const groups = new Map<string, typeof items>();
    for (const item of items) groups.set(item.key, [...(groups.get(item.key) ?? []), item]);
    for (const group of groups.values()) {
      if (group.length < 3) for (const item of group) report(check, item.one);
      else {
        const examples = Array.from(new Set(group.map((i) => i.example)));
        const list = examples.slice(0, 5).join(', ') + (examples.length > 5 ? ', …' : '');
        report(check, `${group.length} ${group[0].many}, e.g. ${list}`);
      }
    }
  };

  /// Rendered: not display:none (itself or an ancestor), not visibility:hidden, not in a
  /// closed <details> (content-visibility), and with a box.
  const shown = (el: Element) => {
    const opts = { checkVisibilityCSS: true, visibilityProperty: true } as CheckVisibilityOptions;
    if (typeof el.checkVisibility === 'function' && !el.checkVisibility(opts)) return false;
    if (style(el).visibility !== 'visible') return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  /// Moved off-screen on purpose (`.visually-hidden`, a `.skip-link` that is not focused): a
  /// clip, a 1 px box, or far above the page; on the element or one of its ancestors.
  const offScreenOnPurpose = (el: Element) => {
    for (let a: Element | null = el; a && a !== root; a = a.parentElement) {
      const s = style(a);
      if (s.clip !== 'auto' && s.clip !== '' && (s.position === 'absolute' || s.position === 'fixed')) return true;
      if (s.clipPath !== 'none' && s.clipPath !== '') return true;
      const r = a.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1 && s.display !== 'contents') return true;
      if (r.bottom + scrollY < -100 || r.top + scrollY < -100) return true;
      if (a.classList.contains('skip-link') && document.activeElement !== a) return true;
    }
    return false;
  };
  const visibleHere = (el: Element) => shown(el) && !offScreenOnPurpose(el);
  /// Inside a box that clips or scrolls sideways and is itself on the screen (a table wrapper
  /// that scrolls), so what sticks out of the screen is not seen, or is reached by scrolling it.
  const inSidewaysScroller = (el: Element, self = false) => {
    for (let a = self ? el : el.parentElement; a && a !== document.body && a !== root; a = a.parentElement) {
      const ox = style(a).overflowX;
      if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') {
        const r = a.getBoundingClientRect();
        if (r.left >= -1 && r.right <= vw + 1) return true;
      }
    }
    return false;
  };
  /// The text nodes under `el` that are rendered.
  const textNodes = (el: Element) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (parent && n.textContent && n.textContent.trim() && shown(parent)) nodes.push(n as Text);
    }
    return nodes;
  };
  /// The lines (distinct tops) the characters start..end of `node` are drawn on, as the text of each.
  const lines = (node: Text, start: number, end: number) => {
    const range = document.createRange();
    const rows: { top: number; height: number; text: string }[] = [];
    for (let i = start; i < end; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = Array.from(range.getClientRects()).find((r) => r.width > 0 && r.height > 0);
      if (!rect) continue;
      const row = rows.find((l) => Math.abs(l.top - rect.top) < Math.max(2, Math.min(l.height, rect.height) / 2));
      if (row) row.text += node.data[i];
      else rows.push({ top: rect.top, height: rect.height, text: node.data[i] });
    }
    return rows.sort((a, b) => a.top - b.top).map((r) => r.text);
  };
  /// Quick test first: one rect for the whole run means one line.
  const onOneLine = (node: Text, start: number, end: number) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    return rects.length <= 1 || rects.every((r) => Math.abs(r.top - rects[0].top) < Math.max(2, r.height / 2));
  };
  /// Words (runs between spaces) of `el` drawn over more than one line. A break after a
  /// hyphen, a slash or a soft hyphen is a proper break, not a broken word.
  const brokenWords = (el: Element, lenient = false) => {
    const found: { word: string; shownAs: string; text: string }[] = [];
    for (const node of textNodes(el)) {
      if (lenient && style(node.parentElement!).wordBreak === 'break-all') continue;
      for (const word of node.data.matchAll(/\S+/g)) {
        if (lenient && word[0].length > 32) continue;
        const start = word.index!;
        for (const part of word[0].matchAll(/[^-‐–\/\u00ad\u200b]+[-‐–\/\u00ad\u200b]*/g)) {
          const from = start + part.index!;
          const to = from + part[0].replace(/[-‐–\/\u00ad\u200b]+$/, '').length;
          if (to - from < 2 || onOneLine(node, from, to)) continue;
          const shownAs = lines(node, from, to);
          if (shownAs.length > 1) {
            found.push({
              word: word[0],
              shownAs: shownAs.join(' / '),
              text: `word "${word[0]}" is broken over ${shownAs.length} lines ("${shownAs.join(' / ')}")`,
            });
          }
        }
      }
    }
    return found;
  };

  const all = Array.from(document.body.querySelectorAll('*'));
  const buttonLike = 'button, input[type=submit], input[type=button], input[type=reset], .button, .button-secondary, .quick-exit';

  // 1. Nothing wider than the screen.
  if (on('overflow')) {
    const pageWidth = root.scrollWidth;
    if (pageWidth > vw + 1) report('overflow', `the page is ${pageWidth}px wide, wider than the ${vw}px screen (it scrolls sideways)`);
    const out = new Set<Element>();
    const outside = (r: DOMRect) => r.right > vw + 1 || r.left < -1;
    for (const el of all) {
      if (!visibleHere(el) || inSidewaysScroller(el)) continue;
      const r = el.getBoundingClientRect();
      if (outside(r)) out.add(el);
    }
    // Text sticking out of a box that itself fits (a long word or address).
    const textOut = new Map<Element, DOMRect>();
    for (const node of textNodes(document.body)) {
      const parent = node.parentElement!;
      let inOut = false;
      for (let a: Element | null = parent; a && !inOut; a = a.parentElement) inOut = out.has(a);
      if (inOut || offScreenOnPurpose(parent) || inSidewaysScroller(parent, true)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width > 0 && outside(r)) textOut.set(parent, r);
    }
    let listed = 0;
    for (const el of out) {
      // Only the outermost: children of a box that is too wide stick out with it.
      if (el.parentElement && out.has(el.parentElement)) continue;
      if (++listed > 10) continue;
      const r = el.getBoundingClientRect();
      report('overflow', `${describe(el)} spans x=${px(r.left)}..${px(r.right)}px, outside the ${vw}px screen (${px(r.width)}px wide)`);
    }
    for (const [el, r] of textOut) {
      if (++listed > 10) continue;
      report('overflow', `the text of ${describe(el)} spans x=${px(r.left)}..${px(r.right)}px, outside the ${vw}px screen`);
    }
    if (listed > 10) report('overflow', `and ${listed - 10} more elements outside the screen`);
  }

  // 2. Nothing carrying `hidden` shows.
  if (on('hidden')) {
    for (const el of Array.from(document.querySelectorAll('[hidden]'))) {
      if (el.getAttribute('hidden') === 'until-found') continue;
      const s = style(el);
      if (s.display === 'none' || !shown(el)) continue;
      const r = el.getBoundingClientRect();
      report(
        'hidden',
        `${describe(el)} has the hidden attribute but shows (display: ${s.display}, ${px(r.width)}x${px(r.height)}px at y=${px(r.top + scrollY)})`,
      );
    }
  }

  const buttons = Array.from(document.querySelectorAll(buttonLike)).filter(visibleHere);

  // 3a. Button text fits its button.
  if (on('clipped')) {
    for (const el of buttons) {
      const html = el as HTMLElement;
      if (html.clientWidth === 0 && html.clientHeight === 0) continue; // inline: grows with its text
      if (html.scrollWidth > html.clientWidth + 1 || html.scrollHeight > html.clientHeight + 1) {
        report(
          'clipped',
          `the text of ${describe(el)} does not fit: ${html.scrollWidth}x${html.scrollHeight}px of text in a ${html.clientWidth}x${html.clientHeight}px box`,
        );
      }
    }
  }

  // 3b, 4. No word broken inside a button or a table header.
  if (on('word-break')) {
    for (const el of buttons) for (const b of brokenWords(el)) report('word-break', `${b.text} inside ${describe(el)}`);
    for (const el of Array.from(document.querySelectorAll('th')).filter(visibleHere)) {
      for (const b of brokenWords(el)) report('word-break', `${b.text} in table header ${describe(el)}`);
    }
    const cells: { key: string; one: string; many: string; example: string }[] = [];
    for (const el of Array.from(document.querySelectorAll('td')).filter(visibleHere)) {
      const table = el.closest('table')!;
      for (const b of brokenWords(el, true)) {
        cells.push({
          key: bare(table),
          one: `${b.text} in a cell of ${bare(table)}`,
          many: `words are broken inside the cells of ${bare(table)}`,
          example: `"${b.shownAs}"`,
        });
      }
    }
    grouped('word-break', cells);
  }

  // 5. Each group of the receipt code on one line.
  if (on('receipt')) {
    for (const el of Array.from(document.querySelectorAll('.receipt-code, [data-receipt]')).filter(visibleHere)) {
      for (const node of textNodes(el)) {
        for (const group of node.data.matchAll(/[^\s-]+/g)) {
          const from = group.index!;
          const to = from + group[0].length;
          if (onOneLine(node, from, to)) continue;
          const shownAs = lines(node, from, to);
          if (shownAs.length > 1) {
            report('receipt', `receipt group "${group[0]}" is split over ${shownAs.length} lines ("${shownAs.join(' / ')}") in ${describe(el)}`);
          }
        }
      }
    }
  }

  // 6. Tap targets.
  if (on('tap-target')) {
    const inlineDisplay = (d: string) => d.startsWith('inline') || d === 'contents' || d.startsWith('ruby');
    const words = (s: string) => s.replace(/\s+/g, ' ').trim();
    /// A link inside running text: its block has text of its own besides its links and buttons.
    const inRunningText = (a: HTMLElement) => {
      if (!inlineDisplay(style(a).display)) return false;
      let block = a.parentElement;
      while (block && block !== document.body && inlineDisplay(style(block).display)) block = block.parentElement;
      if (!block) return false;
      let rest = words(block.innerText);
      for (const inner of Array.from(block.querySelectorAll('a, button'))) {
        const text = words((inner as HTMLElement).innerText);
        if (text) rest = rest.replace(text, ' ');
      }
      return /[\p{L}\p{N}]/u.test(rest);
    };
    /// The size a finger meets: for an inline element on one line, that line's box; wrapped
    /// over several lines, the lines together (as tall as they are, as wide as the widest).
    const size = (el: Element) => {
      if (style(el).display === 'inline') {
        const rects = Array.from(el.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
        if (rects.length) {
          const top = Math.min(...rects.map((r) => r.top));
          const bottom = Math.max(...rects.map((r) => r.bottom));
          return { w: Math.max(...rects.map((r) => r.width)), h: bottom - top };
        }
      }
      const r = el.getBoundingClientRect();
      return { w: r.width, h: r.height };
    };
    const seen = new Set<Element>();
    const small: { key: string; one: string; many: string; example: string }[] = [];
    const context = (el: Element) => {
      const list = el.parentElement?.closest('table, ul, ol, dl, nav, header, footer, form');
      return list ? ` in ${bare(list)}` : '';
    };
    const add = (el: Element, w: number, h: number, what: string) => {
      const kind = el.tagName === 'A' ? 'links' : el.tagName === 'INPUT' ? 'choices' : 'controls';
      small.push({
        key: `${bare(el)}|${context(el)}|${what}|${Math.round(h)}`,
        one: `${describe(el)} is ${px(w)}x${px(h)}px, ${what}`,
        many: `${kind} (${bare(el)}${context(el)}) are about ${Math.round(h)}px high, ${what.replace(/^an? /, '').replace('link', 'links')}`,
        example: `"${snippet(el)}"`,
      });
    };
    const need = (el: Element, w: number, h: number, what: string) => {
      const s = size(el);
      if (s.w + 0.5 < w || s.h + 0.5 < h) add(el, s.w, s.h, what);
    };
    const controls = 'button, input[type=submit], input[type=button], input[type=reset], select, summary, .button, .button-secondary, .quick-exit';
    for (const el of Array.from(document.querySelectorAll(controls))) {
      if (seen.has(el) || !visibleHere(el)) continue;
      seen.add(el);
      need(el, 44, 44, 'smaller than 44x44px');
    }
    for (const el of Array.from(document.querySelectorAll('a[href]'))) {
      if (seen.has(el) || !visibleHere(el)) continue;
      seen.add(el);
      if (inRunningText(el as HTMLElement)) need(el, 0, 24, 'a link in running text lower than 24px');
      else need(el, 44, 44, 'a stand-alone link smaller than 44x44px');
    }
    for (const el of Array.from(document.querySelectorAll('input[type=checkbox], input[type=radio]'))) {
      if (!visibleHere(el)) continue;
      const input = el as HTMLInputElement;
      const row =
        input.closest('label, .choice') ?? (input.id ? document.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null);
      if (row && visibleHere(row)) {
        const r = row.getBoundingClientRect();
        if (r.height + 0.5 >= 44 && r.width + 0.5 >= 44) continue;
        add(input, r.width, r.height, `with its label ${bare(row)}, smaller than 44x44px`);
      } else need(el, 44, 44, 'a choice without a label row, smaller than 44x44px');
    }
    grouped('tap-target', small);
  }

  // 7. The text of buttons and form fields as large as the page's text.
  if (on('control-font')) {
    const bodySize = parseFloat(style(document.body).fontSize);
    const fields = Array.from(
      document.querySelectorAll('select, textarea, input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([type=file]):not([type=range]):not([type=color])'),
    ).filter((el) => visibleHere(el) && !buttons.includes(el));
    const sizes = [...buttons, ...fields].map((el) => ({ el, size: parseFloat(style(el).fontSize) }));
    const small: { key: string; one: string; many: string; example: string }[] = [];
    for (const { el, size } of sizes) {
      if (size + 0.5 >= bodySize) continue;
      // A larger button beside it (a primary button smaller than the secondary one).
      const peer = sizes.find(
        (s) => s.el !== el && buttons.includes(s.el) && s.el.parentElement === el.parentElement && s.size > size + 0.5,
      );
      const also = buttons.includes(el) && peer ? `, and smaller than ${describe(peer.el)} (${px(peer.size)}px) beside it` : '';
      small.push({
        key: `${bare(el)}|${size}|${also}`,
        one: `the text of ${describe(el)} is ${px(size)}px, smaller than the page's ${px(bodySize)}px text${also}`,
        many: `× ${bare(el)} have ${px(size)}px text, smaller than the page's ${px(bodySize)}px text`,
        example: `"${snippet(el)}"`,
      });
    }
    grouped('control-font', small);
  }

  // The same problem on several elements (e.g. every "Show" button): once, with a count.
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p, (counts.get(p) ?? 0) + 1);
  return Array.from(counts, ([p, n]) => (n > 1 ? `${p} (x${n})` : p));
}
