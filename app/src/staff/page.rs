//! The staff pages: home (or the way to sign in), administration, and the audit trail.
//! Forms are plain posts to the page's own address, handled on the server (no JavaScript
//! needed), each carrying the session's form token.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{
    AdminView, AuditView, HomeView, PostedStaffForm, Role, load_audit_trail, load_staff_admin,
    load_staff_home, routes,
};
use crate::{
    directory::{CaseCategory, OrganisationKind},
    error::AppError,
    forms::{posted, refusal},
    i18n::{Lang, t, t_args, tr, use_i18n},
    shell::PageTitle,
};

/// A role in words.
pub fn role_text(role: Role, lang: Lang) -> String {
    match role {
        Role::HelplineStaff => t(lang, "staff-role-helpline-staff"),
        Role::Analyst => t(lang, "staff-role-analyst"),
        Role::Caseworker => t(lang, "staff-role-caseworker"),
        Role::CarePartner => t(lang, "staff-role-care-partner"),
        Role::Administrator => t(lang, "staff-role-administrator"),
    }
}

fn sign_in_message(code: &str, lang: Lang) -> Option<String> {
    Some(match code {
        "refused" => t(lang, "staff-sign-in-refused"),
        "failed" => t(lang, "staff-sign-in-failed"),
        "unavailable" => t(lang, "staff-sign-in-unavailable"),
        "busy" => t(lang, "staff-sign-in-busy"),
        "signed-out" => t(lang, "staff-signed-out"),
        _ => return None,
    })
}

#[component]
pub fn StaffPage() -> impl IntoView {
    let i18n = use_i18n();
    let home = Resource::new(|| (), |_| load_staff_home());
    let query = use_query_map();
    view! {
        <PageTitle text=tr("staff-title") />
        {move || {
            query
                .with(|q| q.get("sign-in"))
                .and_then(|code| sign_in_message(&code, i18n.lang.get()))
                .map(|text| view! { <p class="notice" role="status">{text}</p> })
        }}
        <Suspense fallback=|| ()>
            {move || {
                let lang = i18n.lang.get();
                home.get()
                    .map(|loaded| match loaded {
                        Ok(home) => home_view(home, lang, i18n).into_any(),
                        Err(AppError::Unauthenticated) => {
                            sign_in_page_is_found();
                            signed_out_view(lang).into_any()
                        }
                        Err(error) => refusal(&error, lang),
                    })
            }}
        </Suspense>
    }
}

/// The staff home is also the way in: signed out, it is the sign-in page (200), not a
/// refusal, though its server function answered 401.
fn sign_in_page_is_found() {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::OK);
    }
}

fn signed_out_view(lang: Lang) -> impl IntoView {
    view! {
        <p class="lead">{t(lang, "staff-sign-in-intro")}</p>
        // A plain link, not a form: the sign-in redirects to the identity provider, and a
        // form post would need the provider in the page's `form-action`.
        <p>
            <a href=routes::SIGN_IN rel="external" class="button">
                {t(lang, "staff-sign-in-button")}
            </a>
        </p>
    }
}

fn sign_out_form(csrf: String, lang: Lang) -> impl IntoView {
    view! {
        <form method="post" action=routes::SIGN_OUT class="sign-out" id="sign-out">
            <input type="hidden" name="csrf" value=csrf />
            <button type="submit" class="button secondary">
                {t(lang, "staff-sign-out")}
            </button>
        </form>
    }
}

