//! One guidance page per topic: what is happening, what to do now, where to get help.
//!
//! Each step is a short instruction in bold and one or two sentences of why. Steps about
//! evidence always say not to save or forward the images themselves: holding them can be an
//! offence, and every copy can spread.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{Actions, Topic};
use crate::{
    i18n::tr,
    shell::{NotFound, PageTitle},
};

/// `/parents/:topic`. An unknown topic is the portal's not-found page, with a 404 status.
#[component]
pub fn GuidancePage() -> impl IntoView {
    let params = use_params_map();
    let topic = Memo::new(move |_| {
        params
            .read()
            .get("topic")
            .and_then(|slug| Topic::from_slug(&slug))
    });
    move || match topic.get() {
        Some(topic) => view! {
            <TopicText topic />
            <WhereToGetHelp />
            <Actions />
        }
        .into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn TopicText(topic: Topic) -> impl IntoView {
    match topic {
        Topic::Sextortion => view! { <Sextortion /> }.into_any(),
        Topic::SharedNudes => view! { <SharedNudes /> }.into_any(),
        Topic::AiNudes => view! { <AiNudes /> }.into_any(),
        Topic::Grooming => view! { <Grooming /> }.into_any(),
    }
}

#[component]
fn Sextortion() -> impl IntoView {
    view! {
        <PageTitle text=tr("parents-sextortion-title") />
        <p class="lead">{tr("parents-sextortion-lead")}</p>
        <Steps>
            <Step
                title=tr("parents-sextortion-step-pay-title")
                text=tr("parents-sextortion-step-pay-text")
            />
            <Step
                title=tr("parents-sextortion-step-send-title")
                text=tr("parents-sextortion-step-send-text")
            />
            <Step
                title=tr("parents-sextortion-step-stop-title")
                text=tr("parents-sextortion-step-stop-text")
            />
            <Step
                title=tr("parents-sextortion-step-evidence-title")
                text=tr("parents-sextortion-step-evidence-text")
            />
            <Step
                title=tr("parents-sextortion-step-block-title")
                text=tr("parents-sextortion-step-block-text")
            />
            <Step
                title=tr("parents-sextortion-step-report-title")
                text=tr("parents-sextortion-step-report-text")
            />
            <Step
                title=tr("parents-sextortion-step-police-title")
                text=tr("parents-sextortion-step-police-text")
            />
            <Step
                title=tr("parents-sextortion-step-fault-title")
                text=tr("parents-sextortion-step-fault-text")
            />
        </Steps>
    }
}

#[component]
fn SharedNudes() -> impl IntoView {
    view! {
        <PageTitle text=tr("parents-shared-nudes-title") />
        <p class="lead">{tr("parents-shared-nudes-lead")}</p>
        <Steps>
            <Step
                title=tr("parents-shared-nudes-step-calm-title")
                text=tr("parents-shared-nudes-step-calm-text")
            />
            <Step
                title=tr("parents-shared-nudes-step-forward-title")
                text=tr("parents-shared-nudes-step-forward-text")
            />
            <Step
                title=tr("parents-shared-nudes-step-where-title")
                text=tr("parents-shared-nudes-step-where-text")
            />
            <Step
                title=tr("parents-shared-nudes-step-report-title")
                text=tr("parents-shared-nudes-step-report-text")
            />
            <Step
                title=tr("parents-shared-nudes-step-platform-title")
                text=tr("parents-shared-nudes-step-platform-text")
            />
            <Step
                title=tr("parents-shared-nudes-step-school-title")
                text=tr("parents-shared-nudes-step-school-text")
            />
            <Step
                title=tr("parents-shared-nudes-step-police-title")
                text=tr("parents-shared-nudes-step-police-text")
            />
        </Steps>
    }
}

#[component]
fn AiNudes() -> impl IntoView {
    view! {
        <PageTitle text=tr("parents-ai-nudes-title") />
        <p class="lead">{tr("parents-ai-nudes-lead")}</p>
        <Steps>
            <Step
                title=tr("parents-ai-nudes-step-calm-title")
                text=tr("parents-ai-nudes-step-calm-text")
            />
            <Step
                title=tr("parents-ai-nudes-step-forward-title")
                text=tr("parents-ai-nudes-step-forward-text")
            />
            <Step
                title=tr("parents-ai-nudes-step-where-title")
                text=tr("parents-ai-nudes-step-where-text")
            />
            <Step
                title=tr("parents-ai-nudes-step-report-title")
                text=tr("parents-ai-nudes-step-report-text")
            />
            <Step
                title=tr("parents-ai-nudes-step-platform-title")
                text=tr("parents-ai-nudes-step-platform-text")
            />
            <Step
                title=tr("parents-ai-nudes-step-school-title")
                text=tr("parents-ai-nudes-step-school-text")
            />
            <Step
                title=tr("parents-ai-nudes-step-police-title")
                text=tr("parents-ai-nudes-step-police-text")
            />
        </Steps>
    }
}

#[component]
fn Grooming() -> impl IntoView {
    view! {
        <PageTitle text=tr("parents-grooming-title") />
        <p class="lead">{tr("parents-grooming-lead")}</p>
        <section aria-labelledby="parents-signs-title">
            <h2 id="parents-signs-title">{tr("parents-grooming-signs-title")}</h2>
            <ul>
                <li>{tr("parents-grooming-sign-attention")}</li>
                <li>{tr("parents-grooming-sign-secret")}</li>
                <li>{tr("parents-grooming-sign-private")}</li>
                <li>{tr("parents-grooming-sign-requests")}</li>
            </ul>
        </section>
        <Steps>
            <Step
                title=tr("parents-grooming-step-calm-title")
                text=tr("parents-grooming-step-calm-text")
            />
            <Step
                title=tr("parents-grooming-step-evidence-title")
                text=tr("parents-grooming-step-evidence-text")
            />
            <Step
                title=tr("parents-grooming-step-confront-title")
                text=tr("parents-grooming-step-confront-text")
            />
            <Step
                title=tr("parents-grooming-step-stop-title")
                text=tr("parents-grooming-step-stop-text")
            />
            <Step
                title=tr("parents-grooming-step-police-title")
                text=tr("parents-grooming-step-police-text")
            />
            <Step
                title=tr("parents-grooming-step-report-title")
                text=tr("parents-grooming-step-report-text")
            />
        </Steps>
    }
}

/// "What to do now": the numbered steps of a topic.
#[component]
fn Steps(children: Children) -> impl IntoView {
    view! {
        <section aria-labelledby="parents-steps-title">
            <h2 id="parents-steps-title">{tr("parents-steps-title")}</h2>
            <ol class="parents-steps">{children()}</ol>
        </section>
    }
}

/// One step: the instruction in bold, so a skimming reader still gets it, then why.
#[component]
fn Step(
    title: impl Fn() -> String + Copy + Send + Sync + 'static,
    text: impl Fn() -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <li>
            <strong>{title}</strong>
            " "
            {text}
        </li>
    }
}

/// The same Dutch contacts on every topic, the emergency number first.
#[component]
fn WhereToGetHelp() -> impl IntoView {
    view! {
        <section aria-labelledby="parents-help-title">
            <h2 id="parents-help-title">{tr("parents-help-title")}</h2>
            <div class="urgent">
                <p>{tr("parents-help-emergency-text")}</p>
                <p>
                    <a class="button" href="tel:112">
                        {tr("parents-help-emergency-call")}
                    </a>
                </p>
            </div>
            <p>{tr("parents-help-intro")}</p>
            <ul class="parents-contacts" role="list">
                <li>
                    <p>{tr("parents-help-helpwanted-text")}</p>
                    <a class="button" href="tel:+31202615275">
                        {tr("parents-help-helpwanted-call")}
                    </a>
                </li>
                <li>
                    <p>{tr("parents-help-kindertelefoon-text")}</p>
                    <a class="button" href="tel:08000432">
                        {tr("parents-help-kindertelefoon-call")}
                    </a>
                </li>
                <li>
                    <p>{tr("parents-help-police-text")}</p>
                    <a class="button" href="tel:09008844">
                        {tr("parents-help-police-call")}
                    </a>
                </li>
            </ul>
        </section>
    }
}
