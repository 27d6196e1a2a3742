//! European Parliament: the open-data MEPs CSV (Windows-1252 or UTF-8).
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::data::recipients`], its parent.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::{Imported, decode_text};
use crate::data::recipients::{ContactFields, Recipient, RecipientFields, check_email};
use crate::error::{Error, Result};
use crate::support::text::slug;

/// ISO codes of the EU member states by English name.
fn eu_country_code(name: &str) -> Option<&'static str> {
    const EU: &[(&str, &str)] = &[
        ("Austria", "AT"),
        ("Belgium", "BE"),
        ("Bulgaria", "BG"),
        ("Croatia", "HR"),
        ("Cyprus", "CY"),
        ("Czechia", "CZ"),
        ("Czech Republic", "CZ"),
        ("Denmark", "DK"),
        ("Estonia", "EE"),
        ("Finland", "FI"),
        ("France", "FR"),
        ("Germany", "DE"),
        ("Greece", "GR"),
        ("Hungary", "HU"),
        ("Ireland", "IE"),
        ("Italy", "IT"),
        ("Latvia", "LV"),
        ("Lithuania", "LT"),
        ("Luxembourg", "LU"),
        ("Malta", "MT"),
        ("Netherlands", "NL"),
        ("Poland", "PL"),
        ("Portugal", "PT"),
        ("Romania", "RO"),
        ("Slovakia", "SK"),
        ("Slovenia", "SI"),
        ("Spain", "ES"),
        ("Sweden", "SE"),
        ("United Kingdom", "GB"),
    ];
    EU.iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name.trim()))
        .map(|(_, c)| *c)
}

/// Imports MEPs from the European Parliament's CSV.
pub(super) fn import(paths: &[PathBuf]) -> Result<Imported> {
    let mut imported = Imported {
        source: "European Parliament open data (MEPs CSV)".into(),
        licence: "European Parliament Legal Notice: reuse authorised, source acknowledged".into(),
        attribution: "Source: European Parliament.".into(),
        ..Default::default()
    };
    let [path] = paths else {
        return Err(Error::usage(
            "europarl takes exactly one file: the MEPs CSV (data_v1_meps_*_en.csv)",
        ));
    };
    let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, &e))?;
    // UTF-8 if it is valid UTF-8 (newer exports), else Windows-1252 (the published files).
    let text = decode_text(bytes);
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| Error::usage(format!("`{}`: {e}", path.display())))?
        .clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(c_id), Some(c_given), Some(c_family), Some(c_email)) = (
        col("mep_identifier"),
        col("mep_given_name"),
        col("mep_family_name"),
        col("mep_email"),
    ) else {
        return Err(Error::usage(format!(
            "`{}` has no mep_identifier, mep_given_name, mep_family_name and mep_email columns",
            path.display()
        ))
        .hint("is this a MEPs CSV from the European Parliament's open data?"));
    };
    let (c_country, c_home) = (col("mep_citizenship"), col("mep_homepage"));
    for (i, row) in reader.records().enumerate() {
        let line = i + 2;
        let row = row.map_err(|e| Error::usage(format!("`{}:{line}`: {e}", path.display())))?;
        let get = |c: usize| row.get(c).unwrap_or("").trim().to_string();
        let name = format!("{} {}", get(c_given), get(c_family))
            .trim()
            .to_string();
        if name.is_empty() {
            imported.skipped.push(format!("line {line}: no name"));
            continue;
        }
        if name.contains('?') {
            imported.notes.push(format!(
                "line {line}: the source replaced letters of `{name}` with `?`"
            ));
        }
        // `mailto:` links, sometimes several in a cell separated by `;`.
        let emails: Vec<String> = get(c_email)
            .split(';')
            .map(|e| e.trim().trim_start_matches("mailto:").to_string())
            .filter(|e| check_email(e).is_ok())
            .collect();
        // The Parliament's own address first, when a row lists several.
        let mut emails = emails;
        if let Some(i) = emails
            .iter()
            .position(|e| e.to_ascii_lowercase().ends_with("@europarl.europa.eu"))
            && i > 0
        {
            imported.fixes.push(format!(
                "line {line}: {name}: the first email `{}` is not the Parliament's; using `{}`",
                emails[0], emails[i]
            ));
            emails.swap(0, i);
        } else if emails.len() > 1 {
            imported.notes.push(format!(
                "line {line}: {name} has {} addresses; using {}",
                emails.len(),
                emails[0]
            ));
        }
        let country_name = c_country.map(get).unwrap_or_default();
        let country = eu_country_code(&country_name).unwrap_or("EU").to_string();
        let website = c_home.map(get).filter(|u| u.starts_with("http"));
        let contact = ContactFields {
            email: emails.first().cloned(),
            website,
            ..Default::default()
        };
        if contact.email.is_none() {
            imported.skipped.push(format!(
                "line {line}: {name} has no email address in the source"
            ));
            continue;
        }
        let mut ids = BTreeMap::new();
        ids.insert("europarl".into(), get(c_id));
        imported.recipients.push(Recipient::from(RecipientFields {
            id: format!("eu-mep-{}-{}", get(c_id), slug(&name)),
            name,
            given_name: Some(get(c_given)).filter(|s| !s.is_empty()),
            family_name: Some(get(c_family)).filter(|s| !s.is_empty()),
            post_nominal: Some("MEP".into()),
            role: Some(format!(
                "Member of the European Parliament{}",
                if country_name.is_empty() {
                    String::new()
                } else {
                    format!(" ({country_name})")
                }
            )),
            body: "eu-parliament".into(),
            country,
            contact,
            ids,
            ..Default::default()
        }));
    }
    Ok(imported)
}
