//! Every staff route, enumerated from the router and the registered server functions, refuses
//! anonymous and wrong-role requests on the server.

use app::staff::{
    Permission, Role, a_role_without,
    service::{self, Invitee},
};
use server::routes::{Access, FormPost, pages, server_fn_access};

use crate::{
    helpers::{TestApp, backends},
    identity_provider::{Browser, csrf_in, spawn_app_with_provider},
};

/// The staff pages the app's router serves (language prefix removed), with their permission.
/// Through the server's own once-per-process list: listing the routes again here, while other
/// tests render pages, would hang their resources (see `server::routes::leptos_routes`).
fn staff_pages() -> Vec<(String, Permission)> {
    pages()
        .into_iter()
        .filter_map(|page| match page.access {
            Access::Staff(permission) => Some((page.path, permission)),
            _ => None,
        })
        .collect()
}

/// The server functions registered in this binary that only staff may call.
fn staff_server_fns() -> Vec<(String, Permission)> {
    leptos::server_fn::axum::server_fn_paths()
        .filter_map(|(path, _)| match server_fn_access(path) {
            Access::Staff(permission) => Some((path.to_owned(), permission)),
            _ => None,
        })
        .collect()
}

#[test]
fn every_page_form_and_server_function_is_public_or_has_a_permission() {
    for page in pages() {
        assert_ne!(
            page.access,
            Access::Unclassified,
            "page {}: add it to STAFF_PAGES",
            page.path
        );
    }
    for form in FormPost::ALL {
        assert_ne!(form.access(), Access::Unclassified, "form {}", form.path());
    }
    let registered: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect();
    for path in &registered {
        assert_ne!(
            server_fn_access(path),
            Access::Unclassified,
            "server function {path}: add it to PUBLIC_SERVER_FNS or STAFF_SERVER_FNS"
        );
    }
    // Nothing listed that is not there (a renamed function would slip through otherwise).
    for (path, _) in app::staff::routes::STAFF_SERVER_FNS {
        assert!(
            registered.contains(&path),
            "{path} is listed but not registered"
        );
    }
    for path in app::staff::routes::PUBLIC_SERVER_FNS {
        assert!(
            registered.contains(&path),
            "{path} is listed but not registered"
        );
    }
    let routed: Vec<String> = staff_pages().into_iter().map(|(path, _)| path).collect();
    for (path, _) in app::staff::routes::STAFF_PAGES {
        assert!(
            routed.iter().any(|p| p == path),
            "{path} is listed but not routed"
        );
    }
    // The walk below needs something to walk.
    assert!(staff_pages().len() >= 5 && staff_server_fns().len() >= 5);
}

pub(crate) async fn signed_in_as(app: &TestApp, role: Role, email: &str) -> (Browser, String) {
    service::invite(&app.store, None, Invitee::email(email).unwrap(), role, None)
        .await
        .unwrap();
    let browser = Browser::new(app);
    let (url, body) = browser.sign_in(email).await;
    assert!(url.ends_with("/staff"), "{url}");
    (browser, csrf_in(&body))
}

