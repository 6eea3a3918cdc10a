/**
 * A store as reader apps find it: a wire report, another outlet's copy of it, and an unrelated
 * report by a third outlet, arriving a minute apart from 12:00 (ids 1, 2, 3); the server on it, and
 * `arrive` to store more.
 */
import type { RawDocument } from '../../model/index.js';
import { createPipeline } from '../../pipeline/create-pipeline.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import { createApp } from '../create-app.js';

export const READER_LOGIN = 'ada@harbour.example:tide-table-7';
/** When the reports arrive: 12:00, 12:01, 12:02 on 16 April 2026. */
export const ARRIVED = ['2026-04-16T12:00:00.000Z', '2026-04-16T12:01:00.000Z', '2026-04-16T12:02:00.000Z'];

export const doc = (path: string, content: string, hints: RawDocument['hints']): RawDocument => ({ path, index: 0, format: 'text', content, hints });

const WIRE =
  'Engineers closed the lower sluice gates at the Marrow Bay barrier on Tuesday as the river rose for a third day.\n\n' +
  '"We will keep them shut until the tide turns," said the barrier chief, Tomas Greer, adding that pumps were running at full power.\n\n' +
  'Residents of the lower town were told to move cars off the quay by nightfall.';
const FERRY =
  'Ferry crossings between Saltmere and Lowen Quay were cancelled for a second day on Wednesday as gales kept boats in port.\n\n' +
  'The operator said it would refund tickets and run extra sailings once the wind dropped below forty knots.';

export async function readerStore(options: { token?: string; readerLogin?: string } = { readerLogin: READER_LOGIN }) {
  const store = openSqliteStore(':memory:');
  let arrival = 0;
  const pipeline = createPipeline(store, { now: () => new Date(ARRIVED[Math.min(arrival, ARRIVED.length - 1)]!) });
  const arrive = async (document: RawDocument): Promise<void> => {
    await pipeline.ingestDocument(document);
    arrival += 1;
  };
  await arrive(doc('wire.txt', WIRE, { source: 'Nordwire', title: 'Sluice gates shut at Marrow Bay', published: '2026-04-14T08:00:00Z', url: 'https://nordwire.example/sluice' }));
  await arrive(doc('copy.txt', `${WIRE}\n\nRead more on our website.`, { source: 'Valley Courier', title: 'Marrow Bay gates closed as river rises', url: 'https://valley.example/gates' }));
  await arrive(doc('ferry.txt', FERRY, { source: 'Bay Herald', title: 'Ferries cancelled for a second day', published: '2026-04-15T07:00:00Z' }));
  const { app } = createApp({ store, ...options });
  return { store, app, arrive };
}
