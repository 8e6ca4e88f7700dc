//! Which organisation owns a new report: the rules an administrator sets (country and
//! category to organisation, with a default). The most specific rule wins: country and
//! category, then country, then category, then the default; no rule at all leaves the report
//! unowned (visible to staff who belong to no organisation, the portal's own).

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, NotSet,
    QueryFilter, QueryOrder,
};

use super::{
    CaseCategory,
    entity::{case_owner_rule, organisation},
};
use crate::{
    audit::{
        AuditAction,
        store::{NewEvent, append},
    },
    db::Db,
    staff::StaffMember,
};

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
            && rule.category.is_none_or(|c| c == category)
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
        category: Set(category),
        organisation_id: Set(owner.id),
        created_at: Set(at),
    }
    .insert(&txn)
    .await?;
    append(
        &txn,
        db.audit_key(),
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
        category: Option<CaseCategory>,
        owner: i64,
    ) -> case_owner_rule::Model {
        case_owner_rule::Model {
            id,
            country: country.map(str::to_owned),
            category,
            organisation_id: owner,
            created_at: 0,
        }
    }

    #[test]
    fn the_most_specific_rule_wins_and_the_default_catches_the_rest() {
        let rules = [
            rule(1, None, None, 10),
            rule(2, Some("NL"), None, 20),
            rule(3, Some("NL"), Some(CaseCategory::Csam), 30),
            rule(4, None, Some(CaseCategory::Csam), 40),
        ];
        assert_eq!(pick(&rules, "NL", CaseCategory::Csam), Some(30));
        assert_eq!(pick(&rules, "NL", CaseCategory::Ncii), Some(20));
        assert_eq!(pick(&rules, "BE", CaseCategory::Csam), Some(40));
        assert_eq!(pick(&rules, "BE", CaseCategory::Ncii), Some(10));
        assert_eq!(pick(&[], "NL", CaseCategory::Csam), None);
    }
}
