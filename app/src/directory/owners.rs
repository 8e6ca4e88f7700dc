//! Which organisation owns a new report: the rules an administrator sets (country and
//! category to organisation, with a default). The most specific rule wins: country and
//! category, then country, then category, then the default; no rule at all leaves the report
//! unowned (visible to staff who belong to no organisation, the portal's own).

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, NotSet,
    QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};

use super::entity::{case_owner_rule, organisation};
use crate::{
    audit::{
        AuditAction,
        store::{NewEvent, append},
    },
    db::Db,
    report::{AgeBand, Draft, Happened},
    staff::StaffMember,
};

/// What a report is about, as far as who handles it goes: abuse material of a child goes the
/// hotline way (DSA notices without the notifier's identity, ICCAM), the rest is
/// non-consensual intimate imagery of an adult.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseCategory {
    Csam,
    Ncii,
}

impl CaseCategory {
    pub const ALL: [CaseCategory; 2] = [CaseCategory::Csam, CaseCategory::Ncii];

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

    pub fn as_str(self) -> &'static str {
        match self {
            CaseCategory::Csam => "csam",
            CaseCategory::Ncii => "ncii",
        }
    }

    pub fn parse(text: &str) -> Option<CaseCategory> {
        CaseCategory::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// The owner of a new report from `country` in `category`, by the rules.
pub async fn owner_for(
    db: &impl ConnectionTrait,
    country: &str,
    category: CaseCategory,
) -> Result<Option<i64>, DbErr> {
    let rules = case_owner_rule::Entity::find().all(db).await?;
    Ok(pick(&rules, country, category))
}

fn pick(rules: &[case_owner_rule::Model], country: &str, category: CaseCategory) -> Option<i64> {
    let matches = |rule: &&case_owner_rule::Model| {
        rule.country.as_deref().is_none_or(|c| c == country)
            && rule
                .category
                .as_deref()
                .is_none_or(|c| c == category.as_str())
    };
    let specificity =
        |rule: &case_owner_rule::Model| (rule.country.is_some(), rule.category.is_some(), rule.id);
    rules
        .iter()
        .filter(matches)
        .max_by_key(|rule| specificity(rule))
        .map(|rule| rule.organisation_id)
}

/// Every rule, for the administrators' page.
pub async fn rules(db: &impl ConnectionTrait) -> Result<Vec<case_owner_rule::Model>, DbErr> {
    case_owner_rule::Entity::find()
        .order_by_asc(case_owner_rule::Column::Country)
        .order_by_asc(case_owner_rule::Column::Category)
        .all(db)
        .await
}

#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    #[error("no such organisation using the portal")]
    UnknownOrganisation,
    #[error("not a country code")]
    InvalidCountry,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Sets the owner of new reports from `country` in `category` (None: any), replacing the
/// rule for the same pair; audited.
pub async fn set_rule(
    db: &Db,
    by: &StaffMember,
    country: Option<&str>,
    category: Option<CaseCategory>,
    organisation_id: i64,
) -> Result<(), RuleError> {
    let country = match country.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) if c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()) => {
            Some(c.to_ascii_uppercase())
        }
        Some(_) => return Err(RuleError::InvalidCountry),
        None => None,
    };
    let txn = db.begin().await?;
    let at = db.now();
    let owner = organisation::Entity::find_by_id(organisation_id)
        .filter(organisation::Column::UsesPortal.eq(true))
        .one(&txn)
        .await?
        .ok_or(RuleError::UnknownOrganisation)?;
    let same_pair = case_owner_rule::Entity::delete_many()
        .filter(match &country {
            Some(c) => case_owner_rule::Column::Country.eq(c.clone()),
            None => case_owner_rule::Column::Country.is_null(),
        })
        .filter(match category {
            Some(c) => case_owner_rule::Column::Category.eq(c.as_str()),
            None => case_owner_rule::Column::Category.is_null(),
        });
    same_pair.exec(&txn).await?;
    case_owner_rule::ActiveModel {
        id: NotSet,
        country: Set(country.clone()),
        category: Set(category.map(|c| c.as_str().to_owned())),
        organisation_id: Set(owner.id),
        created_at: Set(at),
    }
    .insert(&txn)
    .await?;
    append(
        &txn,
        at,
        NewEvent::new(by.actor(), AuditAction::OwnerRuleSet)
            .target(owner.name)
            .detail(format!(
                "country={} category={} organisation={}",
                country.as_deref().unwrap_or("any"),
                category.map_or("any", CaseCategory::as_str),
                owner.id
            )),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(
        id: i64,
        country: Option<&str>,
        category: Option<&str>,
        owner: i64,
    ) -> case_owner_rule::Model {
        case_owner_rule::Model {
            id,
            country: country.map(str::to_owned),
            category: category.map(str::to_owned),
            organisation_id: owner,
            created_at: 0,
        }
    }

    #[test]
    fn the_most_specific_rule_wins_and_the_default_catches_the_rest() {
        let rules = [
            rule(1, None, None, 10),
            rule(2, Some("NL"), None, 20),
            rule(3, Some("NL"), Some("csam"), 30),
            rule(4, None, Some("csam"), 40),
        ];
        assert_eq!(pick(&rules, "NL", CaseCategory::Csam), Some(30));
        assert_eq!(pick(&rules, "NL", CaseCategory::Ncii), Some(20));
        assert_eq!(pick(&rules, "BE", CaseCategory::Csam), Some(40));
        assert_eq!(pick(&rules, "BE", CaseCategory::Ncii), Some(10));
        assert_eq!(pick(&[], "NL", CaseCategory::Csam), None);
    }

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
