//! Links to the same page in the other languages. Plain links: they work without JavaScript,
//! and with it the router follows them without a reload.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::{Lang, tr, use_i18n};

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let others = move || {
        Lang::ALL
            .into_iter()
            .filter(|lang| *lang != i18n.lang.get())
            .collect::<Vec<_>>()
    };
    view! {
        <nav class="language-switch" aria-label=tr("language-switch-label")>
            <ul>
                <For each=others key=|lang| *lang let:lang>
                    <li>
                        <a
                            href=move || i18n.switch_href(lang, &location.pathname.get())
                            hreflang=lang.code()
                            lang=lang.code()
                        >
                            {lang.native_name()}
                        </a>
                    </li>
                </For>
            </ul>
        </nav>
    }
}
