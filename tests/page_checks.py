"""What a reader sees on a page, measured in headless Chromium: words broken across lines in tables,
characters drawn as missing-glyph boxes, and each figure's axes and text labels as drawn.

:func:`measure_page` opens a copy of a page (next to it, so its assets load) with :data:`MEASURE_JS`
added; the script waits for plotly to draw, measures, and writes its findings into the page as JSON.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

MEASURE_JS = r"""
(function () {
  // Runs of letters and digits that a line must not break: not Chinese, Japanese or Korean, where a
  // line may break between any two characters.
  const WORD = /(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{M}\p{N}_])+/gu;

  function lineCount(node, start, end) {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const tops = new Set();
    for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
    return tops.size;
  }

  function brokenWords() {
    const broken = [];
    for (const cell of document.querySelectorAll('td, th')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      const oneWord = !/\s/.test(cell.textContent.trim());
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (oneWord && node.data.trim() && lineCount(node, 0, node.data.length) > 1) {
          broken.push(node.data.trim());
          continue;
        }
        for (const match of node.data.matchAll(WORD)) {
          if (lineCount(node, match.index, match.index + match[0].length) > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  }

  // A character is a missing glyph when it draws exactly as an unassigned code point does.
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 40;
  const context = canvas.getContext('2d', {willReadFrequently: true});
  function pixels(text, family) {
    context.clearRect(0, 0, 40, 40);
    context.font = '28px ' + family;
    context.textBaseline = 'top';
    context.fillText(text, 4, 4);
    return context.getImageData(0, 0, 40, 40).data.join(',');
  }
  const SCRIPTS = {Han: /\p{Script=Han}/u, Cyrillic: /\p{Script=Cyrillic}/u};
  const checked = {Han: 0, Cyrillic: 0};
  function missingGlyphs() {
    const missing = new Set(), seen = new Set(), boxes = {};
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || ['SCRIPT', 'STYLE'].includes(element.tagName)) continue;
      const family = getComputedStyle(element).fontFamily;
      if (!(family in boxes)) boxes[family] = pixels('\u0378', family);
      for (const char of node.data) {
        if (char.codePointAt(0) < 0x250 || /\s/u.test(char) || seen.has(family + char)) continue;
        seen.add(family + char);
        for (const script in SCRIPTS) if (SCRIPTS[script].test(char)) checked[script] += 1;
        if (pixels(char, family) === boxes[family]) missing.add(char);
      }
    }
    return [...missing];
  }

  function figures() {
    return [...document.querySelectorAll('.js-plotly-plot')].map(function (plot) {
      const layout = plot._fullLayout;
      const axes = Object.keys(layout).filter((key) => /^[xy]axis\d*$/.test(key)).map(function (key) {
        const axis = layout[key];
        const ticks = [...plot.querySelectorAll('g.' + axis._id + 'tick text')].map((text) => text.textContent);
        return {id: axis._id, title: (axis.title && axis.title.text) || '', ticks: ticks};
      });
      const labels = [...plot.querySelectorAll('.scatterlayer .textpoint text')]
        .filter((text) => text.textContent.trim())
        .map(function (text) {
          const box = text.getBoundingClientRect();
          return {text: text.textContent, box: [box.left, box.top, box.right, box.bottom]};
        });
      const title = (layout.title && layout.title.text) || '';
      return {title: title, axes: axes, labels: labels, width: layout.width, height: layout.height};
    });
  }

  window.addEventListener('load', function () {
    setTimeout(function () {
      const found = {broken_words: brokenWords(), missing_glyphs: missingGlyphs(), glyphs_checked: checked,
                     figures: figures()};
      const out = document.createElement('pre');
      out.id = 'presslens-measured';
      out.textContent = JSON.stringify(found);
      document.body.appendChild(out);
    }, 1500);
  });
})();
"""


def measure_page(browser, page: Path) -> dict:
    """Open ``page`` in the ``browser`` fixture with :data:`MEASURE_JS` and return what it measured:
    ``broken_words`` (words of table cells drawn on two lines), ``missing_glyphs`` (characters drawn as
    boxes), ``glyphs_checked`` (how many Han and Cyrillic characters were checked) and ``figures`` (per
    plotly figure: ``title``, ``axes`` with their tick texts, scatter text ``labels`` with their boxes in
    pixels)."""
    copy = page.with_name(f"measured-{page.name}")
    source = page.read_text(encoding="utf-8")
    copy.write_text(source.replace("</body>", f"<script>{MEASURE_JS}</script></body>", 1), encoding="utf-8")
    try:
        dom, console = browser(copy)
    finally:
        copy.unlink()
    found = re.search(r'<pre id="presslens-measured">(.*?)</pre>', dom, re.S)
    assert found, f"{page.name}: the page did not finish loading and drawing ({[line for line in console][:3]})"
    return json.loads(html.unescape(found.group(1)))


def overlapping_labels(labels: list[dict], *, tolerance: float = 0.5) -> list[tuple[str, str]]:
    """Pairs of text labels whose drawn boxes overlap by more than ``tolerance`` pixels."""
    pairs = []
    for number, first in enumerate(labels):
        for second in labels[number + 1:]:
            a, b = first["box"], second["box"]
            if min(a[2], b[2]) - max(a[0], b[0]) > tolerance and min(a[3], b[3]) - max(a[1], b[1]) > tolerance:
                pairs.append((first["text"], second["text"]))
    return pairs