fn home_view(home: HomeView, lang: Lang, i18n: crate::i18n::I18n) -> impl IntoView {
    let role = role_text(home.role, lang);
    let signed_in = t_args(
        lang,
        "staff-signed-in-as",
        &[("name", home.name.clone().into()), ("role", role.into())],
    );
    view! {
        <p class="lead" data-testid="staff-identity">{signed_in}</p>
        {home
            .organisation
            .map(|org| {
                view! { <p>{t_args(lang, "staff-organisation", &[("organisation", org.into())])}</p> }
            })}
        <ul class="staff-links">
            {home
                .can_view_queue
                .then(|| {
                    view! {
                        <li>
                            <a href=i18n.href("/staff/cases")>{t(lang, "case-queue-title")}</a>
                        </li>
                    }
                })}
            {home
                .can_manage_staff
                .then(|| {
                    view! {
                        <li>
                            <a href=i18n.href("/staff/admin")>{t(lang, "staff-admin-title")}</a>
                        </li>
                    }
                })}
            {home
                .can_view_audit
                .then(|| {
                    view! {
                        <li>
                            <a href=i18n.href("/staff/audit")>{t(lang, "staff-audit-title")}</a>
                        </li>
                    }
                })}
            {home
                .can_manage_providers
                .then(|| {
                    view! {
                        <li>
                            <a href=i18n.href("/staff/providers")>{t(lang, "provider-list-title")}</a>
                        </li>
                    }
                })}
            {home
                .can_manage_platforms
                .then(|| {
                    view! {
                        <li>
                            <a href=i18n.href("/staff/platforms")>{t(lang, "platform-list-title")}</a>
                        </li>
                    }
                })}
            {home
                .can_decide_hash_entries
                .then(|| {
                    view! {
                        <li>
                            <a href=i18n.href("/staff/hash-list")>{t(lang, "hash-list-title")}</a>
                        </li>
                    }
                })}
        </ul>
        {sign_out_form(home.csrf, lang)}
    }
}

#[component]
pub fn StaffAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let posted = posted::<PostedStaffForm>();
    let admin = Resource::new(|| (), |_| load_staff_admin());
    view! {
        <PageTitle text=tr("staff-admin-title") />
        <Suspense fallback=|| ()>
            {move || {
                let lang = i18n.lang.get();
                let posted = posted.clone();
                admin
                    .get()
                    .map(|loaded| match loaded {
                        Ok(view) => admin_view(view, posted, lang).into_any(),
                        Err(error) => refusal(&error, lang),
                    })
            }}
        </Suspense>
    }
}

fn role_options(selected: Option<Role>, lang: Lang) -> impl IntoView {
    Role::ALL
        .into_iter()
        .map(|role| {
            view! {
                <option value=role.as_str() selected=selected == Some(role)>
                    {role_text(role, lang)}
                </option>
            }
        })
        .collect_view()
}

fn organisation_options(
    organisations: &[super::OrganisationRow],
    selected: Option<i64>,
    lang: Lang,
) -> impl IntoView + use<> {
    let none = view! { <option value="">{t(lang, "staff-organisation-none")}</option> };
    let rest = organisations
        .iter()
        .map(|o| {
            view! {
                <option value=o.id.to_string() selected=selected == Some(o.id)>
                    {o.name.clone()}
                </option>
            }
        })
        .collect_view();
    (none, rest)
}

