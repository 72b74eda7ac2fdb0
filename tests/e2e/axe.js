// Runs axe-core on HTML files in Debian's Chromium (headless, via playwright-core)
// and prints every violation. Usage: node axe.js FILE.html... ; exit 1 on violations.
'use strict';
const path = require('path');
const fs = require('fs');
const { chromium } = require('playwright-core');

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function main(files) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--disable-quic'],
  });
  let violations = 0;
  try {
    const page = await browser.newPage();
    for (const file of files) {
      await page.goto('file://' + path.resolve(file));
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => {
        // WCAG 2.1 A and AA, and axe's best practices.
        return await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        });
      });
      for (const v of result.violations) {
        for (const node of v.nodes) {
          violations++;
          console.log(`${file}: ${v.id} (${v.impact}): ${v.help} at ${node.target.join(' ')}`);
        }
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`axe: ${files.length} pages, ${violations} violations`);
  process.exit(violations > 0 ? 1 : 0);
}

main(process.argv.slice(2)).catch((e) => { console.error(e); process.exit(2); });
