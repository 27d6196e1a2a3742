//! France, Assemblée nationale: the open-data "acteurs / mandats / organes" JSON files
//! (data.assemblee-nationale.fr, AMO10 "députés actifs" zip, unzipped), Licence Ouverte 2.0.
//!
//! A deputy is an `acteur/PA*.json` person with an open mandate (`dateFin` null) in an
//! `ASSEMBLEE` organ; the political group is the open `GP` mandate, named from
//! `organe/PO*.json`. The Assemblée's own address (`@assemblee-nationale.fr`) is used; other
//! addresses a deputy lists (personal, party, town hall) are left out and reported. The staff
//! names (`collaborateurs`) the files carry are never read.
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::data::recipients`], its parent.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::Imported;
use crate::data::recipients::{
    ContactFields, Office, Recipient, RecipientFields, check_email, has_street_line,
};
use crate::error::{Error, Result};
use crate::support::text::{UniqueIds, slug_or};

/// The JSON files under `paths` (folders searched recursively), sorted.
fn json_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io("read folder", dir, &e))?;
        for entry in entries {
            let path = entry.map_err(|e| Error::io("read folder", dir, &e))?.path();
            if path.is_dir() {
                walk(&path, out)?;
            } else if path.extension().is_some_and(|x| x == "json") {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out)?;
        } else if p.is_file() {
            out.push(p.clone());
        } else {
            return Err(Error::usage(format!("`{}` does not exist", p.display())));
        }
    }
    out.sort();
    Ok(out)
}

/// A field that the AN format writes as a string or as `{"#text": ...}`.
fn text(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s.as_str()),
        Value::Object(o) => o.get("#text").and_then(Value::as_str),
        _ => None,
    }
}

/// A field that may be one object or a list of them.
fn list(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        Value::Null => Vec::new(),
        other => vec![other],
    }
}

/// "Assemblée nationale," → "Assemblée nationale".
fn clean(s: &str) -> String {
    s.trim().trim_end_matches(',').trim().to_string()
}

/// The lines of a postal address record.
fn postal_lines(a: &Value) -> Vec<String> {
    let get = |k: &str| {
        a.get(k)
            .and_then(Value::as_str)
            .map(clean)
            .unwrap_or_default()
    };
    let street = format!("{} {}", get("numeroRue"), get("nomRue"))
        .trim()
        .to_string();
    let town = format!("{} {}", get("codePostal"), get("ville"))
        .trim()
        .to_string();
    [get("intitule"), street, get("complementAdresse"), town]
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect()
}

/// "1" → "1re", "4" → "4e" (French ordinals for constituencies).
fn ordinal_fr(n: &str) -> String {
    if n == "1" {
        "1re".into()
    } else {
        format!("{n}e")
    }
}

/// Imports the sitting deputies from the acteur and organe files in `paths`.
pub(super) fn import(paths: &[PathBuf]) -> Result<Imported> {
    let files = json_files(paths)?;
    let mut imported = Imported {
        source: "Assemblée nationale open data (acteurs, mandats, organes)".into(),
        licence: "Licence Ouverte / Open Licence 2.0 (Etalab)".into(),
        attribution: String::new(),
        ..Default::default()
    };
    let mut groups: HashMap<String, (String, String)> = HashMap::new();
    let mut acteurs: Vec<(PathBuf, Value)> = Vec::new();
    for path in &files {
        let raw = super::read(path)?;
        let v: Value = serde_json::from_str(&raw).map_err(|e| {
            Error::usage(format!(
                "`{}:{}`: not valid JSON: {e}",
                path.display(),
                e.line()
            ))
            .hint("pass the folder of the unzipped AMO10 file (acteur/ and organe/)")
        })?;
        if let Some(o) = v.get("organe") {
            let uid = o.get("uid").and_then(text).unwrap_or("").to_string();
            let name = o.get("libelle").and_then(Value::as_str).unwrap_or("");
            let abbrev = o
                .get("libelleAbrev")
                .or_else(|| o.get("libelleAbrege"))
                .and_then(Value::as_str)
                .unwrap_or("");
            groups.insert(uid, (name.to_string(), abbrev.to_string()));
        } else if let Some(mut a) = v.get("acteur").cloned() {
            // Staff names are never kept, not even in memory past this point.
            if let Some(m) = a.get_mut("mandats").and_then(|m| m.get_mut("mandat")) {
                for mandat in m.as_array_mut().into_iter().flatten() {
                    if let Some(o) = mandat.as_object_mut() {
                        o.remove("collaborateurs");
                    }
                }
                if let Some(o) = m.as_object_mut() {
                    o.remove("collaborateurs");
                }
            }
            acteurs.push((path.clone(), a));
        }
    }
    if acteurs.is_empty() {
        return Err(Error::usage(format!(
            "no acteur files among {} JSON file{}",
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        ))
        .hint("pass the folder of the unzipped AMO10 file: it holds acteur/PA*.json and organe/PO*.json"));
    }
    let mut latest = String::new();
    let mut ids = UniqueIds::new();
    for (path, a) in &acteurs {
        let uid = a.get("uid").and_then(text).unwrap_or("").to_string();
        let ident = &a["etatCivil"]["ident"];
        let (civ, first, last) = (
            ident["civ"].as_str().unwrap_or("").trim(),
            ident["prenom"].as_str().unwrap_or("").trim(),
            ident["nom"].as_str().unwrap_or("").trim(),
        );
        let name = format!("{first} {last}").trim().to_string();
        let mandats = list(&a["mandats"]["mandat"]);
        for m in &mandats {
            if let Some(d) = m.get("datePublication").and_then(Value::as_str)
                && d > latest.as_str()
            {
                latest = d.to_string();
            }
        }
        let open = |kind: &str| {
            mandats.iter().copied().find(|m| {
                m["typeOrgane"].as_str() == Some(kind)
                    && m.get("dateFin").is_none_or(Value::is_null)
            })
        };
        let Some(seat) = open("ASSEMBLEE") else {
            imported.skipped.push(format!(
                "{name} ({uid}): no open mandate in the Assemblée (a minister's seat is held by the substitute)"
            ));
            continue;
        };
        let lieu = &seat["election"]["lieu"];
        let dept = lieu["departement"].as_str().unwrap_or("").to_string();
        let circo = lieu["numCirco"].as_str().unwrap_or("").to_string();
        let group = open("GP")
            .and_then(|m| m["organes"]["organeRef"].as_str())
            .and_then(|r| groups.get(r));
        // Addresses: the Assemblée's email first; postal; constituency offices with phones.
        let mut emails = Vec::new();
        let mut postal = Vec::new();
        let mut offices = Vec::new();
        let adresses = list(&a["adresses"]["adresse"]);
        let phone_of = |uid: &str| {
            adresses
                .iter()
                .find(|x| {
                    x["typeLibelle"].as_str() == Some("Téléphone")
                        && x["adresseDeRattachement"].as_str() == Some(uid)
                })
                .and_then(|x| x["valElec"].as_str())
                .map(str::to_string)
        };
        for ad in &adresses {
            match ad["typeLibelle"].as_str().unwrap_or("") {
                "Mèl" => emails.extend(ad["valElec"].as_str().map(|e| e.trim().to_string())),
                "Adresse officielle" if postal.is_empty() => postal = postal_lines(ad),
                "Adresse publiée de circonscription" => {
                    let lines = postal_lines(ad);
                    let town = ad["ville"].as_str().map(clean).unwrap_or_default();
                    if has_street_line(&lines) && !town.is_empty() {
                        offices.push(Office {
                            name: town,
                            postal: lines,
                            phone: ad["uid"].as_str().and_then(phone_of),
                        });
                    } else if lines.is_empty() {
                        imported.fixes.push(format!(
                            "{name}: an empty constituency office address; left out"
                        ));
                    } else {
                        imported.fixes.push(format!(
                            "{name}: constituency office `{}` has no street line; left out",
                            lines.join(", ")
                        ));
                    }
                }
                _ => {}
            }
        }
        let own = emails
            .iter()
            .find(|e| {
                e.to_lowercase().ends_with("@assemblee-nationale.fr") && check_email(e).is_ok()
            })
            .cloned();
        for other in emails.iter().filter(|e| Some(*e) != own.as_ref()) {
            imported.fixes.push(format!(
                "{name}: other address `{other}` left out; the Assemblée address is used"
            ));
        }
        let phone = offices.iter().find_map(|o| o.phone.clone());
        let contact = ContactFields {
            email: own,
            postal,
            phone,
            website: Some(format!(
                "https://www.assemblee-nationale.fr/dyn/deputes/{uid}"
            )),
            offices,
            ..Default::default()
        };
        if contact.email.is_none() && contact.postal.is_empty() {
            imported.skipped.push(format!(
                "{name} ({uid}, {}): no address in the source",
                path.display()
            ));
            continue;
        }
        let base = format!("fr-depute-{}", slug_or(&name, &uid.to_lowercase()));
        let id = ids.next(&base, &base, |_| false);
        let mut other = BTreeMap::new();
        other.insert("assemblee_nationale".to_string(), uid.clone());
        let district = if circo.is_empty() {
            dept.clone()
        } else {
            format!("{dept} ({} circonscription)", ordinal_fr(&circo))
        };
        imported.recipients.push(Recipient::from(RecipientFields {
            id,
            name,
            given_name: Some(first.to_string()).filter(|s| !s.is_empty()),
            family_name: Some(last.to_string()).filter(|s| !s.is_empty()),
            honorific: match civ {
                "M." => Some("Mr".into()),
                "Mme" => Some("Ms".into()),
                _ => None,
            },
            role: Some(format!("Député for {district}, Assemblée nationale")),
            body: "legislature".into(),
            organisation: Some("Assemblée nationale".into()),
            country: "FR".into(),
            region: Some(dept).filter(|d| !d.is_empty()),
            district: Some(district),
            party: group.map(|(name, abbrev)| {
                if abbrev.is_empty() {
                    name.clone()
                } else {
                    format!("{name} ({abbrev})")
                }
            }),
            contact,
            ids: other,
            ..Default::default()
        }));
    }
    imported.attribution = format!(
        "Assemblée nationale – data.assemblee-nationale.fr{} (Licence Ouverte 2.0).",
        if latest.is_empty() {
            String::new()
        } else {
            format!(", {}", &latest[..latest.len().min(10)])
        }
    );
    if !latest.is_empty() {
        imported.data_date = Some((
            latest[..latest.len().min(10)].to_string(),
            "the latest mandate publication date".into(),
        ));
    }
    Ok(imported)
}
