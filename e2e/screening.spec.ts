import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { exportPublicKey, generateTrainerKeys } from '../src/lib/report/screening_crypto';
import { decodeScreeningRequest } from '../src/lib/report/screening_link';
import { sealReply } from '../src/lib/report/screening_reply';
import type { SessionRecord } from '../src/lib/report/session_record';
import { DB_NAME, STORES } from '../src/lib/storage/schema';
import { hipRecord } from '../src/testing/report_fixtures';
import { guidedLaunch } from './guided_flow';

// Remote screening with no server, in the built app: the trainer makes a link in one browser context; the
// client opens it in a second context (its own storage, so its own IndexedDB and no trainer key), does the
// one short test the link asks for on the fake camera (the rig's supine clip, right leg only), and saves the
// sealed .goniocam file; the trainer imports it and sees the same values. Then hostile files, dropped all at
// once, are each refused with a message and the trainer's store stays byte for byte as it was.

const out = process.env.E2E_OUT ?? new URL('./out/', import.meta.url).pathname;
test.use(guidedLaunch('supine'));

/** The trainer's imported rows exactly as IndexedDB holds them (id-sorted JSON). */
const clientStore = (page: Page) =>
  page.evaluate(
    ({ name, store }) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(JSON.stringify(all.result));
          };
        };
      }),
    { name: DB_NAME, store: STORES.clients },
  );

/** Drop files on the clients view the way a file manager does (one drop, many files). */
async function dropFiles(page: Page, files: { name: string; text: string }[], hugeBytes: number) {
  const dt = await page.evaluateHandle(
    ({ files, hugeBytes }) => {
      const d = new DataTransfer();
      for (const f of files) d.items.add(new File([f.text], f.name));
      d.items.add(new File([new Uint8Array(hugeBytes).fill(0x41)], 'huge.goniocam'));
      return d;
    },
    { files, hugeBytes },
  );
  const zone = page.getByTestId('clients-drop');
  await zone.dispatchEvent('dragenter', { dataTransfer: dt });
  await zone.dispatchEvent('dragover', { dataTransfer: dt });
  await zone.dispatchEvent('drop', { dataTransfer: dt });
}

/** The values table of the report page: measure, side, value, and the row as read. */
const reportValues = (page: Page) =>
  page
    .getByTestId('report-value')
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.getAttribute('data-kind'),
        r.getAttribute('data-side'),
        r.getAttribute('data-value'),
        (r as HTMLElement).innerText,
      ]),
    );

