//! The guidance topics and their addresses (`/parents/<slug>`).

/// What a parent has come about. Each has one guidance page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Sextortion,
    SharedNudes,
    AiNudes,
    Grooming,
}

impl Topic {
    /// In the order the landing page lists them: the most frequent and most urgent first.
    pub const ALL: [Topic; 4] = [
        Topic::Sextortion,
        Topic::SharedNudes,
        Topic::AiNudes,
        Topic::Grooming,
    ];

    /// The last segment of the page's address. Stable: people bookmark and share these.
    pub fn slug(self) -> &'static str {
        match self {
            Topic::Sextortion => "sextortion",
            Topic::SharedNudes => "shared-nudes",
            Topic::AiNudes => "ai-nudes",
            Topic::Grooming => "grooming",
        }
    }

    /// The topic an address segment names, if any.
    pub fn from_slug(slug: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|topic| topic.slug() == slug)
    }

    /// The unprefixed path of the topic's page, for [`crate::i18n::I18n::href`].
    pub fn path(self) -> String {
        format!("/parents/{}", self.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_topic_is_found_by_its_own_slug() {
        for topic in Topic::ALL {
            assert_eq!(Topic::from_slug(topic.slug()), Some(topic));
        }
    }

    #[test]
    fn an_unknown_slug_names_no_topic() {
        assert_eq!(Topic::from_slug("unknown"), None);
        assert_eq!(Topic::from_slug(""), None);
        assert_eq!(Topic::from_slug("Sextortion"), None);
    }

    #[test]
    fn a_topic_path_lives_under_parents() {
        assert_eq!(Topic::AiNudes.path(), "/parents/ai-nudes");
    }
}
