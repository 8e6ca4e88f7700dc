// The file step of the report page: the person picks photos or videos, a Web Worker hashes
// them, and only the hashes are kept (in a hidden field the report form sends). Loaded only
// on the page that hashes. Text comes from the page (data-msg-* attributes, from Fluent).
//
// The file input has no name, so no form submission, with or without JavaScript, can ever
// carry a file. Previews are object URLs that never leave the page.

const state = { worker: null, entries: new Map(), nextId: 1 };

function worker() {
  if (!state.worker) {
    state.worker = new Worker(new URL('./hash-worker.js', import.meta.url), { type: 'module' });
    state.worker.onmessage = onWorkerMessage;
  }
  return state.worker;
}

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
      if (entry.root === root && entry.status === 'working') worker().postMessage({ type: 'cancel', id });
    }
  } else if (button.dataset.action === 'remove') {
    const id = Number(button.dataset.id);
    const entry = state.entries.get(id);
    if (!entry) return;
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
  status.textContent = text(root, 'msgWorking');
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'button-secondary';
  remove.dataset.action = 'remove';
  remove.dataset.id = String(id);
  remove.textContent = text(root, 'msgRemove');
  body.append(name, progress, status, remove);
  item.append(body);
  root.querySelector('[data-file-list]').append(item);
  state.entries.set(id, { root, item, progress, status: 'working', statusEl: status, fraction: 0, result: null, previewUrl });
  worker().postMessage({ type: 'hash', id, file });
  update(root);
}

function onWorkerMessage(event) {
  const message = event.data;
  const entry = state.entries.get(message.id);
  if (!entry) return;
  const root = entry.root;
  if (message.type === 'progress') {
    entry.fraction = message.fraction;
    entry.progress.value = message.fraction;
  } else if (message.type === 'done') {
    const { decoded, ...result } = message.result;
    entry.result = result;
    entry.status = 'done';
    entry.fraction = 1;
    entry.progress.value = 1;
    entry.statusEl.textContent = result.kind === 'image' && !decoded
      ? text(root, 'msgUndecodable')
      : result.pdq_quality !== null && result.pdq_quality < 50
        ? text(root, 'msgLowQuality')
        : text(root, 'msgReady');
    entry.item.dataset.state = 'done';
  } else if (message.type === 'failed') {
    entry.status = message.reason;
    entry.fraction = 1;
    entry.statusEl.textContent = text(root, message.reason === 'cancelled' ? 'msgCancelled' : 'msgFailed');
    entry.item.dataset.state = message.reason;
  }
  update(root);
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