test('a trainer screens a client through a link, and refuses hostile replies', async ({ page, browser }) => {
  test.setTimeout(420_000);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  // ── The trainer makes the link: the supine test, right side only, a label and instructions.
  await page.goto('/?backend=wasm#/trainer');
  const print = (await page.getByTestId('trainer-fingerprint').textContent())!;
  expect(print).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
  await page.getByTestId('link-test-seated').uncheck();
  await page.getByTestId('link-test-supine').check();
  await page.getByTestId('link-side-left').uncheck();
  await page.getByTestId('link-client').fill('Sam K.');
  await page
    .getByTestId('link-instructions')
    .fill('Right hip only, please. Use a tall shelf for the phone, looking straight down at your knee.');
  await page.getByTestId('link-make').click();
  const link = await page.getByTestId('screening-link').inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/screen\/[A-Za-z0-9_-]+$/);
  await page.screenshot({ path: `${out}trainer-link.png`, fullPage: true });
  const before = await clientStore(page);
  expect(JSON.parse(before)).toEqual([]);

  // ── The client, in a second context with its own storage, opens the link and does exactly that test.
  const clientContext = await browser.newContext({ acceptDownloads: true });
  const client = await clientContext.newPage();
  await client.goto(link.replace('/#/', '/?backend=wasm#/'));
  await expect(client.getByTestId('client-fingerprint')).toHaveText(print);
  await expect(client.getByTestId('client-instructions')).toContainText('Right hip only');
  await expect(client.getByTestId('client-test')).toHaveCount(1);
  await expect(client.getByTestId('client-sides')).toContainText('right side only');
  await expect(client.getByTestId('what-it-proves')).toContainText('not');
  await client.screenshot({ path: `${out}trainer-client-link.png`, fullPage: true });
  await client.getByTestId('client-start').click();
  await expect(client.getByTestId('live-angle')).toHaveText(/^-?\d+°$/, { timeout: 90_000 });
  await client.screenshot({ path: `${out}trainer-client-testing.png` });
  const done = client.locator('[data-testid="client-test"][data-test="supine"][data-done="true"]');
  await expect(done).toBeVisible({ timeout: 300_000 });
  // A reload keeps what was done: the finished test is read back from this device's history.
  await client.reload();
  await expect(done).toBeVisible();
  // Only the side asked for was tested.
  const clientRight = await client.getByTestId('client-value-supine-right').getAttribute('data-value');
  expect(Number(clientRight)).toBeGreaterThan(0);
  await expect(client.getByTestId('client-value-supine-left')).toHaveCount(0);
  const [download] = await Promise.all([
    client.waitForEvent('download'),
    client.getByTestId('client-download').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^goniocam-Sam_K_-\d{4}-\d\d-\d\d\.goniocam$/);
  const sealedPath = `${out}screening-reply.goniocam`;
  await download.saveAs(sealedPath);
  await expect(client.getByTestId('client-saved')).toBeVisible();
  await client.screenshot({ path: `${out}trainer-client-done.png`, fullPage: true });
  const sealed = readFileSync(sealedPath, 'utf8');
  // Nothing readable travels: the label and the values are inside the ciphertext.
  expect(sealed).not.toContain('Sam');
  expect(sealed).not.toContain('internal');

  // ── The trainer imports it (file chooser) and sees the client's values.
  await page.getByTestId('clients-import').setInputFiles(sealedPath);
  await expect(page.locator('[data-testid="import-message"][data-ok="true"]')).toContainText(
    '1 report from Sam K. imported.',
  );
  const row = page.locator('[data-testid="client-row"][data-client="Sam K."]');
  await expect(row.getByTestId('client-value-supine-right')).toHaveAttribute('data-value', clientRight!);
  await expect(page.getByTestId('client-group').getByTestId('progress-supine')).toBeVisible();
  expect(JSON.parse(await clientStore(page))).toHaveLength(1);

  // The full report, opened on each side, reads the same: every value, side, confidence and rule.
  const href = (await page.getByTestId('client-session').first().getAttribute('href'))!;
  await page.goto(`/?backend=wasm${href}`);
  await expect(page.getByTestId('report-client')).toHaveText('Sam K.');
  const trainerSees = await reportValues(page);
  await client.goto(`/?backend=wasm${href}`);
  await expect(client.getByTestId('report')).toBeVisible();
  expect(await reportValues(client)).toEqual(trainerSees);
  expect(
    trainerSees.some(
      ([kind, side, v]) => kind === 'internal-rotation' && side === 'right' && v === clientRight,
    ),
  ).toBe(true);
  await clientContext.close();

  // ── A second client's reply with two sessions (made from the scripted body of the unit tests): the
  // clients side by side, and a client's sessions over time.
  await page.goto('/?backend=wasm#/trainer');
  await expect(page.getByTestId('client-row')).toHaveCount(1);
  // The trainer's public key, as anyone holding the link has it.
  const decoded = await decodeScreeningRequest(new URL(link).hash);
  if (!decoded.ok) throw new Error(decoded.error);
  const trainerKey = decoded.request.key;
  const alex = [
    hipRecord('supine', { id: 'alex-1', createdAt: new Date('2026-11-04T17:00:00Z') }),
    hipRecord('supine', { id: 'alex-2', createdAt: new Date('2026-11-25T17:00:00Z') }),
  ];
  await page.getByTestId('clients-import').setInputFiles({
    name: 'goniocam-Alex_P_-2026-11-25.goniocam',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(await sealReply({ client: 'Alex P.', records: alex }, trainerKey)),
  });
  await expect(page.getByTestId('import-message')).toContainText('2 reports from Alex P. imported.');
  await expect(page.getByTestId('client-row')).toHaveCount(2);
  await expect(page.getByTestId('progress-supine')).toHaveCount(2);
  await page.getByTestId('clients').screenshot({ path: `${out}trainer-clients.png` });
  const imported = await clientStore(page);
  expect(JSON.parse(imported)).toHaveLength(3);

  // ── Hostile replies, dropped all at once: each refused with its message; the store is unchanged.
  const tampered = JSON.parse(sealed) as { ct: string };
  const mid = tampered.ct.length >> 1;
  tampered.ct = `${tampered.ct.slice(0, mid)}${tampered.ct[mid] === 'A' ? 'B' : 'A'}${tampered.ct.slice(mid + 1)}`;
  const other = await generateTrainerKeys();
  const html = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const plain = { ...hipRecord('supine', { client: html }), id: html };
  // Sealed to this trainer, so it decrypts, but what is inside is not a report (HTML where the test goes).
  const badInside = {
    ...plain,
    context: { ...plain.context, test: html },
  } as unknown as SessionRecord;
  const hostile = [
    { name: 'tampered.goniocam', text: JSON.stringify(tampered) },
    {
      name: 'other-trainer.goniocam',
      text: await sealReply({ client: 'Sam K.', records: [plain] }, await exportPublicKey(other.publicKey)),
    },
    { name: 'plain-report.json', text: JSON.stringify(plain) },
    {
      name: 'html-inside.goniocam',
      text: await sealReply({ client: html, records: [badInside] }, trainerKey),
    },
  ];
  await dropFiles(page, hostile, 7 * 1024 * 1024);
  const messages = page.getByTestId('import-message');
  await expect(messages).toHaveCount(5);
  await expect(page.locator('[data-testid="import-message"][data-ok="false"]')).toHaveCount(5);
  const said = await messages.allInnerTexts();
  expect(said[0]).toMatch(/tampered\.goniocam: This file was changed after it was sealed/);
  expect(said[1]).toMatch(/other-trainer\.goniocam: This file was sealed to another trainer's key/);
  expect(said[2]).toMatch(
    /plain-report\.json: This is a plain goniocam report, not a reply sealed to your key/,
  );
  expect(said[3]).toMatch(
    /html-inside\.goniocam: Report 1 in the file: This goniocam report is damaged or was altered/,
  );
  expect(said[4]).toMatch(/huge\.goniocam: Too large for a goniocam reply \(7\.0 MB/);
  for (const s of said) expect(s).toMatch(/Nothing from this file was stored\.$/);
  await page.getByTestId('clients').screenshot({ path: `${out}trainer-refused.png` });
  expect(await clientStore(page)).toBe(imported);
  await expect(page.getByTestId('client-row')).toHaveCount(2);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  // A well-formed reply whose label is HTML is shown as the text it is, never run.
  await page.getByTestId('clients-import').setInputFiles({
    name: 'label.goniocam',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(
      await sealReply({ client: html, records: [hipRecord('supine', { id: 'label-test' })] }, trainerKey),
    ),
  });
  await expect(page.getByTestId('client-row')).toHaveCount(3);
  const labels = await page
    .getByTestId('client-row')
    .evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-client'), r.querySelector('th')?.textContent]),
    );
  expect(labels).toContainEqual([html, html]);
  await expect(page.getByTestId('clients').locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  writeFileSync(`${out}screening-said.txt`, said.join('\n'));
});
