//! Sending notices by e-mail (`PORTAL_SMTP_URL`): one pooled SMTP connection set, through
//! rustls for `smtps://` and STARTTLS. A notice goes out as the text the analyst reviewed,
//! with its X-ARF JSON attached, under the Message-ID fixed when it was written, so a
//! repeat after a crash is recognisable as the same message.

use std::time::Duration;

use anyhow::Context;
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{Attachment, Mailbox, MultiPart, SinglePart, header::ContentType},
};

use app::notice::entity::notice;

/// Why a delivery failed: a short code (kept with the notice, never personal data), and
/// whether trying again can help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendError {
    /// The server refused for good (5xx), or the notice cannot be sent as it is.
    Permanent(&'static str),
    /// Try again later (4xx, a timeout, no connection).
    Transient(&'static str),
}

#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// `url` is `smtp://host:port` (STARTTLS when the server offers it: lettre alone would
    /// send in the clear; `?tls=required` to insist) or `smtps://host:port`; `from` the
    /// envelope and header sender.
    pub fn new(
        url: &str,
        from: &str,
        from_name: &str,
        timeout: Duration,
    ) -> anyhow::Result<Mailer> {
        let url = if url.starts_with("smtp://") && !url.contains("tls=") {
            let joiner = if url.contains('?') { '&' } else { '?' };
            format!("{url}{joiner}tls=opportunistic")
        } else {
            url.to_owned()
        };
        // The URL may hold a password: it is never repeated in the error.
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&url)
            .with_context(|| "PORTAL_SMTP_URL is smtp://host:port or smtps://host:port")?
            .timeout(Some(timeout))
            .build();
        let address = from
            .parse()
            .with_context(|| format!("PORTAL_NOTICE_FROM is not an e-mail address: {from:?}"))?;
        Ok(Mailer {
            transport,
            from: Mailbox::new(Some(from_name.to_owned()), address),
        })
    }

    /// The e-mail for `notice`: its text, the X-ARF JSON attached, answers to the notifier's
    /// case mailbox (as the X-ARF part names it).
    pub fn message(&self, notice: &notice::Model) -> Result<Message, SendError> {
        let to: Mailbox = notice
            .recipient
            .parse()
            .map_err(|_| SendError::Permanent("bad_recipient"))?;
        let xarf: serde_json::Value =
            serde_json::from_str(&notice.xarf).map_err(|_| SendError::Permanent("bad_xarf"))?;
        let mut builder = Message::builder()
            .message_id(Some(notice.message_id.clone()))
            .from(self.from.clone())
            .to(to)
            .subject(notice.subject.clone());
        if let Some(reply_to) = xarf["ReporterInfo"]["ReporterOrgEmail"]
            .as_str()
            .and_then(|m| m.parse::<Mailbox>().ok())
        {
            builder = builder.reply_to(reply_to);
        }
        let json = ContentType::parse("application/json").expect("a valid content type");
        builder
            .multipart(
                MultiPart::mixed()
                    .singlepart(SinglePart::plain(notice.body.clone()))
                    .singlepart(
                        Attachment::new("xarf.json".to_owned()).body(notice.xarf.clone(), json),
                    ),
            )
            .map_err(|_| SendError::Permanent("bad_message"))
    }

    /// Sends `notice`; Ok once the server accepted it (its "250" after the data).
    pub async fn send(&self, notice: &notice::Model) -> Result<(), SendError> {
        let message = self.message(notice)?;
        match self.transport.send(message).await {
            Ok(_) => Ok(()),
            Err(error) => {
                tracing::warn!(notice = notice.id, %error, "notice delivery failed");
                Err(if error.is_permanent() {
                    SendError::Permanent("smtp_refused")
                } else if error.is_timeout() {
                    SendError::Transient("smtp_timeout")
                } else if error.is_transient() {
                    SendError::Transient("smtp_busy")
                } else {
                    SendError::Transient("smtp_unreachable")
                })
            }
        }
    }
}
