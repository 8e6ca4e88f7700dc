use std::collections::HashMap;

use server::session_store::{DbSessionStore, count};
use time::{Duration, OffsetDateTime};
use tower_sessions::{
    SessionStore,
    session::{Id, Record},
    session_store::ExpiredDeletion,
};

use crate::helpers::{backends, spawn_app};

fn record(expires_in: Duration) -> Record {
    let mut data = HashMap::new();
    data.insert("role".to_owned(), serde_json::json!("analyst"));
    Record {
        id: Id::default(),
        data,
        expiry_date: OffsetDateTime::now_utc() + expires_in,
    }
}

#[tokio::test]
async fn sessions_are_stored_loaded_and_deleted() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let store = DbSessionStore::new(app.store.clone());
        let mut rec = record(Duration::hours(1));
        store.create(&mut rec).await.expect("create");
        let loaded = store.load(&rec.id).await.expect("load").expect("present");
        assert_eq!(loaded.data["role"], "analyst", "{backend:?}");

        rec.data
            .insert("role".to_owned(), serde_json::json!("caseworker"));
        store.save(&rec).await.expect("save overwrites");
        let loaded = store.load(&rec.id).await.unwrap().unwrap();
        assert_eq!(loaded.data["role"], "caseworker");

        store.delete(&rec.id).await.expect("delete");
        assert!(store.load(&rec.id).await.unwrap().is_none());
        assert_eq!(count(&app.db).await.unwrap(), 0);
    }
}

#[tokio::test]
async fn an_expired_session_is_never_loaded_and_is_cleaned_up() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let store = DbSessionStore::new(app.store.clone());
        let mut old = record(Duration::seconds(-5));
        let mut live = record(Duration::hours(1));
        store.create(&mut old).await.unwrap();
        store.create(&mut live).await.unwrap();
        assert!(store.load(&old.id).await.unwrap().is_none(), "{backend:?}");
        store.delete_expired().await.unwrap();
        assert_eq!(count(&app.db).await.unwrap(), 1);
        assert!(store.load(&live.id).await.unwrap().is_some());
    }
}

#[tokio::test]
async fn a_colliding_session_id_gets_a_fresh_one() {
    let app = spawn_app(backends()[0]).await;
    let store = DbSessionStore::new(app.store.clone());
    let mut first = record(Duration::hours(1));
    store.create(&mut first).await.unwrap();
    let mut second = record(Duration::hours(1));
    second.id = first.id;
    store.create(&mut second).await.unwrap();
    assert_ne!(first.id, second.id);
    assert_eq!(count(&app.db).await.unwrap(), 2);
}

/// A copy of the session table signs no one in: no row holds a session id (the cookie's
/// value) as its key or in its data, and no row outlives the idle limit by more than the
/// margin, whatever expiry the session layer asked for (two weeks for a browser session).
#[tokio::test]
async fn the_table_holds_no_session_id_and_no_row_outlives_the_idle_limit() {
    use sea_orm::{ConnectionTrait, Statement};
    for backend in backends() {
        let app = spawn_app(backend).await;
        let store = DbSessionStore::new(app.store.clone());
        let mut rec = record(Duration::weeks(2));
        store.create(&mut rec).await.unwrap();
        let cookie = rec.id.to_string();
        let rows = app
            .db
            .query_all_raw(Statement::from_string(
                app.db.get_database_backend(),
                "SELECT id, data, expires_at FROM session",
            ))
            .await
            .unwrap();
        assert_eq!(rows.len(), 1, "{backend:?}");
        let key: String = rows[0].try_get("", "id").unwrap();
        let data: Vec<u8> = rows[0].try_get("", "data").unwrap();
        let expires_at: i64 = rows[0].try_get("", "expires_at").unwrap();
        assert_ne!(key, cookie, "{backend:?}");
        assert_eq!(key.len(), 64, "a hex SHA-256: {key}");
        let data = String::from_utf8_lossy(&data);
        assert!(!data.contains(&cookie), "the id is in the data: {data}");
        assert!(data.contains("analyst"), "{data}");
        let now = OffsetDateTime::now_utc().unix_timestamp();
        assert!(
            expires_at <= now + server::session_store::ROW_SECONDS,
            "{backend:?}: the row lives {} s",
            expires_at - now
        );
        assert!(
            expires_at > now + 30 * 60,
            "{backend:?}: shorter than the idle limit"
        );
        // Looked up by the cookie's id, it is found all the same, with its id.
        let loaded = store.load(&rec.id).await.unwrap().expect("found by its id");
        assert_eq!(loaded.id, rec.id);
    }
}
