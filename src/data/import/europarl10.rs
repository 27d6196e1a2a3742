//! European Parliament, 10th term: the current-MEPs CSV flattened from the European
//! Parliament Open Data API (`ep10_current_meps.csv`; see `data/sources/eu-parliament-10`).
//! Reuse authorised with acknowledgement ("Source: European Parliament").
//!
//! Columns: `mep_id, label, given_name, family_name, country` (ISO 3166 alpha-3), `email` (one
//! or more, `;`-separated), `group`, `group_org`, `group_role`, `national_party_org`,
//! `droi_role` (membership of the Subcommittee on Human Rights), `mandate_start`,
//! `mandate_end`, `homepage`, `twitter`, `facebook`, `profile_url`.
//!
//! A second file may follow: the 9th-term open-data CSV (`data_v1_meps_9_en.csv`, see
//! `data/sources/eu-parliament`). The 10th-term file does not give gender; for MEPs who sat in
//! the 9th term too, its `mep_gender` column does, by `mep_identifier`, and languages with
//! gendered salutations use it. No one else's gender is guessed.
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::data::recipients`], its parent.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::{Imported, decode_text};
use crate::data::recipients::{ContactFields, Recipient, RecipientFields, check_email};
use crate::error::{Error, Result};
use crate::support::text::slug_or;

/// EU member states: ISO alpha-3, alpha-2, English name.
const STATES: &[(&str, &str, &str)] = &[
    ("AUT", "AT", "Austria"),
    ("BEL", "BE", "Belgium"),
    ("BGR", "BG", "Bulgaria"),
    ("HRV", "HR", "Croatia"),
    ("CYP", "CY", "Cyprus"),
    ("CZE", "CZ", "Czechia"),
    ("DNK", "DK", "Denmark"),
    ("EST", "EE", "Estonia"),
    ("FIN", "FI", "Finland"),
    ("FRA", "FR", "France"),
    ("DEU", "DE", "Germany"),
    ("GRC", "GR", "Greece"),
    ("HUN", "HU", "Hungary"),
    ("IRL", "IE", "Ireland"),
    ("ITA", "IT", "Italy"),
    ("LVA", "LV", "Latvia"),
    ("LTU", "LT", "Lithuania"),
    ("LUX", "LU", "Luxembourg"),
    ("MLT", "MT", "Malta"),
    ("NLD", "NL", "Netherlands"),
    ("POL", "PL", "Poland"),
    ("PRT", "PT", "Portugal"),
    ("ROU", "RO", "Romania"),
    ("SVK", "SK", "Slovakia"),
    ("SVN", "SI", "Slovenia"),
    ("ESP", "ES", "Spain"),
    ("SWE", "SE", "Sweden"),
];

/// The Parliament's own mail domain: the address to prefer when a row has several.
const EP_DOMAIN: &str = "@europarl.europa.eu";

/// Imports current MEPs; those whose mandate ended before `as_of` are left out.
pub(super) fn import(paths: &[PathBuf], as_of: &str) -> Result<Imported> {
    let (path, genders) = match paths {
        [path] => (path, BTreeMap::new()),
        [path, ninth] => (path, genders(ninth)?),
        _ => {
            return Err(Error::usage(
                "europarl-10 takes the current-MEPs CSV (ep10_current_meps.csv), and optionally the 9th-term CSV (data_v1_meps_9_en.csv) for gender",
            ));
        }
    };
    let mut imported = Imported {
        source: "European Parliament Open Data API, 10th term (current MEPs)".into(),
        licence: "European Parliament reuse policy: reuse authorised, source acknowledged".into(),
        attribution: "Source: European Parliament.".into(),
        ..Default::default()
    };
    let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, &e))?;
    let text = decode_text(bytes);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| Error::usage(format!("`{}:1`: {e}", path.display())))?
        .clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let need = ["mep_id", "given_name", "family_name", "country", "email"];
    let missing: Vec<&str> = need.iter().copied().filter(|n| col(n).is_none()).collect();
    if !missing.is_empty() {
        return Err(Error::usage(format!(
            "`{}` has no {} column{}",
            path.display(),
            missing.join(", "),
            if missing.len() == 1 { "" } else { "s" }
        ))
        .hint("is this the 10th-term current-MEPs CSV? (the 9th-term open-data CSV is --from europarl)"));
    }
    for (i, row) in reader.records().enumerate() {
        let line = i + 2;
        let row = row.map_err(|e| Error::usage(format!("`{}:{line}`: {e}", path.display())))?;
        let get = |name: &str| {
            col(name)
                .and_then(|c| row.get(c))
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let (id, given, family) = (get("mep_id"), get("given_name"), get("family_name"));
        let name = format!("{given} {family}").trim().to_string();
        if name.is_empty() || id.is_empty() {
            imported
                .skipped
                .push(format!("line {line}: no name or MEP id"));
            continue;
        }
        let end = get("mandate_end");
        if !end.is_empty() && end.as_str() < as_of {
            imported
                .skipped
                .push(format!("line {line}: {name}'s mandate ended {end}"));
            continue;
        }
        // Several addresses: the Parliament's own first.
        let all: Vec<String> = get("email")
            .split(';')
            .map(|e| e.trim().trim_start_matches("mailto:").to_string())
            .filter(|e| !e.is_empty())
            .collect();
        let usable: Vec<&String> = all.iter().filter(|e| check_email(e).is_ok()).collect();
        for bad in all.iter().filter(|e| check_email(e).is_err()) {
            imported.fixes.push(format!(
                "line {line}: {name}: email `{bad}` is not an address; left out"
            ));
        }
        let email = usable
            .iter()
            .find(|e| e.to_ascii_lowercase().ends_with(EP_DOMAIN))
            .or(usable.first())
            .map(|e| e.to_string());
        if let (Some(first), Some(chosen)) = (usable.first(), &email)
            && *first != chosen
        {
            imported.fixes.push(format!(
                "line {line}: {name}: the first email `{first}` is not the Parliament's; using `{chosen}`"
            ));
        } else if usable.len() > 1 {
            imported.notes.push(format!(
                "line {line}: {name} has {} addresses; using {}",
                usable.len(),
                email.as_deref().unwrap_or("")
            ));
        }
        let Some(email) = email else {
            imported.skipped.push(format!(
                "line {line}: {name} has no email address in the source"
            ));
            continue;
        };
        let iso3 = get("country");
        let state = STATES.iter().find(|(a3, _, _)| *a3 == iso3);
        if state.is_none() {
            imported.fixes.push(format!(
                "line {line}: {name}: country `{iso3}` is not an EU member state code; recorded as EU"
            ));
        }
        let website = match super::web_address(&get("homepage")) {
            Ok((url, repaired)) => {
                if repaired {
                    imported.fixes.push(format!(
                        "line {line}: {name}: homepage `{}` repaired to `{url}`",
                        get("homepage")
                    ));
                }
                Some(url)
            }
            Err(()) => Some(get("profile_url")).filter(|u| u.starts_with("https://")),
        };
        let mut committees = Vec::new();
        let droi = get("droi_role");
        if !droi.is_empty() {
            committees.push(format!(
                "DROI: Subcommittee on Human Rights ({})",
                droi.to_lowercase().replace('_', " ")
            ));
        }
        let mut ids = BTreeMap::new();
        ids.insert("europarl".into(), id.clone());
        imported.recipients.push(Recipient::from(RecipientFields {
            id: format!("eu-mep-{id}-{}", slug_or(&name, "mep")),
            name,
            given_name: Some(given).filter(|s| !s.is_empty()),
            family_name: Some(family).filter(|s| !s.is_empty()),
            post_nominal: Some("MEP".into()),
            role: Some(format!(
                "Member of the European Parliament ({})",
                state.map(|s| s.2).unwrap_or("EU")
            )),
            body: "eu-parliament".into(),
            country: state.map(|s| s.1).unwrap_or("EU").into(),
            party: Some(get("group")).filter(|g| !g.is_empty()),
            committees,
            contact: ContactFields {
                email: Some(email),
                website,
                ..Default::default()
            },
            term_end: Some(end).filter(|e| !e.is_empty()),
            gender: genders.get(&id).cloned(),
            ids,
            ..Default::default()
        }));
    }
    Ok(imported)
}

/// `mep_identifier` → `female`/`male` from the 9th-term open-data CSV.
fn genders(path: &PathBuf) -> Result<BTreeMap<String, String>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, &e))?;
    let text = decode_text(bytes);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| Error::usage(format!("`{}:1`: {e}", path.display())))?
        .clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(id), Some(gender)) = (col("mep_identifier"), col("mep_gender")) else {
        return Err(Error::usage(format!(
            "`{}` has no mep_identifier and mep_gender columns",
            path.display()
        ))
        .hint("the second file is the 9th-term open-data CSV, data_v1_meps_9_en.csv"));
    };
    let mut out = BTreeMap::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| Error::usage(format!("`{}:{}`: {e}", path.display(), i + 2)))?;
        if let (Some(id), Some(g @ ("female" | "male"))) = (row.get(id), row.get(gender)) {
            out.insert(id.trim().to_string(), g.to_string());
        }
    }
    Ok(out)
}
