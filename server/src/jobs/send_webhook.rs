//! Posts one published batch to a platform's webhook: the changes of `from..=to` the platform
//! may see, as events `hash.added`, `hash.status_changed`, `hash.withdrawn`, signed
//! `X-Portal-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (a second
//! `v1=` with the old secret while a rotated one is still valid). Through the outbound guard:
//! a webhook address is a platform's, so never a private one. A failure is tried again by the
//! runner with its backoff; the body is built again each time, so a change withdrawn in
//! between goes out as what it is now.

use app::{
    db::Db,
    hash_list::{ChangeKind, platform, store},
    report::ReportKeys,
};
use hmac::{Hmac, Mac};
use serde_json::json;
use sha2::Sha256;

use super::{Done, Failed, publish_hash_changes::WebhookJob};
use crate::{clients::outbound::Outbound, routes::platform::feed};

/// The signature header's value for `body` at `t` under each secret.
pub fn signature(t: i64, body: &[u8], secrets: &[String]) -> String {
    let mut header = format!("t={t}");
    for secret in secrets {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes())
            .expect("HMAC takes any key length");
        mac.update(t.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        header.push_str(",v1=");
        header.push_str(&app::token::hex(&mac.finalize().into_bytes()));
    }
    header
}

fn event(change: ChangeKind) -> &'static str {
    match change {
        ChangeKind::Added => "hash.added",
        ChangeKind::StatusChanged => "hash.status_changed",
        ChangeKind::Withdrawn => "hash.withdrawn",
    }
}

pub async fn send(
    db: Db,
    keys: ReportKeys,
    outbound: Outbound,
    payload: serde_json::Value,
) -> Result<Done, Failed> {
    let Ok(job) = serde_json::from_value::<WebhookJob>(payload) else {
        return Err(Failed("bad_payload"));
    };
    let now = db.now();
    let Some((platform, url, secrets)) = platform::webhook(db.read(), &keys, job.platform, now)
        .await
        .map_err(|_| Failed("database"))?
    else {
        // Revoked, or its webhook removed: nobody to tell.
        return Ok(Done::Finished);
    };
    let rows = store::feed(
        db.read(),
        &platform.visibility(),
        job.from - 1,
        Some(job.to),
        100_000,
        false,
    )
    .await
    .map_err(|_| Failed("database"))?;
    if rows.is_empty() {
        return Ok(Done::Finished);
    }
    let events: Vec<serde_json::Value> = rows
        .into_iter()
        .map(|row| {
            let name = event(row.change);
            let mut change = serde_json::to_value(feed::Change::from(row)).unwrap_or_default();
            change["event"] = json!(name);
            change
        })
        .collect();
    let body = serde_json::to_vec(&json!({
        "events": events,
        "next_cursor": feed::cursor(job.to),
    }))
    .map_err(|_| Failed("encode"))?;
    let headers = [("x-portal-signature", signature(now, &body, &secrets))];
    match outbound.post_json(&url, body, &headers).await {
        Ok(()) => Ok(Done::Finished),
        Err(error) => {
            tracing::warn!(platform = platform.id, %error, "webhook: delivery failed");
            Err(Failed(match error {
                crate::clients::outbound::OutboundError::Private => "webhook_private_address",
                crate::clients::outbound::OutboundError::Timeout => "webhook_timeout",
                _ => "webhook_failed",
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_the_hmac_of_time_dot_body_once_per_secret() {
        // Computed apart from this code: printf '1700000000.{}' | openssl dgst -sha256 -hmac s1
        assert_eq!(
            signature(1_700_000_000, b"{}", &["s1".to_owned()]),
            "t=1700000000,v1=3090f954c37938e70824aaf9a208b3d0826ce15ec4a840385d62ca283b91f73a"
        );
        let two = signature(1, b"x", &["a".to_owned(), "b".to_owned()]);
        assert_eq!(two.matches(",v1=").count(), 2);
    }
}
