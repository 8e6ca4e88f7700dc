// The file step of the report page: the person picks photos or videos, a Web Worker hashes
// them, and only the hashes are kept (in a hidden field the report form sends). Loaded only
// on the page that hashes. Text comes from the page (data-msg-* attributes, from Fluent).
//
// The file input has no name, so no form submission, with or without JavaScript, can ever
// carry a file. Previews are object URLs that never leave the page.
//
// Videos: the worker hashes the bytes; frames are sampled here, because a Worker has no
// <video>: a detached, muted <video> seeks to each sample time, the frame is grabbed as a
// VideoFrame and transferred to the worker, which draws it and runs PDQ on it. The page's own work per
// frame is a seek and a handover, a few milliseconds. One video is sampled at a time.

const state = { worker: null, entries: new Map(), nextId: 1, sampling: Promise.resolve(), frameWaiters: new Map() };

// A video element that never answers (a codec that stalls) must not hang the step.
const VIDEO_EVENT_TIMEOUT_MS = 15_000;
const SAMPLE_ATTEMPTS = 3;

function worker() {
  if (!state.worker) {
    state.worker = new Worker(new URL('./hash-worker.js', import.meta.url), { type: 'module' });
    state.worker.onmessage = onWorkerMessage;
  }
  return state.worker;
}

// Start the worker (and its MD5 helper) as soon as the step shows: loading and compiling the
// WASM then happens while the person looks for their files, not after they picked them.
if (document.querySelector('[data-file-hasher]')) worker().postMessage({ type: 'warm' });

document.addEventListener('change', (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.matches('[data-file-hasher] input[type=file]')) return;
  const root = input.closest('[data-file-hasher]');
  for (const file of Array.from(input.files || [])) add(root, file);
  // Forget the selection: the files live only in this script's memory until hashed.
  input.value = '';
});

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element && event.target.closest('[data-file-hasher] [data-action]');
  if (!button) return;
  const root = button.closest('[data-file-hasher]');
  if (button.dataset.action === 'cancel-all') {
    for (const [id, entry] of state.entries) {
      if (entry.root === root && entry.status === 'working') {
        entry.stop = true;
        worker().postMessage({ type: 'cancel', id });
      }
    }
  } else if (button.dataset.action === 'remove') {
    const id = Number(button.dataset.id);
    const entry = state.entries.get(id);
    if (!entry) return;
    entry.stop = true;
    if (entry.status === 'working') worker().postMessage({ type: 'cancel', id });
    if (entry.previewUrl) URL.revokeObjectURL(entry.previewUrl);
    entry.item.remove();
    state.entries.delete(id);
    update(root);
  }
});

function text(root, name) {
  return root.dataset[name] || '';
}

function add(root, file) {
  const id = state.nextId++;
  const item = document.createElement('li');
  item.className = 'file-item';
  let previewUrl = null;
  if (file.type.startsWith('image/')) {
    previewUrl = URL.createObjectURL(file);
    const img = document.createElement('img');
    // Decoding a 12-megapixel preview must not block the page.
    img.decoding = 'async';
    img.src = previewUrl;
    img.alt = text(root, 'msgPreviewAlt');
    img.className = 'file-preview';
    item.append(img);
  }
  const body = document.createElement('div');
  body.className = 'file-body';
  const name = document.createElement('span');
  name.className = 'file-name';
  name.textContent = file.name;
  const progress = document.createElement('progress');
  progress.max = 1;
  progress.value = 0;
  progress.setAttribute('aria-label', file.name);
  const status = document.createElement('span');
  status.className = 'file-status';
  status.setAttribute('role', 'status');
  // The worker takes files one at a time: the ones behind it say they wait, not that they work.
  status.textContent = text(root, 'msgWaiting');
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'button-secondary';
  remove.dataset.action = 'remove';
  remove.dataset.id = String(id);
  remove.textContent = text(root, 'msgRemove');
  body.append(name, progress, status, remove);
  item.append(body);
  root.querySelector('[data-file-list]').append(item);
  const entry = {
    id, root, item, progress, status: 'working', statusEl: status, fraction: 0, result: null, previewUrl,
    bytes: null, bytesFraction: 0, stop: false, started: false,
    video: file.type.startsWith('video/') ? { frames: [], fraction: 0, done: false } : null,
  };
  state.entries.set(id, entry);
  worker().postMessage({ type: 'hash', id, file });
  if (entry.video) {
    const max = Number(root.dataset.maxVideoFrames) || 0;
    // A failure here must not stop the videos queued after this one.
    state.sampling = state.sampling.then(() => sampleVideo(entry, file, max)).catch(() => {});
  }
  update(root);
}

