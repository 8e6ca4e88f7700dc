// The Web Worker that hashes files picked on the report page. Runs off the main thread so a
// large video never freezes the phone. Decodes with the browser's own decoders, hashes in WASM
// (MD5 + SHA-256 of the bytes, PDQ of the pixels) and posts back only hashes and progress.
// Nothing here makes a network request except loading its own WASM.
import init, { StreamHasher, pdqRgba } from './hash.js';

const ready = init();
const cancelled = new Set();

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === 'cancel') {
    cancelled.add(message.id);
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
