//! The named data sets outcry ships (US Congress, the ZIP table, UK MPs, postcodes, Lords,
//! European Parliament, Assemblée nationale) and the updates a user imports to replace them.
//!
//! Owns the catalogue ([`DATASETS`]: name, what it is, licence, the importer that reads it and
//! the public address of the file that importer reads) and the update files in the data folder
//! (`datasets/NAME.json`, one file per set, written atomically by `outcry data update`; see
//! [`UpdateFile`]). An update *replaces* the built-in set of the same name: members who left
//! disappear, new ones appear. Reading updates happens in [`super::Directory::load`]; making
//! them (running an importer) is `commands::data`'s job.
//!
//! May import: [`crate::error`], [`crate::support`], its parent [`super`].

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Recipient;
use crate::error::{Error, Result};

/// What a data set holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Recipients, built in as `recipients/FILE` (the name in [`super::BUILTIN`]).
    Recipients(&'static str),
    /// The US ZIP → congressional district table.
    ZipTable,
    /// The UK postcode → constituency lookup (built in only).
    Postcodes,
}

/// One data set in the catalogue.
#[derive(Debug, Clone, Copy)]
pub struct DataSet {
    /// The name used with `outcry data update|reset`, e.g. `us-congress`.
    pub name: &'static str,
    /// What it is, for people.
    pub title: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// The `--from` format whose importer reads the source files; `None`: not updatable.
    pub format: Option<&'static str>,
    /// Where the built-in copy comes from (publisher, repository).
    pub source: &'static str,
    /// The public addresses of the files the importer reads (download these for an update).
    pub download: &'static [&'static str],
    /// The licence of the data.
    pub licence: &'static str,
}

/// Every data set, in the order `outcry data status` lists them.
pub const DATASETS: &[DataSet] = &[
    DataSet {
        name: "us-congress",
        title: "US Congress: senators, representatives and delegates",
        kind: Kind::Recipients("us-congress.yaml"),
        format: Some("congress-legislators"),
        source: "unitedstates/congress-legislators",
        download: &[
            "https://raw.githubusercontent.com/unitedstates/congress-legislators/main/legislators-current.yaml",
            "https://raw.githubusercontent.com/unitedstates/congress-legislators/main/legislators-district-offices.yaml",
            "https://raw.githubusercontent.com/unitedstates/congress-legislators/main/committees-current.yaml",
            "https://raw.githubusercontent.com/unitedstates/congress-legislators/main/committee-membership-current.yaml",
        ],
        licence: "CC0-1.0",
    },
    DataSet {
        name: "us-zip",
        title: "US ZIP code → congressional district",
        kind: Kind::ZipTable,
        format: Some("zccd"),
        source: "US Census Bureau ZCTA relationship files via OpenSourceActivismTech/us-zipcodes-congress",
        download: &["https://github.com/OpenSourceActivismTech/us-zipcodes-congress (zccd.csv)"],
        licence: "US Government work (no copyright)",
    },
    DataSet {
        name: "uk-commons",
        title: "UK House of Commons: MPs, with constituency offices",
        kind: Kind::Recipients("uk-commons.yaml"),
        format: Some("uk-mp-lookup"),
        source: "dfe-analytical-services/mp-lookup and the UK Parliament Members Names Information Service",
        download: &[
            "https://raw.githubusercontent.com/dfe-analytical-services/mp-lookup/main/mp_lookup.csv",
            "http://data.parliament.uk/membersdataplatform/services/mnis/members/query/House=Commons%7CIsEligible=true/Addresses/ (optional: constituency offices and phones)",
        ],
        licence: "Open Parliament Licence v3.0; ONS codes under the Open Government Licence v3.0",
    },
    DataSet {
        name: "uk-postcodes",
        title: "UK postcode → Westminster constituency (Great Britain)",
        kind: Kind::Postcodes,
        format: None,
        source: "mySociety 2025-constituencies postcode lookup (OS Code-Point Open, mid-2023; 2024 boundaries)",
        download: &[
            "https://github.com/mysociety/2025-constituencies (docs/js/pcon_2024.json; built in, updated with outcry)",
        ],
        licence: "CC BY 4.0 (mySociety), from Open Government Licence v3.0 data",
    },
    DataSet {
        name: "uk-lords",
        title: "UK House of Lords: members",
        kind: Kind::Recipients("uk-lords.yaml"),
        format: Some("uk-lords"),
        source: "UK Parliament Members Names Information Service (MNIS)",
        download: &[
            "http://data.parliament.uk/membersdataplatform/services/mnis/members/query/House=Lords%7CIsEligible=true/Addresses/",
        ],
        licence: "Open Parliament Licence v3.0",
    },
    DataSet {
        name: "eu-parliament",
        title: "European Parliament, 10th term: MEPs",
        kind: Kind::Recipients("eu-parliament.yaml"),
        format: Some("europarl-10"),
        source: "European Parliament Open Data API (data.europarl.europa.eu), flattened to a CSV",
        download: &[
            "https://data.europarl.europa.eu/api/v2/meps/show-current (then /api/v2/meps/{id} per MEP; flatten as data/sources/eu-parliament-10/NOTES.md describes)",
        ],
        licence: "European Parliament reuse policy: reuse authorised, source acknowledged",
    },
    DataSet {
        name: "fr-assemblee",
        title: "France, Assemblée nationale (17th legislature): deputies",
        kind: Kind::Recipients("fr-assemblee.yaml"),
        format: Some("assemblee-nationale"),
        source: "Assemblée nationale open data (acteurs, mandats, organes)",
        download: &[
            "https://data.assemblee-nationale.fr/static/openData/repository/17/amo/deputes_actifs_mandats_actifs_organes/AMO10_deputes_actifs_mandats_actifs_organes.json.zip (unzip it and pass the folder)",
        ],
        licence: "Licence Ouverte / Open Licence 2.0 (Etalab)",
    },
    DataSet {
        name: "institutions",
        title: "Institutions (UN special procedures)",
        kind: Kind::Recipients("institutions.yaml"),
        format: None,
        source: "hand-written from public guidance (each record names its source)",
        download: &[],
        licence: "facts only",
    },
];