fn admin_view(view: AdminView, posted: PostedStaffForm, lang: Lang) -> impl IntoView {
    let csrf = view.csrf.clone();
    let orgs = view.organisations.clone();
    let staff_rows = view
        .staff
        .iter()
        .map(|s| {
            let label = format!("{} {}", t(lang, "staff-admin-role-for"), s.name);
            let field = format!("role-{}", s.id);
            let org_field = format!("organisation-{}", s.id);
            let is_me = s.id == view.me;
            view! {
                <tr>
                    <td>{s.name.clone()}</td>
                    <td>{s.email.clone().unwrap_or_default()}</td>
                    <td>
                        <form method="post" class="inline-form">
                            <input type="hidden" name="csrf" value=csrf.clone() />
                            <input type="hidden" name="action" value="change-role" />
                            <input type="hidden" name="staff_id" value=s.id.to_string() />
                            <label for=field.clone() class="visually-hidden">
                                {label.clone()}
                            </label>
                            <select id=field name="role" disabled=is_me>
                                {role_options(Some(s.role), lang)}
                            </select>
                            <label for=org_field.clone() class="visually-hidden">
                                {t(lang, "staff-admin-organisation-label")}
                            </label>
                            <select id=org_field name="organisation_id" disabled=is_me>
                                {organisation_options(&orgs, s.organisation_id, lang)}
                            </select>
                            <button type="submit" class="button secondary" disabled=is_me>
                                {t(lang, "staff-admin-change-role")}
                            </button>
                        </form>
                    </td>
                    <td>{s.last_sign_in.clone().unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    let invitations = view
        .invitations
        .iter()
        .map(|i| {
            view! {
                <tr>
                    <td>{i.who.clone()}</td>
                    <td>{role_text(i.role, lang)}</td>
                    <td>{i.organisation.clone().unwrap_or_default()}</td>
                    <td>{i.invited_on.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let org_rows = view
        .organisations
        .iter()
        .map(|o| {
            view! {
                <li>
                    {o.name.clone()}
                    " ("
                    {t(lang, o.kind.message_id())}
                    ")"
                </li>
            }
        })
        .collect_view();
    view! {
        {posted
            .notice
            .as_deref()
            .map(|id| view! { <p class="notice" role="status">{t(lang, id)}</p> })}
        {posted
            .error
            .as_deref()
            .map(|id| view! { <p class="notice field-error" role="alert">{t(lang, id)}</p> })}
        <section aria-labelledby="invite-title">
            <h2 id="invite-title">{t(lang, "staff-admin-invite-title")}</h2>
            <p class="hint">{t(lang, "staff-admin-invite-hint")}</p>
            <form method="post" class="staff-form">
                <input type="hidden" name="csrf" value=view.csrf.clone() />
                <input type="hidden" name="action" value="invite" />
                <div class="field">
                    <label for="field-invite-email">{t(lang, "staff-admin-email-label")}</label>
                    <input
                        id="field-invite-email"
                        name="email"
                        type="email"
                        autocomplete="off"
                        required
                        value=posted.email.clone()
                    />
                </div>
                <div class="field">
                    <label for="field-invite-role">{t(lang, "staff-admin-role-label")}</label>
                    <select id="field-invite-role" name="role">
                        {role_options(None, lang)}
                    </select>
                </div>
                <div class="field">
                    <label for="field-invite-organisation">
                        {t(lang, "staff-admin-organisation-label")}
                    </label>
                    <select id="field-invite-organisation" name="organisation_id">
                        {organisation_options(&view.organisations, None, lang)}
                    </select>
                </div>
                <button type="submit" class="button">{t(lang, "staff-admin-invite-button")}</button>
            </form>
        </section>
        <section aria-labelledby="invitations-title">
            <h2 id="invitations-title">{t(lang, "staff-admin-invitations-title")}</h2>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, "staff-admin-column-who")}</th>
                        <th scope="col">{t(lang, "staff-admin-column-role")}</th>
                        <th scope="col">{t(lang, "staff-admin-column-organisation")}</th>
                        <th scope="col">{t(lang, "staff-admin-column-invited")}</th>
                    </tr>
                </thead>
                <tbody>{invitations}</tbody>
            </table>
        </section>
        <section aria-labelledby="staff-list-title">
            <h2 id="staff-list-title">{t(lang, "staff-admin-staff-title")}</h2>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, "staff-admin-column-name")}</th>
                        <th scope="col">{t(lang, "staff-admin-column-email")}</th>
                        <th scope="col">{t(lang, "staff-admin-column-role")}</th>
                        <th scope="col">{t(lang, "staff-admin-column-last-sign-in")}</th>
                    </tr>
                </thead>
                <tbody>{staff_rows}</tbody>
            </table>
        </section>
        <section aria-labelledby="organisations-title">
            <h2 id="organisations-title">{t(lang, "staff-admin-organisations-title")}</h2>
            <ul>{org_rows}</ul>
            <form method="post" class="staff-form">
                <input type="hidden" name="csrf" value=view.csrf.clone() />
                <input type="hidden" name="action" value="add-organisation" />
                <div class="field">
                    <label for="field-organisation-name">
                        {t(lang, "staff-admin-organisation-name-label")}
                    </label>
                    <input
                        id="field-organisation-name"
                        name="name"
                        type="text"
                        required
                        value=posted.organisation_name.clone()
                    />
                </div>
                <div class="field">
                    <label for="field-organisation-kind">
                        {t(lang, "staff-admin-organisation-kind-label")}
                    </label>
                    <select id="field-organisation-kind" name="kind">
                        {OrganisationKind::ALL
                            .into_iter()
                            .map(|k| view! { <option value=k.as_str()>{t(lang, k.message_id())}</option> })
                            .collect_view()}
                    </select>
                </div>
                <button type="submit" class="button">
                    {t(lang, "staff-admin-add-organisation-button")}
                </button>
            </form>
        </section>
        {owner_rules_section(&view, lang)}
        {jobs_section(view.jobs_pending, view.dead_jobs, lang)}
    }
}

/// Which organisation handles new reports: the rules, and the form that sets one.
fn owner_rules_section(view: &AdminView, lang: Lang) -> impl IntoView + use<> {
    let rules = if view.owner_rules.is_empty() {
        view! { <p>{t(lang, "staff-admin-owner-rules-none")}</p> }.into_any()
    } else {
        let rows = view
            .owner_rules
            .iter()
            .map(|rule| {
                let country = match &rule.country {
                    Some(code) => crate::report::country_name(code, lang),
                    None => t(lang, "staff-admin-owner-rule-any-country"),
                };
                let category = category_text(rule.category, lang);
                view! {
                    <tr>
                        <td>{country}</td>
                        <td>{category}</td>
                        <td>{rule.organisation.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="staff-table" tabindex="0">
                <thead>
                    <tr>
                        <th scope="col">{t(lang, "staff-admin-owner-rule-column-country")}</th>
                        <th scope="col">{t(lang, "staff-admin-owner-rule-column-category")}</th>
                        <th scope="col">{t(lang, "staff-admin-owner-rule-column-organisation")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    let countries = crate::report::COUNTRIES
        .iter()
        .map(|code| {
            view! { <option value=*code>{crate::report::country_name(code, lang)}</option> }
        })
        .collect_view();
    let organisations = view
        .organisations
        .iter()
        .map(|o| view! { <option value=o.id.to_string()>{o.name.clone()}</option> })
        .collect_view();
    view! {
        <section aria-labelledby="owner-rules-title">
            <h2 id="owner-rules-title">{t(lang, "staff-admin-owner-rules-title")}</h2>
            <p>{t(lang, "staff-admin-owner-rules-intro")}</p>
            {rules}
            <form method="post" class="staff-form">
                <input type="hidden" name="csrf" value=view.csrf.clone() />
                <input type="hidden" name="action" value="set-owner-rule" />
                <div class="field">
                    <label for="field-rule-country">
                        {t(lang, "staff-admin-owner-rule-column-country")}
                    </label>
                    <select id="field-rule-country" name="country">
                        <option value="">{t(lang, "staff-admin-owner-rule-any-country")}</option>
                        {countries}
                    </select>
                </div>
                <div class="field">
                    <label for="field-rule-category">
                        {t(lang, "staff-admin-owner-rule-column-category")}
                    </label>
                    <select id="field-rule-category" name="category">
                        <option value="">{category_text(None, lang)}</option>
                        {CaseCategory::ALL
                            .into_iter()
                            .map(|c| view! { <option value=c.as_str()>{category_text(Some(c), lang)}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="field-rule-organisation">
                        {t(lang, "staff-admin-owner-rule-column-organisation")}
                    </label>
                    <select id="field-rule-organisation" name="organisation_id" required>
                        {organisations}
                    </select>
                </div>
                <button type="submit" class="button">
                    {t(lang, "staff-admin-owner-rule-button")}
                </button>
            </form>
        </section>
    }
}

fn category_text(category: Option<CaseCategory>, lang: Lang) -> String {
    match category {
        Some(CaseCategory::Csam) => t(lang, "staff-case-category-csam"),
        Some(CaseCategory::Ncii) => t(lang, "staff-case-category-ncii"),
        None => t(lang, "staff-admin-owner-rule-any-category"),
    }
}

/// Background jobs: how many are waiting, and the ones that failed for good, so an
/// administrator sees when retention or (later) a notice stopped going out.
fn jobs_section(pending: u32, dead: Vec<super::dto::DeadJobRow>, lang: Lang) -> impl IntoView {
    let dead_table = if dead.is_empty() {
        view! { <p>{t(lang, "staff-admin-jobs-none-dead")}</p> }.into_any()
    } else {
        let rows = dead
            .into_iter()
            .map(|job| {
                view! {
                    <tr>
                        <td>{job.id}</td>
                        <td>{job_kind_text(&job.kind, lang)}</td>
                        <td>{job.attempts}</td>
                        <td><code>{job.error.unwrap_or_default()}</code></td>
                        <td>{job.last_tried}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p id="dead-jobs-caption">{t(lang, "staff-admin-jobs-dead-caption")}</p>
            // Focusable: on a phone the table scrolls sideways, and a keyboard must reach it.
            <table class="staff-table" aria-describedby="dead-jobs-caption" tabindex="0">
                <thead>
                    <tr>
                        <th scope="col">{t(lang, "staff-admin-jobs-column-id")}</th>
                        <th scope="col">{t(lang, "staff-admin-jobs-column-kind")}</th>
                        <th scope="col">{t(lang, "staff-admin-jobs-column-attempts")}</th>
                        <th scope="col">{t(lang, "staff-admin-jobs-column-error")}</th>
                        <th scope="col">{t(lang, "staff-admin-jobs-column-last-tried")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="jobs-title">
            <h2 id="jobs-title">{t(lang, "staff-admin-jobs-title")}</h2>
            <p>{t_args(lang, "staff-admin-jobs-pending", &[("count", pending.into())])}</p>
            {dead_table}
        </section>
    }
}

fn job_kind_text(kind: &str, lang: Lang) -> String {
    match kind {
        "delete_closed_reports" => t(lang, "staff-job-kind-delete-closed-reports"),
        "delete_expired_sessions" => t(lang, "staff-job-kind-delete-expired-sessions"),
        other => other.to_owned(),
    }
}

#[component]
pub fn StaffAuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let audit = Resource::new(|| (), |_| load_audit_trail());
    view! {
        <PageTitle text=tr("staff-audit-title") />
        <Suspense fallback=|| ()>
            {move || {
                let lang = i18n.lang.get();
                audit
                    .get()
                    .map(|loaded| match loaded {
                        Ok(view) => audit_view(view, lang).into_any(),
                        Err(error) => refusal(&error, lang),
                    })
            }}
        </Suspense>
    }
}

fn audit_view(view: AuditView, lang: Lang) -> impl IntoView {
    let events = view.chain.events as i64;
    let status = match view.chain.first_broken {
        None => t_args(
            lang,
            "staff-audit-chain-intact",
            &[("count", events.into())],
        ),
        Some(id) => t_args(lang, "staff-audit-chain-broken", &[("id", id.into())]),
    };
    let class = if view.chain.is_intact() {
        "notice"
    } else {
        "notice field-error"
    };
    let rows = view
        .events
        .into_iter()
        .map(|e| {
            view! {
                <tr>
                    <td>{e.id}</td>
                    <td>{e.at}</td>
                    <td>{e.actor}</td>
                    <td>{e.action}</td>
                    <td>{e.case_id.map(|id| id.to_string()).unwrap_or_default()}</td>
                    <td>{e.target.unwrap_or_default()}</td>
                    <td>{e.detail}</td>
                </tr>
            }
        })
        .collect_view();
    let head = view.chain.head.map(|head| {
        view! {
            <p class="hint audit-head" data-testid="audit-head">
                {t_args(
                    lang,
                    "staff-audit-head",
                    &[("id", head.id.into()), ("hash", head.hash.into())],
                )}
            </p>
        }
    });
    view! {
        <p class=class role="status" data-testid="audit-chain">{status}</p>
        {head}
        <table class="staff-table audit-table" tabindex="0">
            <thead>
                <tr>
                    <th scope="col">"#"</th>
                    <th scope="col">{t(lang, "staff-audit-column-when")}</th>
                    <th scope="col">{t(lang, "staff-audit-column-who")}</th>
                    <th scope="col">{t(lang, "staff-audit-column-what")}</th>
                    <th scope="col">{t(lang, "staff-audit-column-case")}</th>
                    <th scope="col">{t(lang, "staff-audit-column-target")}</th>
                    <th scope="col">{t(lang, "staff-audit-column-detail")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
