//! The "files from your device" step: pick photos or videos and get their fingerprints,
//! computed in a Web Worker (`app/hashing/js/hash-worker.js`) by the WASM build of the
//! `hashing` crate.
//!
//! The markup is server-rendered; `js/hash-client.js` brings it to life and is loaded
//! only on the page that shows this step. The file input has no `name`, so no form can ever
//! send a file; the hashes go into the hidden `file_hashes` field.

use leptos::prelude::*;

use crate::i18n::{t_args, tr, use_i18n};
use hashing::MAX_VIDEO_FRAMES;

#[component]
pub fn FileStep() -> impl IntoView {
    let i18n = use_i18n();
    let video_note = move || {
        let lang = i18n.lang.get();
        t_args(
            lang,
            "hashing-video-note",
            &[("max", MAX_VIDEO_FRAMES.into())],
        )
    };
    view! {
        <section class="file-step" aria-labelledby="file-step-title">
            <h2 id="file-step-title">{tr("report-files-title")}</h2>
            <p>{tr("report-files-intro")}</p>
            <noscript>
                <p class="notice">{tr("report-files-no-js")}</p>
            </noscript>
            <div
                data-file-hasher=""
                data-msg-waiting=tr("report-files-waiting")
                data-msg-working=tr("report-files-working")
                data-msg-ready=tr("report-files-ready")
                data-msg-low-quality=tr("report-files-low-quality")
                data-msg-undecodable=tr("report-files-undecodable")
                data-msg-video-undecodable=tr("hashing-video-undecodable")
                data-msg-failed=tr("report-files-failed")
                data-msg-cancelled=tr("report-files-cancelled")
                data-msg-remove=tr("report-files-remove")
                data-msg-preview-alt=tr("report-files-preview-alt")
                data-max-video-frames=MAX_VIDEO_FRAMES.to_string()
            >
                <input id="file-picker" class="visually-hidden" type="file" multiple accept="image/*,video/*" />
                <label class="button file-choose" for="file-picker">
                    {tr("report-files-choose")}
                </label>
                <p class="file-overall" data-overall="" hidden>
                    <progress max="1" value="0" aria-label=tr("report-files-progress-label")></progress>
                    <button type="button" class="button-secondary" data-action="cancel-all">
                        {tr("report-files-cancel")}
                    </button>
                </p>
                <ul class="file-list" data-file-list="" role="list"></ul>
                <input type="hidden" name="file_hashes" value="[]" />
                <p class="hint">{video_note}</p>
            </div>
            <script type="module" src="/hash/hash-client.js"></script>
        </section>
    }
}
