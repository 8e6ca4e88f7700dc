//! What the directory's stored names are: kinds of organisation and categories of case.

use crate::report::{AgeBand, Draft, Happened};

crate::stored_enum! {
    /// What kind of organisation it is.
    pub enum OrganisationKind {
        Helpline = "helpline",
        Hotline = "hotline",
        CareCentre = "care_centre",
        Authority = "authority",
        Other = "other",
    }
}

impl OrganisationKind {
    /// The Fluent message naming it.
    pub fn message_id(self) -> &'static str {
        match self {
            OrganisationKind::Helpline => "staff-organisation-kind-helpline",
            OrganisationKind::Hotline => "staff-organisation-kind-hotline",
            OrganisationKind::CareCentre => "staff-organisation-kind-care-centre",
            OrganisationKind::Authority => "staff-organisation-kind-authority",
            OrganisationKind::Other => "staff-organisation-kind-other",
        }
    }
}

crate::stored_enum! {
    /// What a report is about, as far as who handles it goes: abuse material of a child goes
    /// the hotline way (DSA notices without the notifier's identity, ICCAM), the rest is
    /// non-consensual intimate imagery of an adult.
    pub enum CaseCategory {
        Csam = "csam",
        Ncii = "ncii",
    }
}

impl CaseCategory {
    /// A person under 18, or a report about abuse material of a child or pressure on one.
    pub fn of(draft: &Draft) -> CaseCategory {
        let minor = matches!(
            draft.age_band,
            Some(AgeBand::Under13 | AgeBand::From13To15 | AgeBand::From16To17)
        );
        let about_a_child = draft
            .happened
            .iter()
            .any(|h| matches!(h, Happened::ChildAbuseMaterial | Happened::ChildPressured));
        if minor || about_a_child {
            CaseCategory::Csam
        } else {
            CaseCategory::Ncii
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minor_or_a_report_about_a_child_is_csam() {
        let mut draft = Draft {
            age_band: Some(AgeBand::From13To15),
            ..Draft::default()
        };
        assert_eq!(CaseCategory::of(&draft), CaseCategory::Csam);
        draft.age_band = Some(AgeBand::Over25);
        assert_eq!(CaseCategory::of(&draft), CaseCategory::Ncii);
        draft.happened = vec![Happened::ChildAbuseMaterial];
        assert_eq!(CaseCategory::of(&draft), CaseCategory::Csam);
    }
}