#[tokio::test]
async fn every_staff_route_refuses_anonymous_and_wrong_role_requests() {
    for backend in backends() {
        let app = spawn_app_with_provider(backend).await;
        let anonymous = Browser::new(&app);
        let (admin, admin_csrf) =
            signed_in_as(&app, Role::Administrator, "admin@example.test").await;
        let (helpline, helpline_csrf) =
            signed_in_as(&app, Role::HelplineStaff, "helpline@example.test").await;
        let partner_org = app::directory::create_organisation(
            &app.store,
            &service::find_member(&app.db, 1).await.unwrap().unwrap(),
            "Care centre",
            "care_centre",
        )
        .await
        .unwrap();
        service::invite(
            &app.store,
            None,
            Invitee::email("partner@example.test").unwrap(),
            Role::CarePartner,
            Some(partner_org),
        )
        .await
        .unwrap();
        let partner = Browser::new(&app);
        let partner_csrf = csrf_in(&partner.sign_in("partner@example.test").await.1);
        let (analyst, analyst_csrf) =
            signed_in_as(&app, Role::Analyst, "analyst@example.test").await;
        let browser_for = |role: Role| match role {
            Role::HelplineStaff => (&helpline, helpline_csrf.as_str()),
            Role::Analyst => (&analyst, analyst_csrf.as_str()),
            Role::Administrator => (&admin, admin_csrf.as_str()),
            Role::CarePartner => (&partner, partner_csrf.as_str()),
            other => panic!("no test browser for {other:?}"),
        };
        // Addresses with an `{id}` name a real case (or provider), so an allowed request
        // finds one.
        let (_, case) = crate::cases::report(&app, serde_json::json!({})).await;
        let with_id = |path: &str| {
            if path.starts_with("/staff/providers/") {
                path.replace("{id}", "hetzner")
            } else {
                path.replace("{id}", &case.to_string())
            }
        };

        for (path, permission) in staff_pages() {
            for prefix in ["", "/nl"] {
                let page = format!("{prefix}{}", with_id(&path));
                let response = anonymous.get(&page).await;
                let status = response.status();
                let body = response.text().await.unwrap();
                assert!(
                    !body.contains("name=\"csrf\""),
                    "{backend:?} {page}: a form for anonymous"
                );
                if permission == Permission::OpenWorkspace {
                    // The home page is also the way in: it offers sign-in, and nothing else.
                    assert_eq!(status, 200, "{page}");
                    assert!(body.contains("href=\"/staff/sign-in\""), "{page}");
                } else {
                    assert_eq!(status, 401, "{backend:?} anonymous {page}");
                }
                if let Some(role) = a_role_without(permission) {
                    let (browser, _) = browser_for(role);
                    let response = browser.get(&page).await;
                    assert_eq!(response.status(), 403, "{backend:?} {role:?} {page}");
                    let body = response.text().await.unwrap();
                    assert!(
                        body.contains("Your role does not give access")
                            || body.contains("Je rol geeft geen toegang"),
                        "{page}"
                    );
                }
                let allowed = if app::staff::permits(Role::Administrator, permission) {
                    &admin
                } else if app::staff::permits(Role::HelplineStaff, permission) {
                    &helpline
                } else {
                    &analyst
                };
                // Several times: the page's own CSP (with its scripts' nonce) must come with
                // every answer, or the browser refuses the page's style and script.
                for _ in 0..5 {
                    let response = allowed.get(&page).await;
                    assert_eq!(response.status(), 200, "{backend:?} allowed {page}");
                    let csp = response.headers()["content-security-policy"]
                        .to_str()
                        .unwrap()
                        .to_owned();
                    assert!(csp.contains("'nonce-"), "{backend:?} {page}: {csp}");
                }
            }
        }

        for (path, permission) in staff_server_fns() {
            assert_eq!(
                anonymous.post(&path, &[]).await.status(),
                401,
                "{backend:?} anonymous {path}"
            );
            if let Some(role) = a_role_without(permission) {
                let (browser, _) = browser_for(role);
                assert_eq!(
                    browser.post(&path, &[]).await.status(),
                    403,
                    "{backend:?} {role:?} {path}"
                );
            }
        }

        let events_before = app::audit::store::verify(&app.db, app.store.audit_key())
            .await
            .unwrap()
            .events;
        let staff_forms = FormPost::ALL
            .into_iter()
            .filter_map(|form| match form.access() {
                Access::Staff(permission) => Some((form, permission)),
                _ => None,
            });
        for (form, permission) in staff_forms {
            let prefixes: &[&str] = if form.language_prefixed() {
                &["", "/nl"]
            } else {
                &[""]
            };
            for prefix in prefixes {
                let path = &format!("{prefix}{}", with_id(form.path()));
                for form_action in ["invite", "add-organisation", "close", "message"] {
                    let form = [
                        ("action", form_action),
                        ("email", "intruder@example.test"),
                        ("role", "administrator"),
                        ("name", "Intruders"),
                        ("kind", "other"),
                        ("message", "intrusion"),
                    ];
                    let response = anonymous.post(path, &form).await;
                    assert_eq!(response.status(), 401, "{backend:?} anonymous {path}");
                    if let Some(role) = a_role_without(permission) {
                        let (browser, csrf) = browser_for(role);
                        let mut with_token = form.to_vec();
                        with_token.push(("csrf", csrf));
                        let response = browser.post(path, &with_token).await;
                        assert_eq!(response.status(), 403, "{backend:?} {role:?} {path}");
                    }
                }
            }
        }
        // None of the refused requests did anything.
        assert_eq!(
            app::audit::store::verify(&app.db, app.store.audit_key())
                .await
                .unwrap()
                .events,
            events_before
        );
    }
}

