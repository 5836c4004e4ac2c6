#!/usr/bin/env node
// The API reports of the package's typed entries (npm run check:api, after npm run build): API Extractor reads
// each entry's built .d.ts and compares its public surface with the committed report in api/ (api/engine.api.md for
// diffusion-kit/engine, api/diffusion-kit.api.md for the components). Exits non-zero when a report is out of date,
// so a change to the public API cannot pass `npm test` unseen. After a deliberate change:
//
//   npm run check:api -- --local    rewrites the reports; review their diff and commit them with the change
//
// Settings: api/api-extractor.base.json and one api/<entry>.api-extractor.json per entry.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const local = process.argv.includes('--local');
const ENTRIES = [
  { name: 'diffusion-kit/engine', config: 'api/engine.api-extractor.json', js: 'dist/engine/index.js' },
  { name: 'diffusion-kit', config: 'api/diffusion-kit.api-extractor.json', js: null },
];

let failed = 0;
for (const entry of ENTRIES) {
  const config = ExtractorConfig.loadFileAndPrepare(path.join(root, entry.config));
  if (!existsSync(config.mainEntryPointFilePath)) {
    console.error(
      `check:api: ${path.relative(root, config.mainEntryPointFilePath)} is missing: run \`npm run build\` first.`,
    );
    process.exit(1);
  }
  const result = Extractor.invoke(config, { localBuild: local, messageCallback: quietInfo });
  const report = path.relative(root, config.reportFilePath);
  if (result.succeeded) {
    const values = entry.js
      ? ` (${Object.keys(await import(pathToFileURL(path.join(root, entry.js)).href)).length} values at run time)`
      : '';
    console.log(
      `check:api ${entry.name}: ${result.apiReportChanged ? `${report} updated` : `matches ${report}`}${values}`,
    );
  } else {
    failed++;
    console.error(
      result.apiReportChanged
        ? `check:api ${entry.name}: FAILED: the public API differs from ${report}. If the change is meant, run ` +
            '`npm run check:api -- --local`, review the diff of the report and commit it with the change.'
        : `check:api ${entry.name}: FAILED with ${result.errorCount} errors and ${result.warningCount} warnings (above).`,
    );
  }
}
process.exit(failed ? 1 : 0);

/** API Extractor's chatter (its version, the TypeScript it uses) stays out of the test log. */
function quietInfo(message) {
  if (message.logLevel === 'info' || message.logLevel === 'verbose') message.handled = true;
}
