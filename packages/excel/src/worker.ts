// Worker thread for uploaded spreadsheets and archives (bundled by scripts/build-workers.mjs into
// dist/excel-worker.mjs): the zip guard, the inflation and exceljs's parse all run here.
import { serveTasks } from '@ccgov/report/offload';
import { readTemplate } from './read';
import { readPlainTable } from './table';
import { readZipEntries } from './zip-guard';

serveTasks({
  readTemplate: (data: Uint8Array, opts: { year: number }) => readTemplate(data, opts),
  readPlainTable: (data: Uint8Array) => readPlainTable(data),
  // An entry stored without compression is a view of the upload: copied, so only its bytes go back.
  readZipEntries: async (data: Uint8Array) => {
    const r = await readZipEntries(data);
    return r.ok ? { ok: true, entries: r.entries.map((e) => ({ name: e.name, data: e.data.slice() })) } : r;
  },
});
