// The Web Worker that hashes files picked on the report page. Runs off the main thread so a
// large video never freezes the phone. Decodes with the browser's own decoders, hashes in WASM
// (MD5 + SHA-256 of the bytes, PDQ of the pixels) and posts back only hashes and progress.
// Video frames come from the page (a Worker has no <video>; see hash-client.js) as
// VideoFrames, one at a time; each is hashed and closed here.
// Nothing here makes a network request except loading its own WASM.
import init, { StreamHasher, pdqRgba, pdqFrameRgba } from './hash.js';

const ready = init();
const cancelled = new Set();

self.onmessage = async (event) => {
  const message = event.data;
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
  try {
    await ready;
    const result = await hashFile(id, file);
    self.postMessage({ type: 'done', id, result });
  } catch (error) {
    const reason = error && error.name === 'Cancelled' ? 'cancelled' : 'unreadable';
    self.postMessage({ type: 'failed', id, reason });
  } finally {
    cancelled.delete(id);
  }
};

function checkCancelled(id) {
  if (cancelled.has(id)) {
    const error = new Error('cancelled');
    error.name = 'Cancelled';
    throw error;
  }
}

async function hashFile(id, file) {
  const isImage = file.type.startsWith('image/');
  const isVideo = file.type.startsWith('video/');
  // Byte hashes take most of the time for big files; pixels for photos. Weigh progress so.
  const bytesShare = isImage ? 0.3 : 1;
  const hasher = new StreamHasher();
  const reader = file.stream().getReader();
  let read = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (cancelled.has(id)) {
      await reader.cancel();
      hasher.free();
      checkCancelled(id);
    }
    hasher.update(value);
    read += value.length;
    self.postMessage({ type: 'progress', id, fraction: (read / Math.max(file.size, 1)) * bytesShare });
  }
  const [md5, sha256] = hasher.finish();
  const result = { kind: isVideo ? 'video' : isImage ? 'image' : 'other', md5, sha256, pdq: null, pdq_quality: null, dihedral: [], video_frames: [], decoded: false };
  if (isImage) {
    checkCancelled(id);
    try {
      // EXIF orientation applied: the hash is of the picture as people see it.
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image', premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d', { willReadFrequently: true });
      context.drawImage(bitmap, 0, 0);
      bitmap.close();
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      checkCancelled(id);
      const pdq = pdqRgba(canvas.width, canvas.height, pixels);
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
    const context = frameCanvas.getContext('2d', { willReadFrequently: true });
    context.clearRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
    const pixels = context.getImageData(0, 0, width, height).data;
    const pdq = pdqFrameRgba(width, height, pixels);
    const result = { hash: pdq.hash, quality: pdq.quality };
    pdq.free();
    return result;
  } catch {
    return { failed: true };
  } finally {
    image.close();
  }
}
