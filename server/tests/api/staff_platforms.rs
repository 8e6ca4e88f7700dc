//! The hash list in the staff workspace: administrators make a platform key (shown on that
//! one answer only, audited, working at once) and revoke it (refused at once); analysts see
//! what is on the list and settle the entries platforms disagree about, only those their
//! organisation answers for.

use app::{
    hash_list::{
        EntryStatus, FeedbackVerdict, HashList, Scope, entity::entry, platform, store, transfer,
    },
    staff::{
        Role,
        service::{self, Invitee},
    },
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    helpers::{TestApp, backends},
    identity_provider::{Browser, csrf_in, spawn_app_with_provider},
    staff_access::signed_in_as,
};

async fn api_status(app: &TestApp, key: &str) -> u16 {
    app.client
        .get(format!("{}/api/v1/hashes/changes", app.address))
        .bearer_auth(key)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// An entry imported for `organisation` (None: nobody's), made disputed by two platforms
/// that disagree; its public id.
async fn disputed_entry(app: &TestApp, pdq_seed: u64, organisation: Option<i64>) -> String {
    let pdq = pdq_index::random::Rng(pdq_seed).code().to_hex();
    let mut summary = transfer::ImportSummary::default();
    transfer::import_line(
        app.store.write(),
        &format!(r#"{{"pdq": "{pdq}", "pdq_quality": 90, "list": "ncii", "status": "analyst_confirmed"}}"#),
        1,
        organisation,
        app.store.now(),
        &mut summary,
    )
    .await
    .unwrap();
    assert_eq!(summary.added, 1, "{summary:?}");
    let id = entry::Entity::find()
        .filter(entry::Column::Pdq.eq(pdq))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .public_id;
    let all = store::Visibility {
        lists: HashList::ALL.to_vec(),
        sandbox: false,
    };
    for (name, verdict) in [
        ("Acting", FeedbackVerdict::Actioned),
        ("Doubting", FeedbackVerdict::NotViolating),
    ] {
        let who = match platform::find_by_name(&app.db, name).await.unwrap() {
            Some(p) => p,
            None => {
                platform::create(
                    app.store.write(),
                    platform::NewPlatform::new(name, &[Scope::Feedback], &HashList::ALL),
                    app.store.now(),
                )
                .await
                .unwrap()
                .platform
            }
        };
        store::record_feedback(
            app.store.write(),
            who.id,
            &all,
            &[(id.clone(), verdict, Some("tos_4".to_owned()))],
            app.store.now(),
        )
        .await
        .unwrap();
    }
    id
}

async fn status_of(app: &TestApp, id: &str) -> EntryStatus {
    entry::Entity::find()
        .filter(entry::Column::PublicId.eq(id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .status
}

#[tokio::test]
async fn administrators_make_and_revoke_keys_and_analysts_settle_what_platforms_dispute() {
    for backend in backends() {
        let app = spawn_app_with_provider(backend).await;
        let (admin, csrf) = signed_in_as(&app, Role::Administrator, "admin@example.test").await;
        let (analyst, analyst_csrf) =
            signed_in_as(&app, Role::Analyst, "analyst@example.test").await;

        // Each page is its role's: the home page links it, the other role is refused.
        let home = admin.get("/staff").await.text().await.unwrap();
        assert!(home.contains("/staff/platforms") && !home.contains("/staff/hash-list"));
        let home = analyst.get("/staff").await.text().await.unwrap();
        assert!(home.contains("/staff/hash-list") && !home.contains("/staff/platforms"));
        assert_eq!(analyst.get("/staff/platforms").await.status(), 403);
        assert_eq!(admin.get("/staff/hash-list").await.status(), 403);
        let refused = analyst
            .post(
                "/staff/platforms",
                &[
                    ("csrf", analyst_csrf.as_str()),
                    ("action", "create-platform"),
                    ("name", "Sneaky"),
                    ("scope", "read"),
                    ("list", "csam"),
                    ("per_minute", "60"),
                ],
            )
            .await;
        assert_eq!(refused.status(), 403);

        let page = admin.get("/nl/staff/platforms").await.text().await.unwrap();
        assert!(page.contains("Sleutels van platforms"), "{backend:?}");
        assert!(page.contains("Nog geen platform heeft een sleutel"));

        // Nothing chosen to do: the message in Dutch, the name kept.
        let response = admin
            .post(
                "/nl/staff/platforms",
                &[
                    ("csrf", csrf.as_str()),
                    ("action", "create-platform"),
                    ("name", "Photo app"),
                    ("list", "ncii"),
                    ("per_minute", "120"),
                ],
            )
            .await;
        assert_eq!(response.status(), 200);
        let refused = response.text().await.unwrap();
        assert!(refused.contains("Kies minstens één ding dat de sleutel mag"));
        assert!(refused.contains("value=\"Photo app\"") && refused.contains("value=\"120\""));
        assert!(!refused.contains("data-platform-key"));

        // Made: the key is on this answer, works at once, and is audited without itself.
        let response = admin
            .post(
                "/staff/platforms",
                &[
                    ("csrf", csrf.as_str()),
                    ("action", "create-platform"),
                    ("name", "Photo app"),
                    ("scope", "read"),
                    ("scope", "match"),
                    ("list", "ncii"),
                    ("list", "ai"),
                    ("per_minute", "120"),
                ],
            )
            .await;
        assert_eq!(response.status(), 200);
        let made = response.text().await.unwrap();
        let key = made
            .split_once("data-platform-key")
            .and_then(|(_, rest)| rest.split_once('>'))
            .and_then(|(_, rest)| rest.split_once('<'))
            .map(|(key, _)| key.trim().to_owned())
            .unwrap_or_else(|| panic!("the key is shown: {made}"));
        assert!(key.starts_with("sa_live_"), "{key}");
        assert_eq!(api_status(&app, &key).await, 200);
        let stored = platform::find_by_name(&app.db, "Photo app")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored.scopes, vec![Scope::Read, Scope::Match]);
        assert_eq!(stored.lists, vec![HashList::Ncii, HashList::Ai]);
        assert_eq!(stored.per_minute, 120);
        let events = app::audit::store::recent(&app.db, 10).await.unwrap();
        let event = events
            .iter()
            .find(|e| e.action == "platform.created")
            .expect("audited");
        assert_eq!(event.target.as_deref(), Some("Photo app"));
        assert!(!event.detail.contains(&key));

        // The list shows it, never the key again.
        let list = admin.get("/staff/platforms").await.text().await.unwrap();
        assert!(list.contains("data-platform=\"Photo app\""));
        assert!(!list.contains(&key) && list.contains(&key[..12]));

        // Revoked: refused at once, audited, still listed as revoked.
        let response = admin
            .post(
                "/staff/platforms",
                &[
                    ("csrf", csrf.as_str()),
                    ("action", "revoke-platform"),
                    ("platform", &stored.id.to_string()),
                ],
            )
            .await;
        assert!(
            response
                .url()
                .as_str()
                .ends_with("?done=platform-done-revoked"),
            "{}",
            response.url()
        );
        assert_eq!(api_status(&app, &key).await, 401);
        let list = response.text().await.unwrap();
        assert!(list.contains("data-revoked"), "{backend:?}");
        let events = app::audit::store::recent(&app.db, 10).await.unwrap();
        assert!(events.iter().any(|e| e.action == "platform.revoked"));

        // Disputed entries: one nobody owns (the portal's own staff decide), one another
        // organisation confirmed.
        let member = service::find_member(&app.db, 1).await.unwrap().unwrap();
        let other =
            app::directory::create_organisation(&app.store, &member, "Other hotline", "hotline")
                .await
                .unwrap();
        let ours = disputed_entry(&app, 1, None).await;
        let theirs = disputed_entry(&app, 2, Some(other)).await;
        assert_eq!(status_of(&app, &ours).await, EntryStatus::Disputed);
        let page = analyst
            .get("/nl/staff/hash-list")
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("Platforms zijn het oneens"));
        assert!(page.contains(&format!("data-entry=\"{ours}\"")));
        assert!(page.contains("Acting") && page.contains("vond niets mis"));
        assert!(
            !page.contains(&theirs),
            "another organisation's entry is not shown"
        );

        // Confirmed by the analyst: audited, settled, gone from the list of disputes.
        let response = analyst
            .post(
                "/staff/hash-list",
                &[
                    ("csrf", analyst_csrf.as_str()),
                    ("action", "confirm-entry"),
                    ("entry", &ours),
                ],
            )
            .await;
        assert!(
            response
                .url()
                .as_str()
                .ends_with("?done=hash-list-done-confirmed")
        );
        let page = response.text().await.unwrap();
        assert!(page.contains("data-disputed-none"), "{backend:?}");
        assert_eq!(status_of(&app, &ours).await, EntryStatus::AnalystConfirmed);
        let events = app::audit::store::recent(&app.db, 10).await.unwrap();
        let event = events
            .iter()
            .find(|e| e.action == "hash_list.entry_decided")
            .expect("audited");
        assert_eq!(event.target.as_deref(), Some(ours.as_str()));
        assert_eq!(event.actor, "analyst@example.test");

        // Another organisation's entry: refused even by its id; decided twice: said so.
        let refused = analyst
            .post(
                "/staff/hash-list",
                &[
                    ("csrf", analyst_csrf.as_str()),
                    ("action", "withdraw-entry"),
                    ("entry", &theirs),
                ],
            )
            .await;
        assert_eq!(refused.status(), 403);
        assert_eq!(status_of(&app, &theirs).await, EntryStatus::Disputed);
        service::invite(
            &app.store,
            None,
            Invitee::email("other@example.test").unwrap(),
            Role::Analyst,
            Some(other),
        )
        .await
        .unwrap();
        let colleague = Browser::new(&app);
        let colleague_csrf = csrf_in(&colleague.sign_in("other@example.test").await.1);
        let page = colleague
            .get("/staff/hash-list")
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains(&theirs) && !page.contains(&format!("data-entry=\"{ours}\"")));
        let response = colleague
            .post(
                "/staff/hash-list",
                &[
                    ("csrf", colleague_csrf.as_str()),
                    ("action", "withdraw-entry"),
                    ("entry", &theirs),
                ],
            )
            .await;
        assert!(
            response
                .url()
                .as_str()
                .ends_with("?done=hash-list-done-withdrawn")
        );
        assert_eq!(status_of(&app, &theirs).await, EntryStatus::Withdrawn);
        let again = colleague
            .post(
                "/staff/hash-list",
                &[
                    ("csrf", colleague_csrf.as_str()),
                    ("action", "withdraw-entry"),
                    ("entry", &theirs),
                ],
            )
            .await;
        assert_eq!(again.status(), 200);
        assert!(
            again
                .text()
                .await
                .unwrap()
                .contains("decided or withdrawn meanwhile")
        );
    }
}
