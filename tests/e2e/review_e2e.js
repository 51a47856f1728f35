// End-to-end test of `tmalign review` in a real browser (Debian's chromium driven by
// playwright-core), as an editor would use it on the bundled bulletin:
// open the page, filter weak beads, step to one with the keyboard, merge it with the next,
// reload and see the merge persisted; a segment holding <script> shows as text; a second
// tab with a stale version is refused and asked to reload; undo; screenshot.
//
// usage: node review_e2e.js TMALIGN_BINARY SOURCE_DIR SCREENSHOT.png
// Exit 0 pass, 1 fail, 77 skipped (no chromium, no playwright-core, no CC-CEDICT).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

const SKIP = 77;
const CHROMIUM = process.env.TMALIGN_CHROMIUM || '/usr/bin/chromium';
const DOC = 'pujiang-2021-bulletin-07';

function skip(why) {
  console.log('review_e2e: SKIPPED: ' + why);
  process.exit(SKIP);
}

const [binary, sourceDir, screenshot] = process.argv.slice(2);
if (!binary || !sourceDir || !screenshot) {
  console.error('usage: node review_e2e.js TMALIGN_BINARY SOURCE_DIR SCREENSHOT.png');
  process.exit(2);
}
if (!fs.existsSync(CHROMIUM)) skip(CHROMIUM + ' is missing (apt-get install chromium)');
let playwright;
try {
  playwright = require(require.resolve('playwright-core', { paths: [__dirname] }));
} catch (e) {
  skip('playwright-core is missing (cd tests/e2e && npm install --no-save playwright-core)');
}
const dict = process.env.TMALIGN_DICT ||
    path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'tmalign', 'cedict_ts.u8');
if (!fs.existsSync(dict)) skip('CC-CEDICT is missing at ' + dict + ' (scripts/fetch-cedict)');

function check(condition, message) {
  if (!condition) throw new Error('check failed: ' + message);
}