/// Posts one of the administrators' forms, with the form token; the page that comes back.
async fn admin_form(admin: &Browser, csrf: &str, fields: &[(&str, &str)]) -> String {
    let mut form = vec![("csrf", csrf)];
    form.extend_from_slice(fields);
    admin
        .post("/staff/admin", &form)
        .await
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_administrator_invites_changes_roles_and_adds_organisations() {
    let app = spawn_app_with_provider(backends()[0]).await;
    let (admin, csrf) = signed_in_as(&app, Role::Administrator, "root@example.test").await;

    let page = admin_form(
        &admin,
        &csrf,
        &[
            ("action", "add-organisation"),
            ("name", "Centrum Seksueel Geweld"),
            ("kind", "care_centre"),
        ],
    )
    .await;
    assert!(page.contains("The organisation is added."), "{page}");

    // A care partner without an organisation is refused, and the address typed is kept.
    let page = admin_form(
        &admin,
        &csrf,
        &[
            ("action", "invite"),
            ("email", "partner@example.test"),
            ("role", "care_partner"),
            ("organisation_id", ""),
        ],
    )
    .await;
    assert!(
        page.contains("A care partner needs an organisation"),
        "{page}"
    );
    assert!(page.contains("value=\"partner@example.test\""));

    let page = admin_form(
        &admin,
        &csrf,
        &[
            ("action", "invite"),
            ("email", "partner@example.test"),
            ("role", "care_partner"),
            ("organisation_id", "1"),
        ],
    )
    .await;
    assert!(page.contains("The invitation is saved."), "{page}");

    let partner = Browser::new(&app);
    let (_, body) = partner.sign_in("partner@example.test").await;
    assert!(body.contains("(Care partner)"), "{body}");
    assert!(
        body.contains("Organisation: Centrum Seksueel Geweld"),
        "{body}"
    );
    assert_eq!(partner.get("/staff/admin").await.status(), 403);

    // The administrator makes the partner a caseworker; it takes effect at once.
    let accounts = service::accounts(&app.db).await.unwrap();
    let partner_id = accounts
        .iter()
        .find(|a| a.subject == "sub-partner")
        .unwrap()
        .id;
    let page = admin_form(
        &admin,
        &csrf,
        &[
            ("action", "change-role"),
            ("staff_id", &partner_id.to_string()),
            ("role", "caseworker"),
            ("organisation_id", ""),
        ],
    )
    .await;
    assert!(page.contains("The role is changed."), "{page}");
    let home = partner.get("/staff").await.text().await.unwrap();
    assert!(home.contains("(Caseworker)"), "{home}");

    // Administrators cannot change their own role.
    let own_id = accounts
        .iter()
        .find(|a| a.subject == "sub-root")
        .unwrap()
        .id;
    let page = admin_form(
        &admin,
        &csrf,
        &[
            ("action", "change-role"),
            ("staff_id", &own_id.to_string()),
            ("role", "analyst"),
            ("organisation_id", ""),
        ],
    )
    .await;
    assert!(page.contains("You cannot change your own role"), "{page}");

    let audit_page = admin.get("/staff/audit").await.text().await.unwrap();
    assert!(
        audit_page.contains("The audit trail is intact"),
        "{audit_page}"
    );
    assert!(audit_page.contains("staff.role_changed"));
    assert!(audit_page.contains("organisation.created"));
}

/// Pages rendered at the same time each get their own CSP, with the nonce of their own
/// scripts (browser runs got staff pages with the catch-all `default-src 'none'`, which
/// blocks their style, when other pages rendered at the same time).
#[tokio::test]
async fn staff_pages_rendered_together_each_carry_their_own_csp() {
    let app = spawn_app_with_provider(backends()[0]).await;
    let (admin, _) = signed_in_as(&app, Role::Administrator, "admin@example.test").await;
    let admin = std::sync::Arc::new(admin);
    let mut tasks = Vec::new();
    for i in 0..400 {
        let admin = admin.clone();
        let path = ["/staff/admin", "/staff", "/staff/audit", "/", "/report"][i % 5];
        tasks.push(tokio::spawn(async move {
            let response = admin.get(path).await;
            let csp = response.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .to_owned();
            let body = response.text().await.unwrap();
            (path, csp, body)
        }));
    }
    for task in tasks {
        let (path, csp, body) = task.await.unwrap();
        // The header's nonce is the one this page's own scripts carry.
        let nonce = body
            .split("nonce=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the page has inline scripts with a nonce");
        assert!(csp.contains(&format!("'nonce-{nonce}'")), "{path}: {csp}");
    }
}

/// Listing the app's routes while pages render must leave no page hanging: leptos_server
/// holds back for good every resource whose first poll falls inside a listing
/// (leptos-rs/leptos#4773), which made staff pages answer 408 after 30 s now and then while
/// other tests started their servers. The server lists once per process
/// (`server::routes::leptos_routes`); this lists through it without pause while staff pages render.
#[tokio::test]
async fn listing_routes_while_pages_render_hangs_no_page() {
    use std::sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    };
    let app = spawn_app_with_provider(backends()[0]).await;
    let (admin, _) = signed_in_as(&app, Role::Administrator, "admin@example.test").await;
    let stop = Arc::new(AtomicBool::new(false));
    let lister = std::thread::spawn({
        let stop = stop.clone();
        move || {
            let mut listings = 0usize;
            while !stop.load(Ordering::Relaxed) {
                assert!(!server::routes::leptos_routes().is_empty());
                listings += 1;
            }
            listings
        }
    });
    let mut answers = Vec::new();
    for path in ["/staff/admin", "/staff", "/staff/audit"]
        .iter()
        .cycle()
        .take(30)
    {
        let answer = tokio::time::timeout(std::time::Duration::from_secs(5), admin.get(path))
            .await
            .map(|response| response.status());
        let hung = answer.is_err();
        answers.push((path, answer));
        if hung {
            break;
        }
    }
    // The lister stops before any assertion, so a failure never leaves it spinning.
    stop.store(true, Ordering::Relaxed);
    assert!(lister.join().unwrap() > 0);
    for (path, answer) in answers {
        let status = answer.unwrap_or_else(|_| panic!("{path} did not answer within 5 s"));
        assert_eq!(status, 200, "{path}");
    }
}

