import { Readable } from 'node:stream';
import { CsvSpec } from './csv-columns';
import { csvLine } from './csv-format';

/** Lines per chunk pushed to the socket: fewer, larger writes without holding a whole export in memory. */
const LINES_PER_CHUNK = 256;

/** The CSV text of `body` as a stream: the header row, then one line per row as the rows arrive. */
export function csvStream<Body>(spec: CsvSpec<Body>, body: Body): Readable {
  async function* lines(): AsyncGenerator<string> {
    yield csvLine(spec.columns.map((c) => c.header));
    let chunk = '';
    let count = 0;
    for await (const row of spec.rows(body)) {
      chunk += csvLine(spec.columns.map((c) => c.value(row)));
      if (++count % LINES_PER_CHUNK === 0) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  return Readable.from(lines(), { objectMode: false });
}
