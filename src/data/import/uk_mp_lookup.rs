//! UK House of Commons: dfe-analytical-services/mp-lookup (Open Parliament Licence v3.0).
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::data::recipients`], its parent.

use std::collections::BTreeMap;
use std::collections::HashMap;
use std::path::PathBuf;

use serde::Deserialize;

use super::{Imported, read};
use crate::data::recipients::{ContactFields, Recipient, RecipientFields, check_email};
use crate::error::{Error, Result};
use crate::support::text::slug;

#[derive(Deserialize)]
struct MpRow {
    pcon_name: String,
    pcon_code: String,
    member_id: String,
    display_as: String,
    party_text: String,
    member_email: String,
    #[serde(default)]
    lad_names: String,
    #[serde(default)]
    la_names: String,
    #[serde(default)]
    region_name: String,
    #[serde(default)]
    country_name: String,
}

/// The address the House of Commons publishes for writing to any MP.
const COMMONS_POSTAL: [&str; 3] = ["House of Commons", "London", "SW1A 0AA"];

/// Imports MPs from `mp_lookup.csv`.
pub(super) fn import(paths: &[PathBuf]) -> Result<Imported> {
    let mut imported = Imported {
        source:
            "dfe-analytical-services/mp-lookup (mp_lookup.csv, from the UK Parliament Members API)"
                .into(),
        licence: "Open Parliament Licence v3.0; ONS codes under the Open Government Licence v3.0"
            .into(),
        attribution:
            "Contains Parliamentary information licensed under the Open Parliament Licence v3.0."
                .into(),
        ..Default::default()
    };
    let (path, offices_xml) = match paths {
        [path] => (path, None),
        [path, xml] => (path, Some(xml)),
        _ => {
            return Err(Error::usage(
                "uk-mp-lookup takes mp_lookup.csv, and optionally the MNIS Commons addresses XML",
            ));
        }
    };
    let mut contacts = match offices_xml {
        Some(xml) => {
            imported.source.push_str(
                "; constituency offices and phones from the UK Parliament Members Names Information Service",
            );
            super::mnis::commons_offices(xml, &mut imported.fixes)?
        }
        None => Default::default(),
    };
    let text = read(path)?;
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut rows = Vec::new();
    for (i, row) in reader.deserialize::<MpRow>().enumerate() {
        let line = i + 2;
        match row {
            Ok(r) => rows.push((line, r)),
            Err(e) => {
                return Err(
                    Error::usage(format!("`{}:{line}`: {e}", path.display())).hint(
                        "is this the mp_lookup.csv file from dfe-analytical-services/mp-lookup?",
                    ),
                );
            }
        }
    }
    for (_, r) in &rows {
        *used.entry(slug(&r.display_as)).or_default() += 1;
    }
    for (line, r) in rows {
        if r.display_as.trim().is_empty() {
            imported.skipped.push(format!(
                "line {line} ({}): no MP (vacant seat?)",
                r.pcon_name
            ));
            continue;
        }
        let email = match r.member_email.trim() {
            "" | "No email found" => None,
            e if check_email(e).is_ok() => Some(e.to_string()),
            e => {
                imported.notes.push(format!(
                    "line {line}: ignored unusable email `{e}` for {}",
                    r.display_as
                ));
                None
            }
        };
        let name_slug = slug(&r.display_as);
        let id = if used[&name_slug] > 1 {
            format!("uk-mp-{name_slug}-{}", slug(&r.pcon_name))
        } else {
            format!("uk-mp-{name_slug}")
        };
        let split = |s: &str| -> Vec<String> {
            s.split(" / ")
                .map(str::trim)
                .filter(|a| !a.is_empty() && *a != "z")
                .map(str::to_string)
                .collect()
        };
        let mut areas = split(&r.lad_names);
        for a in split(&r.la_names) {
            if !areas.contains(&a) {
                areas.push(a);
            }
        }
        let mut ids = BTreeMap::new();
        ids.insert("parliament_member_id".into(), r.member_id.clone());
        ids.insert("pcon_code".into(), r.pcon_code.clone());
        let region = if r.region_name.trim().is_empty() {
            r.country_name.clone()
        } else {
            r.region_name.clone()
        };
        let (honorific, name) = split_honorific(&r.display_as);
        let mut parts: Vec<&str> = name.split_whitespace().collect();
        let family = parts.pop().map(str::to_string);
        let given = parts.first().map(|g| g.to_string());
        imported.recipients.push(Recipient::from(RecipientFields {
            id,
            name: name.clone(),
            given_name: given,
            family_name: family,
            honorific,
            post_nominal: Some("MP".into()),
            role: Some(format!("Member of Parliament for {}", r.pcon_name)),
            body: "uk-commons".into(),
            country: "GB".into(),
            region: Some(region),
            district: Some(r.pcon_name.clone()),
            areas,
            party: Some(r.party_text.clone()),
            contact: {
                let (offices, phone) = contacts.remove(&r.member_id).unwrap_or_default();
                ContactFields {
                    email,
                    postal: COMMONS_POSTAL.iter().map(|s| s.to_string()).collect(),
                    phone,
                    offices,
                    ..Default::default()
                }
            },
            ids,
            ..Default::default()
        }));
    }
    let without = imported
        .recipients
        .iter()
        .filter(|r| r.contact.email.is_none())
        .count();
    if without > 0 {
        imported.notes.push(format!(
            "{without} MPs have no published email; they can be written to by post"
        ));
    }
    Ok(imported)
}

/// Honorifics that the source puts inside `display_as` ("Mr Connor Rand", "Sir Keir Starmer",
/// "Dr Kieran Mullan"), split off so that letters greet by name parts. "Rt Hon" is a style,
/// not a form of address, and is dropped. Returns (honorific, the name without it).
fn split_honorific(display: &str) -> (Option<String>, String) {
    const HONORIFICS: &[&str] = &[
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Mx",
        "Dr",
        "Sir",
        "Dame",
        "Professor",
    ];
    let mut words: Vec<&str> = display.split_whitespace().collect();
    let mut honorific = None;
    loop {
        match words.as_slice() {
            ["Rt", "Hon", ..] => {
                words.drain(..2);
            }
            [first, _, ..] if HONORIFICS.contains(&first.trim_end_matches('.')) => {
                honorific = Some(first.trim_end_matches('.').to_string());
                words.remove(0);
            }
            _ => break,
        }
    }
    (honorific, words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::split_honorific;

    #[test]
    fn honorifics_leave_the_name() {
        assert_eq!(
            split_honorific("Sir Keir Starmer"),
            (Some("Sir".into()), "Keir Starmer".into())
        );
        assert_eq!(
            split_honorific("Mr Connor Rand"),
            (Some("Mr".into()), "Connor Rand".into())
        );
        assert_eq!(split_honorific("Alex Baker"), (None, "Alex Baker".into()));
        assert_eq!(
            split_honorific("Rt Hon Dame Meg Hillier"),
            (Some("Dame".into()), "Meg Hillier".into())
        );
    }
}
