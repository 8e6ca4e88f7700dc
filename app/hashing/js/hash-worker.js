// The Web Worker that hashes files picked on the report page. Runs off the main thread so a
// large video never freezes the phone. Decodes with the browser's own decoders, hashes in WASM
// (MD5 + SHA-256 of the bytes, PDQ of the pixels) and posts back only hashes and progress.
// Video frames come from the page (a Worker has no <video>; see hash-client.js) as
// VideoFrames, one at a time; each is hashed and closed here.
// Nothing here makes a network request except loading its own WASM.
import { loadHashing } from './load-hash.js';

// The WASM exports (StreamHasher, Sha256Stream, pdqRgba, pdqFrameRgba), once loaded.
let wasm = null;
const ready = loadHashing().then((exports) => (wasm = exports));
const cancelled = new Set();

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === 'warm') {
    startMd5Helper();
    return;
  }
  if (message.type === 'cancel') {
    cancelled.add(message.id);
    return;
  }
  if (message.type === 'frame') {
    self.postMessage({ type: 'frame', id: message.id, index: message.index, ...(await hashFrame(message.image)) });
    return;
  }
  if (message.type !== 'hash') return;
  const { id, file } = message;
  queue = queue.then(() => hashOne(id, file));
};

// Files are hashed one at a time, in the order picked: a 12-megapixel photo's decoded pixels
// take 48 MB, and a whole camera roll decoded at once would run a phone out of memory.
let queue = Promise.resolve();

async function hashOne(id, file) {
  try {
    await ready;
    checkCancelled(id);
    const result = await hashFile(id, file);
    self.postMessage({ type: 'done', id, result });
  } catch (error) {
    const reason = error && error.name === 'Cancelled' ? 'cancelled' : 'unreadable';
    self.postMessage({ type: 'failed', id, reason });
  } finally {
    cancelled.delete(id);
  }
}

function checkCancelled(id) {
  if (cancelled.has(id)) {
    const error = new Error('cancelled');
    error.name = 'Cancelled';
    throw error;
  }
}

// For a file larger than one slice, MD5 runs in a second worker while this one computes
// SHA-256, when the device has the cores for it (see digest-worker.js); otherwise both run
// here, one after the other, per slice. (On two cores, one worker doing both hashed 1 GB at
// about 160 MB/s, two at 210.)
const md5Helper = { worker: null, nextJob: 1, acks: new Map(), results: new Map() };
// Bytes are read in slices of this size, a few ahead of the one being hashed. Reading a file
// costs the browser CPU too, and less per byte in large slices (in Chromium here: 1 GB in 1 MB
// slices 2.3 s, in 4 MB slices 1.4 s, in 16 MB slices 1.0 s); hashing 1 GB of MD5 and SHA-256
// takes about 5 s, and two slices read ahead keep it fed. Memory stays small: at most
// READ_AHEAD slices being read plus MAX_CHUNKS_IN_FLIGHT waiting for the MD5 worker. (Reading
// the file's own stream(), in 64 KB chunks, hashing ran at about 140 MB/s; like this, 210.)
const SLICE_BYTES = 8 * 1024 * 1024;
const READ_AHEAD = 2;
// How many slices the MD5 worker may lag behind: bounds the memory held in flight.
const MAX_CHUNKS_IN_FLIGHT = 3;

function startMd5Helper() {
  if (md5Helper.worker === null) {
    md5Helper.worker = false;
    if (typeof Worker === 'function' && (navigator.hardwareConcurrency || 1) > 1) {
      try {
        md5Helper.worker = new Worker(new URL('./digest-worker.js', import.meta.url), { type: 'module' });
        md5Helper.worker.onmessage = (event) => {
          const { type, job } = event.data;
          if (type === 'ack') md5Helper.acks.get(job)?.ack();
          else if (type === 'md5') md5Helper.results.get(job)?.(event.data.md5);
        };
      } catch {
        md5Helper.worker = false;
      }
    }
  }
  return md5Helper.worker;
}

// The chunks handed to the MD5 worker and not yet hashed there, with a way to wait for room.
function inFlight() {
  const counter = { count: 0, wake: null };
  counter.ack = () => {
    counter.count -= 1;
    if (counter.wake) {
      counter.wake();
      counter.wake = null;
    }
  };
  counter.room = () => (counter.count < MAX_CHUNKS_IN_FLIGHT ? null : new Promise((resolve) => (counter.wake = resolve)));
  return counter;
}