#[tokio::test]
async fn administrators_see_the_jobs_that_failed_for_good() {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
    let app = spawn_app_with_provider(backends()[0]).await;
    let (admin, _) = signed_in_as(&app, Role::Administrator, "root@example.test").await;
    let page = admin.get("/staff/admin").await.text().await.unwrap();
    assert!(page.contains("No job has failed for good."), "{page}");

    // What the runner leaves after the last failed attempt.
    app::jobs::enqueue(
        &app.db,
        app::jobs::NewJob::new("delete_closed_reports", (), 0),
        0,
    )
    .await
    .unwrap();
    app::jobs::entity::Entity::update_many()
        .col_expr(
            app::jobs::entity::Column::Status,
            Expr::value(app::jobs::JobStatus::Dead),
        )
        .col_expr(
            app::jobs::entity::Column::LastError,
            Expr::value("database"),
        )
        .filter(app::jobs::entity::Column::DedupeKey.is_null())
        .exec(&app.db)
        .await
        .unwrap();
    let page = admin.get("/nl/staff/admin").await.text().await.unwrap();
    assert!(page.contains("Achtergrondtaken"), "{page}");
    assert!(
        page.contains("Gesloten meldingen verwijderen na de bewaartermijn"),
        "{page}"
    );
    assert!(page.contains("<code>database</code>"), "{page}");
}

