// Loads HTML reports in Debian's Chromium (headless, via playwright-core) at a phone's and a
// desktop's width and prints every element of the body whose box reaches past the page's
// right edge (a long word that does not wrap pushes the page sideways).
// Usage: node overflow.js FILE.html...; exit 1 if anything overflows, 2 if Chromium is missing.
'use strict';
const path = require('path');

let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (e) {
  console.error('overflow.js: playwright-core is not installed (npm ci in tests/)');
  process.exit(2);
}

async function main(files) {
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (e) {
    console.error('overflow.js: cannot start Chromium: ' + e.message.split('\n')[0]);
    process.exit(2);
  }
  let overflows = 0;
  try {
    for (const width of [360, 1024]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      // Nothing but the report itself: no network, even if a link or resource tried.
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) route.continue(); else route.abort();
      });
      for (const file of files) {
        await page.goto('file://' + path.resolve(file));
        const bad = await page.evaluate(() => {
          const limit = document.documentElement.clientWidth + 1;
          const out = [];
          if (document.documentElement.scrollWidth > limit)
            out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth +
                     'px wide in ' + (limit - 1) + 'px');
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && r.right > limit) {
              const text = (el.textContent || '').trim().slice(0, 40);
              out.push('<' + el.tagName.toLowerCase() + '> ends at ' + Math.round(r.right) +
                       'px: "' + text + '"');
            }
          }
          return out.slice(0, 10);
        });
        for (const b of bad) {
          console.log(`${file} at ${width}px: ${b}`);
          overflows++;
        }
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.exit(overflows > 0 ? 1 : 0);
}

main(process.argv.slice(2)).catch((e) => {
  console.error('overflow.js: ' + e.message);
  process.exit(2);
});