// MD5 and SHA-256 of the file's bytes, read slice by slice so a 1 GB video never sits in
// memory.
async function hashBytes(id, file, bytesShare) {
  // A photo's few megabytes take both digests a few milliseconds here: handing them to the
  // MD5 worker (which may still be loading) would cost more than it saves.
  const helper = file.size > SLICE_BYTES ? startMd5Helper() : null;
  const job = md5Helper.nextJob++;
  const counter = inFlight();
  const hasher = helper ? new wasm.Sha256Stream() : new wasm.StreamHasher();
  if (helper) {
    md5Helper.acks.set(job, counter);
    helper.postMessage({ type: 'start', job });
  }
  // Slices being read, oldest first (see SLICE_BYTES).
  const reading = [];
  let requested = 0;
  const readAhead = () => {
    while (reading.length < READ_AHEAD && requested < file.size) {
      const length = Math.min(SLICE_BYTES, file.size - requested);
      const bytes = file.slice(requested, requested + length).arrayBuffer();
      // Awaited below, unless cancelled first: never an unhandled rejection.
      bytes.catch(() => {});
      reading.push({ bytes, length });
      requested += length;
    }
  };
  readAhead();
  try {
    for (let offset = 0; offset < file.size; ) {
      const slice = reading.shift();
      const buffer = await slice.bytes;
      if (buffer.byteLength !== slice.length) throw new Error('the file changed while it was read');
      offset += buffer.byteLength;
      readAhead();
      checkCancelled(id);
      hasher.update(new Uint8Array(buffer));
      if (helper) {
        // Handed over, not copied: this worker is done with the slice.
        helper.postMessage({ type: 'chunk', job, buffer, offset: 0, length: buffer.byteLength }, [buffer]);
        counter.count += 1;
        const room = counter.room();
        if (room) await room;
      }
      self.postMessage({ type: 'progress', id, fraction: (offset / file.size) * bytesShare });
    }
    if (!helper) return hasher.finish();
    const md5 = await new Promise((resolve) => {
      md5Helper.results.set(job, resolve);
      helper.postMessage({ type: 'finish', job });
    });
    return [md5, hasher.finish()];
  } catch (error) {
    hasher.free();
    if (helper) helper.postMessage({ type: 'abort', job });
    throw error;
  } finally {
    md5Helper.acks.delete(job);
    md5Helper.results.delete(job);
  }
}

async function hashFile(id, file) {
  const isImage = file.type.startsWith('image/');
  const isVideo = file.type.startsWith('video/');
  // Byte hashes take most of the time for big files; pixels for photos. Weigh progress so.
  const bytesShare = isImage ? 0.3 : 1;
  // The browser decodes a photo on its own threads: start that now, while the bytes are hashed.
  // EXIF orientation applied: the hash is of the picture as people see it.
  const decoding = isImage
    ? createImageBitmap(file, { imageOrientation: 'from-image', premultiplyAlpha: 'none', colorSpaceConversion: 'none' })
    : null;
  // Not decodable (a format this browser cannot show) is handled below; never unhandled.
  decoding?.catch(() => {});
  let md5, sha256;
  try {
    [md5, sha256] = await hashBytes(id, file, bytesShare);
  } catch (error) {
    decoding?.then((bitmap) => bitmap.close(), () => {});
    throw error;
  }
  const result = { kind: isVideo ? 'video' : isImage ? 'image' : 'other', md5, sha256, pdq: null, pdq_quality: null, dihedral: [], video_frames: [], decoded: false };
  if (isImage) {
    checkCancelled(id);
    try {
      const bitmap = await decoding;
      const { width, height } = bitmap;
      const pixels = rgbaOf(new OffscreenCanvas(width, height), bitmap);
      bitmap.close();
      checkCancelled(id);
      const pdq = wasm.pdqRgba(width, height, pixels);
      result.pdq = pdq.pdq;
      result.pdq_quality = pdq.quality;
      result.dihedral = pdq.dihedral;
      result.decoded = true;
      pdq.free();
    } catch (error) {
      if (error && error.name === 'Cancelled') throw error;
      // Not decodable here (a format this browser cannot show): the byte hashes still count.
    }
  }
  self.postMessage({ type: 'progress', id, fraction: 1 });
  return result;
}

// A picture's pixels as RGBA, for PDQ, drawn on `canvas` at full size: scaling a photo down
// first (as some PDQ hashers do to save time) moved the hashes of text and sharp shapes 14 to
// 32 bits away from Meta's reference on the full-size pixels, too far to match reliably; at
// full size a 12-megapixel photo costs about a tenth of a second here.
function rgbaOf(canvas, image) {
  const { width, height } = canvas;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.clearRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  return context.getImageData(0, 0, width, height).data;
}

// Reused for every frame of a video (all the same size); a photo gets its own canvas, so its
// pixels are freed with it.
let frameCanvas = null;

// PDQ of one video frame (a VideoFrame, or an ImageBitmap). It is closed here whatever
// happens, so no frame lingers.
async function hashFrame(image) {
  try {
    await ready;
    const width = image.displayWidth ?? image.width;
    const height = image.displayHeight ?? image.height;
    if (!frameCanvas || frameCanvas.width !== width || frameCanvas.height !== height) {
      frameCanvas = new OffscreenCanvas(width, height);
    }
    const pixels = rgbaOf(frameCanvas, image);
    const pdq = wasm.pdqFrameRgba(width, height, pixels);
    const result = { hash: pdq.hash, quality: pdq.quality };
    pdq.free();
    return result;
  } catch {
    return { failed: true };
  } finally {
    image.close();
  }
}
