// A second worker, started by hash-worker.js, that computes the MD5 of a file while the first
// computes its SHA-256 from the same chunks: with two cores the two digests then take about
// the time of the slower one instead of their sum. Chunks arrive transferred (not copied);
// each is acknowledged so the sender stays at most a few chunks ahead. No network requests.
import { loadHashing } from './load-hash.js';

const ready = loadHashing();
const jobs = new Map();

self.onmessage = async (event) => {
  const { Md5Stream } = await ready;
  const message = event.data;
  if (message.type === 'start') {
    jobs.set(message.job, new Md5Stream());
  } else if (message.type === 'chunk') {
    jobs.get(message.job)?.update(new Uint8Array(message.buffer, message.offset, message.length));
    self.postMessage({ type: 'ack', job: message.job });
  } else if (message.type === 'finish') {
    const md5 = jobs.get(message.job);
    jobs.delete(message.job);
    self.postMessage({ type: 'md5', job: message.job, md5: md5 ? md5.finish() : null });
  } else if (message.type === 'abort') {
    jobs.get(message.job)?.free();
    jobs.delete(message.job);
  }
};