// When frames are taken (seconds from the start), vPDQ-style; the cap and why it is what it is
// are in file_hashes.rs (MAX_VIDEO_FRAMES), which the page hands us in data-max-video-frames:
// one per second for a video up to `max` seconds, else `max` spread over the whole video.
function sampleTimes(duration, max) {
  if (!(duration > 0) || max < 1) return [];
  const perSecond = Math.ceil(duration);
  const count = Math.min(perSecond, max);
  const step = perSecond <= max ? 1 : duration / max;
  // Whole milliseconds: that is what the server accepts.
  return Array.from({ length: count }, (_, i) => Math.round(i * step * 1000) / 1000);
}

function once(element, name) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(reject, new Error(`no ${name}`)), VIDEO_EVENT_TIMEOUT_MS);
    const ok = () => done(resolve);
    const failed = () => done(reject, new Error('video error'));
    function done(settle, value) {
      clearTimeout(timer);
      element.removeEventListener(name, ok);
      element.removeEventListener('error', failed);
      settle(value);
    }
    element.addEventListener(name, ok);
    element.addEventListener('error', failed);
  });
}

async function seek(element, time) {
  const seeked = once(element, 'seeked');
  element.currentTime = time;
  await seeked;
}

// The frame the element shows, as a VideoFrame (or an ImageBitmap where there is no WebCodecs),
// handed to the worker as is: turning it into pixels happens there, off the page's thread.
// Right after 'seeked' the element can still show the frame from before the seek, or none at
// all yet (Chromium does both under load), so wait until there is a frame whose own timestamp
// moved on, for at most a second (a slideshow-like video can show one frame for longer than
// the gap between samples).
async function grabFrame(element, previous) {
  if (typeof VideoFrame !== 'function') return createImageBitmap(element);
  for (let attempt = 0; ; attempt++) {
    let frame = null;
    try {
      frame = new VideoFrame(element);
    } catch (error) {
      if (attempt >= 50) throw error;
    }
    if (frame && (frame.timestamp !== previous || attempt >= 50)) return frame;
    frame?.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// One sample: seek, grab, hash. A busy phone can miss a seek or hand over no frame once, so a
// sample is tried a few times before the video counts as not playable from there on.
async function sampleAt(entry, element, index, time, previous) {
  for (let attempt = 1; ; attempt++) {
    try {
      await seek(element, time);
      if (entry.stop) return null;
      const image = await grabFrame(element, previous);
      const timestamp = image.timestamp;
      const frame = await hashFrameInWorker(entry, index, image);
      if (!frame.failed) return { ...frame, timestamp };
      if (attempt >= SAMPLE_ATTEMPTS) return null;
    } catch (error) {
      if (attempt >= SAMPLE_ATTEMPTS) throw error;
    }
  }
}

function hashFrameInWorker(entry, index, image) {
  return new Promise((resolve) => {
    state.frameWaiters.set(`${entry.id}:${index}`, resolve);
    worker().postMessage({ type: 'frame', id: entry.id, index, image }, [image]);
  });
}

async function sampleVideo(entry, file, max) {
  const video = entry.video;
  if (entry.stop) return finishVideo(entry);
  const url = URL.createObjectURL(file);
  const element = document.createElement('video');
  element.muted = true;
  element.playsInline = true;
  element.preload = 'auto';
  try {
    const loaded = once(element, 'loadedmetadata');
    element.src = url;
    await loaded;
    let duration = element.duration;
    if (duration === Infinity) {
      // WebM straight from a MediaRecorder has no duration: seeking past the end makes the
      // browser read to the end and learn it.
      await seek(element, Number.MAX_SAFE_INTEGER);
      duration = element.duration;
    }
    const times = sampleTimes(duration, max);
    let previous = null;
    for (const [index, time] of times.entries()) {
      if (entry.stop) break;
      const frame = await sampleAt(entry, element, index, time, previous);
      if (!frame) break;
      previous = frame.timestamp;
      video.frames.push({ frame: index, timestamp: time, hash: frame.hash, quality: frame.quality });
      video.fraction = (index + 1) / times.length;
      showProgress(entry);
    }
  } catch {
    // Not playable here (a format this browser cannot decode): the byte hashes still count,
    // with the frames taken so far, if any.
  } finally {
    element.removeAttribute('src');
    element.load();
    URL.revokeObjectURL(url);
  }
  finishVideo(entry);
}

function finishVideo(entry) {
  entry.video.done = true;
  entry.video.fraction = 1;
  if (entry.stop && entry.status === 'working') {
    // Cancelled: the worker may have finished the bytes already, so say so here.
    fail(entry, 'cancelled');
  } else {
    finish(entry);
  }
}

function showProgress(entry) {
  if (!entry.started && entry.status === 'working') {
    entry.started = true;
    entry.statusEl.textContent = text(entry.root, 'msgWorking');
  }
  entry.fraction = entry.video ? (entry.bytesFraction + entry.video.fraction) / 2 : entry.bytesFraction;
  entry.progress.value = entry.fraction;
  update(entry.root);
}

// The file is done when its bytes and, for a video, its frames are.
function finish(entry) {
  if (entry.status !== 'working' || !entry.bytes || (entry.video && !entry.video.done)) return;
  const root = entry.root;
  const { decoded, ...result } = entry.bytes;
  if (entry.video) result.video_frames = entry.video.frames;
  entry.result = result;
  entry.status = 'done';
  entry.fraction = 1;
  entry.progress.value = 1;
  entry.statusEl.textContent = result.kind === 'image' && !decoded
    ? text(root, 'msgUndecodable')
    : result.kind === 'video' && result.video_frames.length === 0
      ? text(root, 'msgVideoUndecodable')
      : result.pdq_quality !== null && result.pdq_quality < 50
        ? text(root, 'msgLowQuality')
        : text(root, 'msgReady');
  entry.item.dataset.state = 'done';
  update(root);
}

function fail(entry, reason) {
  entry.stop = true;
  entry.status = reason;
  entry.fraction = 1;
  entry.statusEl.textContent = text(entry.root, reason === 'cancelled' ? 'msgCancelled' : 'msgFailed');
  entry.item.dataset.state = reason;
  update(entry.root);
}

function onWorkerMessage(event) {
  const message = event.data;
  if (message.type === 'frame') {
    const key = `${message.id}:${message.index}`;
    const resolve = state.frameWaiters.get(key);
    state.frameWaiters.delete(key);
    if (resolve) resolve(message);
    return;
  }
  const entry = state.entries.get(message.id);
  if (!entry || entry.status !== 'working') return;
  if (message.type === 'progress') {
    entry.bytesFraction = message.fraction;
    showProgress(entry);
  } else if (message.type === 'done') {
    entry.bytes = message.result;
    entry.bytesFraction = 1;
    showProgress(entry);
    finish(entry);
  } else if (message.type === 'failed') {
    fail(entry, message.reason);
  }
}

function update(root) {
  const mine = [...state.entries.values()].filter((e) => e.root === root);
  const working = mine.some((e) => e.status === 'working');
  const overall = root.querySelector('[data-overall]');
  overall.hidden = !working;
  const bar = overall.querySelector('progress');
  bar.value = mine.length ? mine.reduce((sum, e) => sum + e.fraction, 0) / mine.length : 0;
  const results = mine.filter((e) => e.result).map((e) => e.result);
  root.querySelector('input[type=hidden][name=file_hashes]').value = JSON.stringify(results);
  root.dataset.done = String(results.length);
}
