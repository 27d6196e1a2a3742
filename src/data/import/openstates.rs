//! US state legislators: openstates/people (CC0), one YAML file per person.
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::data::recipients`], its parent.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

use super::{Imported, parse_yaml, string_or_number, us_state_name};
use crate::data::recipients::{ContactFields, Recipient, RecipientFields, check_email};
use crate::error::{Error, Result};
use crate::support::text::{UniqueIds, slug};

#[derive(Deserialize)]
struct OsPerson {
    id: String,
    name: String,
    #[serde(default)]
    given_name: Option<String>,
    #[serde(default)]
    family_name: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    party: Vec<OsParty>,
    #[serde(default)]
    roles: Vec<OsRole>,
    #[serde(default)]
    offices: Vec<OsOffice>,
    #[serde(default)]
    links: Vec<OsLink>,
}

#[derive(Deserialize)]
struct OsParty {
    name: String,
    #[serde(default, deserialize_with = "string_or_number")]
    end_date: Option<String>,
}

#[derive(Deserialize)]
struct OsRole {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default, deserialize_with = "string_or_number")]
    district: Option<String>,
    #[serde(default)]
    jurisdiction: Option<String>,
    #[serde(default, deserialize_with = "string_or_number")]
    end_date: Option<String>,
}

#[derive(Deserialize)]
struct OsOffice {
    #[serde(default)]
    classification: Option<String>,
    #[serde(default)]
    address: Option<String>,
    #[serde(default)]
    voice: Option<String>,
}

#[derive(Deserialize)]
struct OsLink {
    url: String,
}

/// "P.O. Box 1401 411 Legislative Ave., Dover, DE 19901" → ["P.O. Box 1401 411 Legislative
/// Ave.", "Dover, DE 19901"]; an address in another shape stays on one line.
fn split_us_address(address: &str) -> Vec<String> {
    let parts: Vec<&str> = address.split(", ").map(str::trim).collect();
    if parts.len() >= 3 {
        let n = parts.len();
        vec![parts[..n - 2].join(", "), parts[n - 2..].join(", ")]
    } else {
        vec![address.trim().to_string()]
    }
}

fn yaml_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let dir = if p.join("legislature").is_dir() {
                p.join("legislature")
            } else {
                p.clone()
            };
            let entries =
                std::fs::read_dir(&dir).map_err(|e| Error::io("read folder", &dir, &e))?;
            files.extend(
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|f| f.extension().is_some_and(|x| x == "yml" || x == "yaml")),
            );
        } else if p.exists() {
            files.push(p.clone());
        } else {
            return Err(Error::usage(format!("`{}` does not exist", p.display())));
        }
    }
    files.sort();
    Ok(files)
}

/// Imports a state's legislators from openstates person files.
pub(super) fn import(paths: &[PathBuf], as_of: &str) -> Result<Imported> {
    let mut imported = Imported {
        source: "openstates/people (state legislators)".into(),
        licence: "CC0-1.0".into(),
        attribution: "US state legislator data from the Open States project (CC0 1.0).".into(),
        ..Default::default()
    };
    let mut ids = UniqueIds::new();
    for file in yaml_files(paths)? {
        let p: OsPerson = parse_yaml(&file)?;
        // Roles are not in order: the current one has no end date, or one still to come.
        let Some(role) = p.roles.iter().find(|r| {
            matches!(r.kind.as_str(), "upper" | "lower" | "legislature")
                && r.end_date.as_deref().is_none_or(|e| e >= as_of)
        }) else {
            imported
                .skipped
                .push(format!("{}: no current seat in a legislature", p.name));
            continue;
        };
        let state = role
            .jurisdiction
            .as_deref()
            .and_then(|j| j.split("state:").nth(1))
            .map(|s| s.split('/').next().unwrap_or(s).to_uppercase())
            .unwrap_or_default();
        let (body, honorific) = match role.kind.as_str() {
            "lower" => (
                "us-state-lower",
                crate::data::recipients::us_lower_house_title(&state),
            ),
            _ => ("us-state-upper", "Senator"),
        };
        let family = p
            .family_name
            .clone()
            .unwrap_or_else(|| p.name.split_whitespace().last().unwrap_or("").to_string());
        let district = role.district.clone().unwrap_or_default();
        let base = format!(
            "us-{}-{}-{}-{}",
            state.to_lowercase(),
            role.kind,
            slug(&district),
            slug(&family)
        );
        let id = ids.next(&base, "recipient", |_| false);
        let (email, form) = match p.email.as_deref().map(str::trim) {
            Some(e) if check_email(e).is_ok() => (Some(e.to_string()), None),
            Some(e) if e.starts_with("http") => {
                imported.notes.push(format!(
                    "{}: the `email` field is a web address; kept as the contact form",
                    p.name
                ));
                (None, Some(e.to_string()))
            }
            Some(e) if !e.is_empty() => {
                imported
                    .notes
                    .push(format!("{}: ignored unusable email `{e}`", p.name));
                (None, None)
            }
            _ => (None, None),
        };
        let capitol = p
            .offices
            .iter()
            .find(|o| o.classification.as_deref() == Some("capitol"));
        let postal = capitol
            .and_then(|o| o.address.as_deref())
            .map(split_us_address)
            .unwrap_or_default();
        let offices = p
            .offices
            .iter()
            .filter(|o| o.classification.as_deref() != Some("capitol"))
            .filter_map(|o| {
                Some(crate::data::recipients::Office {
                    name: o.classification.clone().unwrap_or_else(|| "office".into()),
                    postal: split_us_address(o.address.as_deref()?),
                    phone: o.voice.clone(),
                })
            })
            .collect();
        let party = p
            .party
            .iter()
            .find(|x| x.end_date.is_none())
            .or(p.party.first())
            .map(|x| x.name.clone());
        let chamber = if body == "us-state-lower" {
            "House"
        } else {
            "Senate"
        };
        let mut ids = BTreeMap::new();
        ids.insert("openstates".into(), p.id.clone());
        let contact = ContactFields {
            email,
            postal,
            phone: capitol.and_then(|o| o.voice.clone()),
            contact_form: form,
            website: p
                .links
                .first()
                .map(|l| l.url.clone())
                .filter(|u| u.starts_with("http")),
            offices,
            shared: Default::default(),
        };
        if contact.email.is_none()
            && contact.postal.is_empty()
            && contact.phone.is_none()
            && contact.contact_form.is_none()
        {
            imported
                .skipped
                .push(format!("{}: no contact details", p.name));
            continue;
        }
        imported.recipients.push(Recipient::from(RecipientFields {
            id,
            name: p.name.clone(),
            given_name: p.given_name.clone(),
            family_name: Some(family),
            honorific: Some(honorific.into()),
            role: Some(format!(
                "{} {} member for district {district}",
                us_state_name(&state).unwrap_or(&state),
                chamber
            )),
            body: body.into(),
            country: "US".into(),
            region: Some(state),
            district: Some(district),
            party,
            contact,
            ids,
            ..Default::default()
        }));
    }
    Ok(imported)
}
