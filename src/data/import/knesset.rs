//! Israel, the Knesset: the OData tables mirrored by ZeAlenu/knesset-data as JSONL
//! (`KNS_Person`, `KNS_PersonToPosition`, `KNS_Faction`), CC BY-SA 4.0.
//!
//! A current member (MK) is a `KNS_PersonToPosition` row with position 43 or 61 (חבר/חברת
//! הכנסת), `IsCurrent` true and no `FinishDate`, in the latest Knesset; their faction is the
//! open position-54 row, their committees the open rows with positions 41 (chair), 42 and 66
//! (member) and 67 (substitute). `KNS_Person.IsCurrent` is *not* membership (ministers who gave
//! up their seat have it too). Names stay in Hebrew, as published; ids are transliterated to
//! Latin letters. Because the licence is share-alike, outcry builds none of this in.
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::data::recipients`], its parent.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::Imported;
use crate::data::recipients::{ContactFields, Recipient, RecipientFields, check_email};
use crate::error::{Error, Result};
use crate::support::text::{UniqueIds, slug_or};

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Person {
    id: u64,
    #[serde(default)]
    first_name: Option<String>,
    #[serde(default)]
    last_name: Option<String>,
    /// 250 female, 251 male (`GenderDesc` נקבה / זכר).
    #[serde(default, rename = "GenderID")]
    gender_id: Option<u64>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    last_updated_date: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Position {
    #[serde(rename = "PersonID")]
    person_id: u64,
    #[serde(rename = "PositionID")]
    position_id: u64,
    #[serde(default)]
    knesset_num: Option<u64>,
    #[serde(default)]
    finish_date: Option<String>,
    #[serde(default)]
    faction_name: Option<String>,
    #[serde(default)]
    committee_name: Option<String>,
    #[serde(default)]
    is_current: bool,
    #[serde(default)]
    last_updated_date: Option<String>,
}

/// Positions that make someone a member (male and female forms).
const MEMBER: [u64; 2] = [43, 61];
/// The faction a member sits in.
const FACTION: u64 = 54;

/// The JSONL files of `table` (e.g. `KNS_Person`) under `root`, or under `root/data`.
fn table_files(root: &Path, table: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in [root.join(table), root.join("data").join(table)] {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            out.extend(
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "jsonl")),
            );
        }
    }
    out.sort();
    out
}

/// Reads every line of the JSONL files as `T`, with `file:line` in errors.
fn read_rows<T: for<'de> Deserialize<'de>>(files: &[PathBuf]) -> Result<Vec<T>> {
    let mut rows = Vec::new();
    for path in files {
        let text = super::read(path)?;
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            rows.push(serde_json::from_str(line).map_err(|e| {
                Error::usage(format!("`{}:{}`: {e}", path.display(), i + 1))
                    .hint("is this a table of ZeAlenu/knesset-data?")
            })?);
        }
    }
    Ok(rows)
}

/// Imports the current members of the Knesset from the data folder in `paths`.
pub(super) fn import(paths: &[PathBuf]) -> Result<Imported> {
    let [root] = paths else {
        return Err(Error::usage(
            "knesset takes exactly one folder: the data folder of ZeAlenu/knesset-data",
        ));
    };
    let (people_files, position_files) = (
        table_files(root, "KNS_Person"),
        table_files(root, "KNS_PersonToPosition"),
    );
    if people_files.is_empty() || position_files.is_empty() {
        return Err(Error::usage(format!(
            "`{}` has no KNS_Person and KNS_PersonToPosition folders of .jsonl files",
            root.display()
        ))
        .hint("pass the data folder of a ZeAlenu/knesset-data checkout"));
    }
    let people: Vec<Person> = read_rows(&people_files)?;
    let positions: Vec<Position> = read_rows(&position_files)?;
    let open = |p: &&Position| p.is_current && p.finish_date.is_none();
    let knesset = positions
        .iter()
        .filter(open)
        .filter(|p| MEMBER.contains(&p.position_id))
        .filter_map(|p| p.knesset_num)
        .max()
        .ok_or_else(|| {
            Error::usage(format!(
                "`{}` lists no current member of the Knesset",
                root.display()
            ))
            .hint("the current members are in partition 4 of KNS_PersonToPosition")
        })?;
    let in_this = |p: &&Position| open(p) && p.knesset_num == Some(knesset);
    let members: BTreeSet<u64> = positions
        .iter()
        .filter(in_this)
        .filter(|p| MEMBER.contains(&p.position_id))
        .map(|p| p.person_id)
        .collect();
    let mut faction: HashMap<u64, String> = HashMap::new();
    let mut committees: HashMap<u64, Vec<String>> = HashMap::new();
    let mut latest = String::new();
    for p in positions.iter().filter(in_this) {
        if !members.contains(&p.person_id) {
            continue;
        }
        if let Some(d) = &p.last_updated_date
            && d.as_str() > latest.as_str()
        {
            latest = d.clone();
        }
        match p.position_id {
            FACTION => {
                if let Some(f) = &p.faction_name {
                    faction.insert(p.person_id, f.trim().to_string());
                }
            }
            41 | 42 | 66 | 67 => {
                if let Some(c) = &p.committee_name {
                    let role = match p.position_id {
                        41 => " (chair)",
                        67 => " (substitute)",
                        _ => "",
                    };
                    let entry = committees.entry(p.person_id).or_default();
                    let label = format!("{}{role}", c.trim());
                    if !entry.contains(&label) {
                        entry.push(label);
                    }
                }
            }
            _ => {}
        }
    }
    let mut imported = Imported {
        source: format!(
            "Knesset OData API via ZeAlenu/knesset-data (members of the {knesset}th Knesset)"
        ),
        licence: "CC BY-SA 4.0".into(),
        attribution: "Knesset data from the Knesset OData API (knesset.gov.il), via ZeAlenu/knesset-data, licensed CC BY-SA 4.0.".into(),
        ..Default::default()
    };
    let by_id: HashMap<u64, &Person> = people.iter().map(|p| (p.id, p)).collect();
    let mut ids = UniqueIds::new();
    for person_id in &members {
        let Some(p) = by_id.get(person_id) else {
            imported.skipped.push(format!(
                "person {person_id}: a member in KNS_PersonToPosition but not in KNS_Person"
            ));
            continue;
        };
        if let Some(d) = &p.last_updated_date
            && d.as_str() > latest.as_str()
        {
            latest = d.clone();
        }
        let first = p.first_name.as_deref().unwrap_or("").trim();
        let last = p.last_name.as_deref().unwrap_or("").trim();
        let name = format!("{first} {last}").trim().to_string();
        let email = match p.email.as_deref().map(str::trim) {
            Some(e) if check_email(e).is_ok() => {
                if !e.ends_with(".il") {
                    imported.notes.push(format!(
                        "{name}: the address `{e}` is as published but looks mistyped; check it before sending"
                    ));
                }
                Some(e.to_string())
            }
            Some(e) if !e.is_empty() => {
                imported
                    .fixes
                    .push(format!("{name}: email `{e}` is not an address; left out"));
                None
            }
            _ => None,
        };
        let Some(email) = email else {
            imported
                .skipped
                .push(format!("{name}: no email address in the source"));
            continue;
        };
        let base = format!("il-mk-{}", slug_or(&name, &person_id.to_string()));
        let id = ids.next(&base, &format!("il-mk-{person_id}"), |_| false);
        let mut other = BTreeMap::new();
        other.insert("knesset_person".to_string(), person_id.to_string());
        imported.recipients.push(Recipient::from(RecipientFields {
            id,
            name: name.clone(),
            given_name: Some(first.to_string()).filter(|s| !s.is_empty()),
            family_name: Some(last.to_string()).filter(|s| !s.is_empty()),
            honorific: Some("MK".into()),
            // Hebrew salutations are gendered (חבר הכנסת / חברת הכנסת).
            gender: match p.gender_id {
                Some(250) => Some("female".into()),
                Some(251) => Some("male".into()),
                _ => None,
            },
            role: Some("Member of the Knesset".into()),
            organisation: Some("Knesset".into()),
            body: "legislature".into(),
            country: "IL".into(),
            party: faction.get(person_id).cloned(),
            committees: committees.remove(person_id).unwrap_or_default(),
            contact: ContactFields {
                email: Some(email),
                ..Default::default()
            },
            ids: other,
            ..Default::default()
        }));
    }
    if latest.len() >= 10 {
        imported.data_date = Some((
            latest[..10].to_string(),
            "the latest update date of the members' rows".into(),
        ));
    }
    Ok(imported)
}