// Starts `tmalign review` and resolves with {proc, url} once it printed its URL.
function startServer(tm, glossary) {
  return new Promise((resolve, reject) => {
    const proc = spawn(binary, ['review', '--tm', tm, '--doc', DOC, '--glossary', glossary],
                       { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    const timer = setTimeout(() => reject(new Error('review did not print its URL: ' + err)), 30000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/^(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)\n/);
      if (m) { clearTimeout(timer); resolve({ proc, url: m[1] }); }
    });
    proc.stderr.on('data', (d) => { err += d; });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error('review exited with ' + code + ': ' + err)); });
  });
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tmalign-e2e-'));
  const tm = path.join(dir, 'tm.sqlite');
  const corpus = path.join(sourceDir, 'corpora', DOC);
  execFileSync(binary, ['align', path.join(corpus, 'zh.txt'), path.join(corpus, 'en.txt'), '--tm', tm, '--doc', DOC],
               { stdio: 'inherit' });
  const { proc, url } = await startServer(tm, path.join(sourceDir, 'glossary', 'blockchain.tsv'));
  const browser = await playwright.chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  const problems = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    // Any script error, CSP violation or alert() is a failure.
    page.on('pageerror', (e) => problems.push('page error: ' + e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
    page.on('dialog', (d) => { problems.push('dialog opened: ' + d.message()); d.dismiss(); });

    await page.goto(url);
    await page.waitForSelector('body[data-loaded="yes"]');
    const total = await page.locator('tr.bead').count();
    check(total > 20, 'the bulletin shows its beads (' + total + ')');
    check(await page.locator('mark.term').count() > 0, 'glossary terms are marked in the Chinese');

    // Filter: only beads under 0.9.
    await page.fill('#threshold', '0.9');
    await page.check('#weakOnly');
    const confs = await page.locator('tr.bead .conf').allTextContents();
    check(confs.length > 1 && confs.length < total, 'the filter keeps some beads (' + confs.length + ' of ' + total + ')');
    // The page shows two decimals: a bead at 0.897 is under 0.9 and reads "0.90".
    for (const c of confs) check(parseFloat(c) <= 0.9, 'a filtered bead is under 0.9 (' + c + ')');

    // Keyboard: j goes to the first weak bead.
    await page.locator('h1').click();
    await page.keyboard.press('j');
    const focused = page.locator('tr.bead.focus');
    check(await focused.count() === 1, 'j focuses a weak bead');
    const position = parseInt((await focused.getAttribute('id')).replace('bead-', ''), 10);

    // What bead `position` and the next hold, from the API the page uses.
    const before = await page.evaluate(async () => {
      const r = await fetch('api/document' + location.search);
      return r.json();
    });
    const a = before.beads.find((b) => b.position === position);
    const b = before.beads.find((x) => x.position === position + 1);
    check(a && b, 'bead ' + position + ' has a next bead');
    const text = (side, sep = '') => side.map((s) => s.segs.map((g) => g.t).join('')).join(sep);
    const version = before.doc.version;

    // Merge with the next bead (the m key on the focused bead).
    await page.keyboard.press('m');
    await page.waitForSelector('body[data-version="' + (version + 1) + '"]');

    // Reload: the merge is in the TM.
    await page.reload();
    await page.waitForSelector('body[data-loaded="yes"]');
    check(await page.locator('tr.bead').count() === total - 1, 'one bead fewer after the merge and a reload');
    const merged = page.locator('#bead-' + position);
    const mergedZh = (await merged.locator('td.zh .sent').allTextContents()).join('');
    check(mergedZh === text(a.zh) + text(b.zh), 'the merged bead holds both Chinese texts: ' + mergedZh);
    const mergedEn = (await merged.locator('td.en .sent').allTextContents()).join(' ');
    check(mergedEn === [text(a.en, ' '), text(b.en, ' ')].filter((t) => t).join(' '), 'and both English texts: ' + mergedEn);
    const mergedType = await merged.locator('.type').innerText();
    check(mergedType === (a.zh.length + b.zh.length) + '-' + (a.en.length + b.en.length),
          'merged type ' + mergedType);

    // The screenshot: weak beads only, the first one focused.
    await page.fill('#threshold', '0.9');
    await page.check('#weakOnly');
    await page.locator('h1').click();
    await page.keyboard.press('j');
    await page.evaluate(() => window.scrollTo(0, 0));
    fs.mkdirSync(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot });
    console.log('review_e2e: screenshot ' + screenshot);
    await page.uncheck('#weakOnly');

    // A segment holding markup is shown as text and never runs.
    const attack = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    await page.locator('#bead-0 td.en .sent').first().dblclick();
    await page.fill('textarea.editbox', attack);
    await page.click('button.save');
    await page.waitForSelector('body[data-version="' + (version + 2) + '"]');
    check((await page.locator('#bead-0 td.en .sent').first().textContent()) === attack, 'the markup shows as text');
    check(await page.locator('#rows script, #rows img').count() === 0, 'no element was made from the text');

    // A second tab still on the old version is refused and asked to reload.
    const stale = await context.newPage();
    stale.on('pageerror', (e) => problems.push('page error (tab 2): ' + e.message));
    await stale.goto(url);
    await stale.waitForSelector('body[data-loaded="yes"]');
    await page.click('#bead-1 button.review');  // tab 1 marks a bead reviewed
    await page.waitForSelector('body[data-version="' + (version + 3) + '"]');
    await stale.click('#bead-2 button.merge');
    await stale.waitForSelector('#banner:not([hidden])');
    check(/reload/i.test(await stale.locator('#bannerText').innerText()), 'the stale tab is asked to reload');
    check(await stale.locator('#reload').isVisible(), 'the stale tab offers a Reload button');
    await stale.close();

    // Undo takes back the reviewed mark.
    await page.keyboard.press('u');
    await page.waitForSelector('body[data-version="' + (version + 4) + '"]');
    check(!(await page.locator('#bead-1').getAttribute('class')).includes('reviewed'), 'undo removed the reviewed mark');


    // The static report renders the same view offline, read-only.
    const report = path.join(dir, 'report.html');
    execFileSync(binary, ['report', '--tm', tm, '--doc', DOC, '-o', report], { stdio: 'inherit' });
    const offline = await context.newPage();
    offline.on('pageerror', (e) => problems.push('page error (report): ' + e.message));
    offline.on('console', (m) => { if (m.type() === 'error') problems.push('console error (report): ' + m.text()); });
    await offline.goto('file://' + report);
    await offline.waitForSelector('body[data-loaded="yes"]');
    check(await offline.locator('tr.bead').count() === total - 1, 'the report shows every bead');
    check(await offline.locator('button.merge:visible, button.cut:visible').count() === 0, 'the report is read-only');
    await offline.check('#weakOnly');
    check(await offline.locator('tr.bead').count() < total - 1, 'the report filters too');
  } finally {
    await browser.close();
    proc.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (problems.length) throw new Error(problems.join('\n'));
  console.log('review_e2e: passed');
}

main().catch((e) => {
  console.error('review_e2e: FAILED: ' + (e && e.stack ? e.stack : e));
  process.exit(1);
});