/// The data set called `name`.
///
/// Errors (exit code 2): no such set; the message lists the known ones.
pub fn named(name: &str) -> Result<&'static DataSet> {
    DATASETS.iter().find(|d| d.name == name).ok_or_else(|| {
        let known: Vec<&str> = DATASETS.iter().map(|d| d.name).collect();
        Error::usage(format!("there is no data set called `{name}`"))
            .hint(format!("known data sets: {}", known.join(", ")))
    })
}

/// The data set whose importer is `format` (`congress-legislators` → `us-congress`).
pub fn for_format(format: &str) -> Option<&'static DataSet> {
    DATASETS.iter().find(|d| d.format == Some(format))
}

/// The data set built in as `file` (`us-congress.yaml`).
pub fn for_builtin_file(file: &str) -> Option<&'static DataSet> {
    DATASETS
        .iter()
        .find(|d| matches!(d.kind, Kind::Recipients(f) if f == file))
}

/// The folder of update files: `datasets/` in the data folder.
pub fn updates_dir() -> PathBuf {
    crate::support::env::data_dir().join("datasets")
}

/// Where the update of `name` is kept.
pub fn update_path(name: &str) -> PathBuf {
    updates_dir().join(format!("{name}.json"))
}

/// An update file (`datasets/NAME.json`): the imported data and where it came from. JSON, as
/// the built-in data is, so loading it costs no more than the built-in copy.
#[derive(Debug, Serialize, Deserialize)]
pub struct UpdateFile {
    /// The data set it replaces.
    pub dataset: String,
    /// The importer that read it (`--from`).
    pub format: String,
    /// The date the data describes (YYYY-MM-DD), from the source or `--as-of`.
    pub as_of: String,
    /// How the date was found, e.g. "from the file" or "given with --as-of".
    #[serde(default)]
    pub as_of_from: String,
    /// The day the update was made.
    pub imported_on: String,
    /// The files it was imported from, as given.
    pub files: Vec<String>,
    /// Where the data comes from.
    pub source: String,
    /// Its licence.
    pub licence: String,
    /// The attribution to show with it.
    pub attribution: String,
    /// The recipients (for a recipients set).
    #[serde(default)]
    pub recipients: Vec<Recipient>,
    /// The table (for `us-zip`): `zccd.csv` rows with their header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
}

/// Reads the update of `name` if there is one.
///
/// Errors (exit code 1): the file exists but cannot be read or parsed; the hint says how to go
/// back to the built-in copy.
pub fn read_update(name: &str) -> Result<Option<UpdateFile>> {
    let path = update_path(name);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io("read data update", &path, &e)),
    };
    parse_update(&path, &text).map(Some)
}

fn parse_update(path: &Path, text: &str) -> Result<UpdateFile> {
    serde_json::from_str(text).map_err(|e| {
        Error::failure(format!(
            "the data update `{}:{}` is unreadable: {e}",
            path.display(),
            e.line()
        ))
        .hint(format!(
            "go back to the built-in data with: outcry data reset {}",
            path.file_stem().and_then(|s| s.to_str()).unwrap_or("NAME")
        ))
    })
}

/// Writes an update atomically: the new file replaces the old one whole, or nothing changes.
pub fn write_update(update: &UpdateFile) -> Result<PathBuf> {
    let path = update_path(&update.dataset);
    let json = serde_json::to_string(update)
        .map_err(|e| Error::failure(format!("could not write the data update: {e}")))?;
    crate::support::fs::write_atomic(&path, json.as_bytes(), true)?;
    Ok(path)
}

/// Removes the update of `name`; returns whether there was one.
pub fn remove_update(name: &str) -> Result<bool> {
    let path = update_path(name);
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io("remove", &path, &e)),
    }
}

/// How to refresh the data set `name`, for notes: the update command and where to download.
pub fn how_to_update(name: &str) -> String {
    match DATASETS.iter().find(|d| d.name == name) {
        Some(DataSet {
            format: Some(format),
            download,
            ..
        }) => format!(
            "run `outcry data update --from {format} FILE...` with the source from {} (`outcry data status` lists every file)",
            download
                .first()
                .map(|d| d.split(' ').next().unwrap_or(d))
                .unwrap_or("its publisher")
        ),
        _ => "update outcry".to_string(),
    }
}