/// Cases belong to an organisation: a second organisation's analyst is refused every case of
/// the first (page, server function, form) and does not see it in the queue; the owner's
/// analyst works it as before. The owner comes from the administrator's rule.
#[tokio::test]
async fn a_second_organisations_analyst_is_refused_every_case_of_the_first() {
    use app::directory::{self, owners};
    for backend in backends() {
        let app = spawn_app_with_provider(backend).await;
        let (admin, admin_csrf) =
            signed_in_as(&app, Role::Administrator, "admin@example.test").await;
        let admin_member = service::find_member(&app.db, 1).await.unwrap().unwrap();
        let first =
            directory::create_organisation(&app.store, &admin_member, "Helpwanted", "helpline")
                .await
                .unwrap();
        let second =
            directory::create_organisation(&app.store, &admin_member, "Other line", "helpline")
                .await
                .unwrap();
        // The administrators' form sets the default rule: every new report to the first.
        let page = admin_form(
            &admin,
            &admin_csrf,
            &[
                ("action", "set-owner-rule"),
                ("country", ""),
                ("category", ""),
                ("organisation_id", &first.to_string()),
            ],
        )
        .await;
        assert!(page.contains("The rule is set."), "{page}");
        assert_eq!(
            owners::owner_for(&app.db, "NL", app::directory::CaseCategory::Ncii)
                .await
                .unwrap(),
            Some(first)
        );
        for (email, organisation) in [
            ("first.analyst@example.test", first),
            ("second.analyst@example.test", second),
        ] {
            service::invite(
                &app.store,
                None,
                Invitee::email(email).unwrap(),
                Role::Analyst,
                Some(organisation),
            )
            .await
            .unwrap();
        }
        let owner_analyst = Browser::new(&app);
        let owner_csrf = csrf_in(&owner_analyst.sign_in("first.analyst@example.test").await.1);
        let other_analyst = Browser::new(&app);
        let other_csrf = csrf_in(&other_analyst.sign_in("second.analyst@example.test").await.1);

        let (_, case) = crate::cases::report(&app, serde_json::json!({})).await;
        let case_page = format!("/staff/cases/{case}");
        let events_before = app::audit::store::verify(&app.db, app.store.audit_key())
            .await
            .unwrap()
            .events;

        for prefix in ["", "/nl"] {
            let response = other_analyst.get(&format!("{prefix}{case_page}")).await;
            assert_eq!(response.status(), 403, "{backend:?} {prefix}{case_page}");
        }
        let response = other_analyst
            .post("/api/staff/case", &[("id", &case.to_string())])
            .await;
        assert_eq!(response.status(), 403, "{backend:?} server function");
        for action in [
            "claim",
            "note",
            "message",
            "close",
            "send-notice",
            "notice-filed",
        ] {
            let response = other_analyst
                .post(
                    &case_page,
                    &[
                        ("csrf", &other_csrf),
                        ("action", action),
                        ("note", "intrusion"),
                        ("message", "intrusion"),
                    ],
                )
                .await;
            assert_eq!(response.status(), 403, "{backend:?} form {action}");
        }
        let queue = other_analyst
            .get("/staff/cases")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            !queue.contains(&case_page),
            "{backend:?}: the other queue lists the case"
        );
        assert_eq!(
            app::audit::store::verify(&app.db, app.store.audit_key())
                .await
                .unwrap()
                .events,
            events_before,
            "{backend:?}: a refused request did something"
        );

        let response = owner_analyst.get(&case_page).await;
        assert_eq!(response.status(), 200, "{backend:?} owner");
        let queue = owner_analyst
            .get("/staff/cases")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            queue.contains(&case_page),
            "{backend:?}: the owner's queue lacks the case"
        );
        let response = owner_analyst
            .post(&case_page, &[("csrf", &owner_csrf), ("action", "claim")])
            .await;
        // The browser follows the 303 back to the case, which says what happened.
        assert_eq!(response.status(), 200, "{backend:?} owner claims");
        assert!(
            response.url().query().is_some_and(|q| q.contains("done=")),
            "{backend:?}: {}",
            response.url()
        );

        // The other organisation's analyst is not offered as an assignee, and is refused.
        let page = response.text().await.unwrap();
        assert!(
            page.contains("Other line"),
            "{backend:?}: no transfer choice"
        );
        let second_analyst = service::find_member_by_email(&app.db, "second.analyst@example.test")
            .await
            .unwrap()
            .expect("signed in once");
        let response = owner_analyst
            .post(
                &case_page,
                &[
                    ("csrf", &owner_csrf),
                    ("action", "assign"),
                    ("staff_id", &second_analyst.id.to_string()),
                ],
            )
            .await;
        let page = response.text().await.unwrap();
        assert!(
            page.contains("That colleague cannot take cases."),
            "{backend:?}: {page}"
        );

        // A transfer moves the case, unassigned, into the other organisation's queue; the
        // first no longer sees it; the audit trail says who moved it where.
        let response = owner_analyst
            .post(
                &format!("/nl{case_page}"),
                &[
                    ("csrf", &owner_csrf),
                    ("action", "transfer"),
                    ("organisation_id", &second.to_string()),
                ],
            )
            .await;
        assert_eq!(response.status(), 200, "{backend:?} transfer");
        assert_eq!(
            response.url().path(),
            "/nl/staff/cases",
            "{backend:?}: back to the queue in the page's language"
        );
        let queue = response.text().await.unwrap();
        assert!(
            queue.contains("naar de andere organisatie verplaatst") && !queue.contains(&case_page),
            "{backend:?}: {queue}"
        );
        assert_eq!(owner_analyst.get(&case_page).await.status(), 403);
        let response = other_analyst.get(&case_page).await;
        assert_eq!(response.status(), 200, "{backend:?} new owner");
        let page = response.text().await.unwrap();
        assert!(
            page.contains("This case belongs to Other line") && page.contains("Not assigned"),
            "{backend:?}: {page}"
        );
        // Opening the case is on record, as the new owner's analyst; before it, the transfer.
        let trail = app::audit::store::recent(&app.db, 2).await.unwrap();
        assert_eq!(trail[0].action, "case.viewed", "{backend:?}");
        assert_eq!(trail[0].case_id, Some(case));
        // A reload within ten minutes is the same view.
        let viewed = trail[0].id;
        assert_eq!(other_analyst.get(&case_page).await.status(), 200);
        assert_eq!(
            app::audit::store::recent(&app.db, 1).await.unwrap()[0].id,
            viewed,
            "{backend:?}: one event per view, not per reload"
        );
        let trail = &trail[1..];
        assert_eq!(trail[0].action, "case.transferred", "{backend:?}");
        assert_eq!(trail[0].case_id, Some(case));
        assert_eq!(trail[0].target.as_deref(), Some("Other line"));
        assert_eq!(trail[0].detail, format!("from={first} to={second}"));
        assert!(
            app::audit::store::verify(&app.db, app.store.audit_key())
                .await
                .unwrap()
                .first_broken
                .is_none()
        );

        // Moving it to the organisation that already owns it is refused, nothing written.
        let events = app::audit::store::verify(&app.db, app.store.audit_key())
            .await
            .unwrap()
            .events;
        let response = other_analyst
            .post(
                &case_page,
                &[
                    ("csrf", &other_csrf),
                    ("action", "transfer"),
                    ("organisation_id", &second.to_string()),
                ],
            )
            .await;
        let page = response.text().await.unwrap();
        assert!(
            page.contains("Choose one of the organisations listed."),
            "{page}"
        );
        assert_eq!(
            app::audit::store::verify(&app.db, app.store.audit_key())
                .await
                .unwrap()
                .events,
            events
        );
    }
}
