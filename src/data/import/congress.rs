//! US Congress: unitedstates/congress-legislators (CC0): current members, committees and
//! district offices.
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::data::recipients`], its parent.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use serde::Deserialize;

use super::{Imported, parse_yaml, string_or_number, us_state_name};
use crate::data::recipients::find::CAPITOL_SWITCHBOARD;
use crate::data::recipients::{ContactFields, Recipient, RecipientFields};
use crate::error::{Error, Result};
use crate::support::text::slug;

#[derive(Deserialize)]
struct Legislator {
    id: LegislatorIds,
    name: LegislatorName,
    terms: Vec<Term>,
}

#[derive(Deserialize)]
struct LegislatorIds {
    bioguide: String,
}

#[derive(Deserialize)]
struct LegislatorName {
    first: String,
    last: String,
    #[serde(default)]
    official_full: Option<String>,
}

#[derive(Deserialize)]
struct Term {
    #[serde(rename = "type")]
    kind: String,
    end: String,
    state: String,
    #[serde(default)]
    district: Option<i64>,
    #[serde(default)]
    party: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    address: Option<String>,
    #[serde(default)]
    phone: Option<String>,
    #[serde(default)]
    contact_form: Option<String>,
}

#[derive(Deserialize)]
struct Committee {
    name: String,
    thomas_id: String,
}

#[derive(Deserialize)]
struct DistrictOffices {
    id: LegislatorIds,
    #[serde(default)]
    offices: Vec<DistrictOffice>,
}

#[derive(Deserialize)]
struct DistrictOffice {
    #[serde(default)]
    address: Option<String>,
    #[serde(default)]
    suite: Option<String>,
    #[serde(default)]
    building: Option<String>,
    #[serde(default)]
    city: Option<String>,
    #[serde(default)]
    state: Option<String>,
    #[serde(default, deserialize_with = "string_or_number")]
    zip: Option<String>,
    #[serde(default)]
    phone: Option<String>,
}

#[derive(Deserialize)]
struct Membership {
    bioguide: String,
}

/// Finds the dataset files among `paths` (files or folders) by their upstream names.
/// The files of a congress-legislators checkout.
struct CongressFiles {
    legislators: PathBuf,
    committees: Option<PathBuf>,
    membership: Option<PathBuf>,
    offices: Option<PathBuf>,
}

fn congress_files(paths: &[PathBuf]) -> Result<CongressFiles> {
    let mut candidates = Vec::new();
    for p in paths {
        if p.is_dir() {
            for name in [
                "legislators-current.yaml",
                "committees-current.yaml",
                "committee-membership-current.yaml",
                "legislators-district-offices.yaml",
            ] {
                let f = p.join(name);
                if f.exists() {
                    candidates.push(f);
                }
            }
        } else if p.exists() {
            candidates.push(p.clone());
        } else {
            return Err(Error::usage(format!("`{}` does not exist", p.display())));
        }
    }
    let find = |name: &str| {
        candidates
            .iter()
            .find(|c| c.file_name().is_some_and(|f| f == name))
            .cloned()
    };
    let legislators = find("legislators-current.yaml").ok_or_else(|| {
        Error::usage("no `legislators-current.yaml` among the paths given")
            .hint("pass the folder of a congress-legislators checkout, or the file itself")
    })?;
    Ok(CongressFiles {
        legislators,
        committees: find("committees-current.yaml"),
        membership: find("committee-membership-current.yaml"),
        offices: find("legislators-district-offices.yaml"),
    })
}

/// "511 Hart Senate Office Building Washington DC 20510" → ["511 Hart Senate Office Building",
/// "Washington, DC 20510"].
fn split_dc_address(address: &str) -> Vec<String> {
    let address = address.trim();
    if let Some(i) = address.rfind(" Washington") {
        let (street, city) = address.split_at(i);
        let city = city.trim().replacen("Washington DC", "Washington, DC", 1);
        return vec![street.trim().trim_end_matches(';').to_string(), city];
    }
    vec![address.to_string()]
}

/// A web address from the source, repaired or dropped (and either reported in `fixes`).
fn checked_url(
    fixes: &mut Vec<String>,
    who: &str,
    what: &str,
    raw: Option<&str>,
) -> Option<String> {
    let raw = raw?;
    match super::web_address(raw) {
        Ok((url, false)) => Some(url),
        Ok((url, true)) => {
            fixes.push(format!("{who}: {what} `{raw}` repaired to `{url}`"));
            Some(url)
        }
        Err(()) => {
            fixes.push(format!(
                "{who}: {what} `{raw}` is not a web address; left out"
            ));
            None
        }
    }
}

fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Imports current members of Congress from the folder or files in `paths`.
pub(super) fn import(paths: &[PathBuf], as_of: &str) -> Result<Imported> {
    let CongressFiles {
        legislators: legislators_path,
        committees: committees_path,
        membership: membership_path,
        offices: offices_path,
    } = congress_files(paths)?;
    let legislators: Vec<Legislator> = parse_yaml(&legislators_path)?;
    let mut imported = Imported {
        source: "unitedstates/congress-legislators (legislators-current.yaml)".into(),
        licence: "CC0-1.0".into(),
        attribution:
            "US Congress data from the unitedstates/congress-legislators project (CC0 1.0).".into(),
        ..Default::default()
    };

    // bioguide → ["SSFR: Committee on Foreign Relations", ...] (full committees only).
    let mut committees_of: HashMap<String, Vec<String>> = HashMap::new();
    match (&committees_path, &membership_path) {
        (Some(cp), Some(mp)) => {
            let committees: Vec<Committee> = parse_yaml(cp)?;
            let names: HashMap<String, String> = committees.into_iter().map(|c| (c.thomas_id, c.name)).collect();
            let membership: BTreeMap<String, Vec<Membership>> = parse_yaml(mp)?;
            for (code, members) in membership {
                let Some(name) = names.get(&code) else { continue }; // subcommittee codes
                for m in members {
                    committees_of.entry(m.bioguide).or_default().push(format!("{code}: {name}"));
                }
            }
        }
        _ => imported.notes.push(
            "committee files not found beside legislators-current.yaml; recipients have no committees".into(),
        ),
    }

    // bioguide → local offices (postal addresses in the home state).
    let mut offices_of: HashMap<String, Vec<crate::data::recipients::Office>> = HashMap::new();
    let mut dropped: Vec<(String, String)> = Vec::new();
    match &offices_path {
        Some(path) => {
            let all: Vec<DistrictOffices> = parse_yaml(path)?;
            for member in all {
                let bioguide = member.id.bioguide.clone();
                let offices = member
                    .offices
                    .into_iter()
                    .filter_map(|o| {
                        let city = o.city?;
                        let Some(street) = o.address.filter(|a| !a.trim().is_empty()) else {
                            dropped.push((bioguide.clone(), format!("the office in {city} has no street address in the source; left out")));
                            return None;
                        };
                        let mut postal = Vec::new();
                        if let Some(b) = o.building.filter(|b| !b.trim().is_empty()) {
                            postal.push(b);
                        }
                        postal.push(match o.suite.filter(|s| !s.trim().is_empty()) {
                            Some(s) => format!("{street}, {s}"),
                            None => street,
                        });
                        postal.push(format!("{city}, {} {}", o.state.unwrap_or_default(), o.zip.unwrap_or_default()).trim().to_string());
                        Some(crate::data::recipients::Office { name: city, postal, phone: o.phone })
                    })
                    .collect();
                offices_of.insert(member.id.bioguide, offices);
            }
        }
        None => imported.notes.push(
            "legislators-district-offices.yaml not found beside legislators-current.yaml; no local offices".into(),
        ),
    }
    for (bioguide, what) in dropped {
        let name = legislators
            .iter()
            .find(|l| l.id.bioguide == bioguide)
            .map(|l| {
                l.name
                    .official_full
                    .clone()
                    .unwrap_or_else(|| format!("{} {}", l.name.first, l.name.last))
            })
            .unwrap_or(bioguide);
        imported.fixes.push(format!("{name}: {what}"));
    }

    for leg in legislators {
        let Some(term) = leg.terms.last() else {
            imported
                .skipped
                .push(format!("{}: no terms", leg.id.bioguide));
            continue;
        };
        let display = leg
            .name
            .official_full
            .clone()
            .unwrap_or_else(|| format!("{} {}", leg.name.first, leg.name.last));
        if term.end.as_str() < as_of {
            imported
                .skipped
                .push(format!("{display}: last term ended {}", term.end));
            continue;
        }
        let state = term.state.to_uppercase();
        let state_name = us_state_name(&state).unwrap_or(&state);
        let last = slug(&leg.name.last);
        let (id, body, honorific, role, district) = match term.kind.as_str() {
            "sen" => (
                format!("us-sen-{}-{last}", state.to_lowercase()),
                "us-senate",
                "Senator".to_string(),
                format!("United States Senator for {state_name}"),
                None,
            ),
            "rep" => {
                let (honorific, role) = match state.as_str() {
                    "PR" => (
                        "Resident Commissioner",
                        format!("Resident Commissioner for {state_name}"),
                    ),
                    "DC" | "GU" | "VI" | "AS" | "MP" => {
                        ("Delegate", format!("Delegate for {state_name}"))
                    }
                    _ => match term.district {
                        Some(0) | None => (
                            "Representative",
                            format!("Representative for {state_name} (at large)"),
                        ),
                        Some(d) => (
                            "Representative",
                            format!("Representative for {state_name}'s {} district", ordinal(d)),
                        ),
                    },
                };
                let seat = match term.district {
                    Some(d) if d > 0 => format!("{d:02}"),
                    _ => "al".to_string(),
                };
                (
                    format!("us-rep-{}-{seat}-{last}", state.to_lowercase()),
                    "us-house",
                    honorific.to_string(),
                    role,
                    Some(term.district.unwrap_or(0).to_string()),
                )
            }
            other => {
                imported
                    .skipped
                    .push(format!("{display}: unknown term type `{other}`"));
                continue;
            }
        };
        let mut contact = ContactFields {
            offices: offices_of.remove(&leg.id.bioguide).unwrap_or_default(),
            email: None, // Congress publishes no member email addresses.
            postal: term
                .address
                .as_deref()
                .map(split_dc_address)
                .unwrap_or_default(),
            phone: term.phone.clone(),
            contact_form: checked_url(
                &mut imported.fixes,
                &display,
                "contact form",
                term.contact_form.as_deref(),
            ),
            website: checked_url(
                &mut imported.fixes,
                &display,
                "website",
                term.url.as_deref(),
            ),
            shared: BTreeMap::new(),
        };
        if contact.postal.is_empty()
            && contact.phone.is_none()
            && contact.contact_form.is_none()
            && contact.offices.is_empty()
        {
            // Sworn in before the source has their office: list them with what is known and
            // the switchboard, which puts callers through to any member's office.
            imported.notes.push(format!(
                "{display}: the source has no office address, phone or contact form yet; listed with the Capitol switchboard ({CAPITOL_SWITCHBOARD})"
            ));
            contact.phone = Some(CAPITOL_SWITCHBOARD.to_string());
            contact.shared.insert(
                "phone".into(),
                "the Capitol switchboard; ask for their office".into(),
            );
        }
        let mut ids = BTreeMap::new();
        ids.insert("bioguide".to_string(), leg.id.bioguide.clone());
        imported.recipients.push(Recipient::from(RecipientFields {
            id,
            name: display,
            given_name: Some(leg.name.first.clone()),
            family_name: Some(leg.name.last.clone()),
            honorific: Some(honorific),
            role: Some(role),
            body: body.into(),
            country: "US".into(),
            region: Some(state),
            district,
            party: term.party.clone(),
            committees: committees_of.remove(&leg.id.bioguide).unwrap_or_default(),
            contact,
            term_end: Some(term.end.clone()),
            ids,
            ..Default::default()
        }));
    }
    Ok(imported)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_addresses() {
        assert_eq!(
            split_dc_address("511 Hart Senate Office Building Washington DC 20510"),
            vec!["511 Hart Senate Office Building", "Washington, DC 20510"]
        );
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(22), "22nd");
    }
}
