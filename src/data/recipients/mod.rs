//! Recipients: who a letter can go to and how each can be reached.
//!
//! Owns the recipient schema (documented in the README), loading YAML files (the built-in
//! data compiled into the binary plus any files the user adds), validation that reports every
//! problem with `file:line`, lookup by id (by map, also by other datasets' ids such as a
//! bioguide id) and filtering. It does not know about letters or templates; importers for
//! public datasets live in `data::import`, finding "my representative" in [`find`], the
//! user's own file in [`store`].
//!
//! May import: [`crate::error`], [`crate::support`].

pub mod datasets;
pub mod find;
pub mod record;
pub mod store;
pub mod uk_postcodes;

use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Problem, Result, problems_error, yaml_location, yaml_reason};

pub use record::{
    Contact, ContactDetails, ContactFields, Details, Office, Recipient, RecipientFields, Text,
};

/// The channels [`Contact::shared`] may name.
pub const SHARED_CHANNELS: &[&str] = &["email", "postal", "phone", "contact_form"];

impl Contact {
    /// The postal address to print on a letter from `sender_address`: the local office in the
    /// sender's town if there is one, else the first local office, else the main address.
    pub fn postal_for(&self, sender_address: &[String]) -> Vec<String> {
        let sender = fold(&sender_address.join(" "));
        if let Some(o) = self
            .offices
            .iter()
            .find(|o| !o.name.is_empty() && sender.contains(&fold(&o.name)))
        {
            return o.postal.clone();
        }
        match self.offices.first() {
            Some(o) => o.postal.clone(),
            None => self.postal.clone(),
        }
    }
}

impl Contact {
    /// Human-readable list of the ways to reach someone, best first.
    pub fn channels(&self) -> Vec<String> {
        let mut out = Vec::new();
        let shared = |channel: &str| match self.shared.get(channel) {
            Some(whose) => format!(" (not their own: {whose})"),
            None => String::new(),
        };
        if let Some(email) = &self.email {
            out.push(format!("email {email}{}", shared("email")));
        }
        if !self.postal.is_empty() {
            out.push(format!(
                "post to {}{}",
                self.postal.join(", "),
                shared("postal")
            ));
        }
        if let Some(phone) = &self.phone {
            out.push(format!("phone {phone}{}", shared("phone")));
        }
        if let Some(form) = &self.contact_form {
            out.push(format!("contact form {form}{}", shared("contact_form")));
        }
        if !self.offices.is_empty() {
            let towns: Vec<&str> = self.offices.iter().map(|o| o.name.as_str()).collect();
            out.push(format!(
                "local office{} in {}",
                if towns.len() == 1 { "" } else { "s" },
                towns.join(", ")
            ));
        }
        out
    }
}

/// Known `body` values. Legislatures first, then institutions outside legislatures.
pub const BODIES: &[(&str, &str)] = &[
    ("us-senate", "United States Senate"),
    ("us-house", "United States House of Representatives"),
    ("us-state-upper", "US state senate"),
    ("us-state-lower", "US state house or assembly"),
    ("uk-commons", "UK House of Commons"),
    ("uk-lords", "UK House of Lords"),
    ("eu-parliament", "European Parliament"),
    ("legislature", "another national or regional legislature"),
    (
        "government",
        "ministers, ministries and diplomatic missions",
    ),
    ("un", "United Nations mechanisms"),
    ("company", "companies"),
    ("media", "newspapers, editors and journalists"),
    (
        "medical",
        "medical regulators, hospitals, professional bodies and journals",
    ),
    ("other", "anyone else"),
];

/// Whether `body` is a legislature (as opposed to an institution).
pub fn is_legislature(body: &str) -> bool {
    matches!(
        body,
        "us-senate"
            | "us-house"
            | "us-state-upper"
            | "us-state-lower"
            | "uk-commons"
            | "uk-lords"
            | "eu-parliament"
            | "legislature"
    )
}

/// The file-level wrapper of a recipients YAML file.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecipientFile {
    /// Default `source` for records that have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Default `as_of` for records that have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// The licence of the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    /// Attribution line to show wherever this data is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// The records.
    #[serde(default)]
    pub recipients: Vec<serde_yaml::Value>,
}

/// Built-in recipient files, compiled into the binary as JSON (converted from
/// `recipients/*.yaml` by `build.rs`; `tests` check the YAML with `recipients check`).
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "us-congress.yaml",
        include_str!(concat!(env!("OUT_DIR"), "/us-congress.json")),
    ),
    (
        "uk-commons.yaml",
        include_str!(concat!(env!("OUT_DIR"), "/uk-commons.json")),
    ),
    (
        "uk-lords.yaml",
        include_str!(concat!(env!("OUT_DIR"), "/uk-lords.json")),
    ),
    (
        "eu-parliament.yaml",
        include_str!(concat!(env!("OUT_DIR"), "/eu-parliament.json")),
    ),
    (
        "fr-assemblee.yaml",
        include_str!(concat!(env!("OUT_DIR"), "/fr-assemblee.json")),
    ),
    (
        "institutions.yaml",
        include_str!(concat!(env!("OUT_DIR"), "/institutions.json")),
    ),
];

/// A built-in file, typed: parsed straight into recipients.
#[derive(Deserialize)]
struct BuiltinFile {
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default)]
    licence: Option<String>,
    #[serde(default)]
    attribution: Option<String>,
    recipients: Vec<Recipient>,
}

/// Parses a built-in file (JSON made from the YAML at build time).
fn parse_builtin(name: &str, json: &str) -> Result<ParsedFile> {
    let file: BuiltinFile = serde_json::from_str(json).map_err(|e| {
        Error::failure(format!(
            "the built-in recipient data `{name}` is unreadable: {e}"
        ))
        .hint("this is a bug in outcry; please report it")
    })?;
    // The file's defaults are shared by its records, not copied into each.
    let source: Option<Arc<str>> = file.source.as_deref().map(Arc::from);
    let as_of: Option<Arc<str>> = file.as_of.as_deref().map(Arc::from);
    let recipients = file
        .recipients
        .into_iter()
        .map(|mut r| {
            if r.source.is_none() {
                r.source = source.clone();
            }
            if r.as_of.is_none() {
                r.as_of = as_of.clone();
            }
            r
        })
        .collect();
    Ok(ParsedFile {
        recipients,
        problems: Vec::new(),
        provenance: Provenance {
            file: format!("built-in:{name}"),
            licence: file.licence,
            attribution: file.attribution,
            as_of: file.as_of,
            dataset: datasets::for_builtin_file(name).map(|d| d.name),
            update: None,
        },
    })
}

/// Turns a data update (see [`datasets`]) into a loaded file.
fn parse_update(set: &datasets::DataSet, update: datasets::UpdateFile) -> ParsedFile {
    let source: Arc<str> = Arc::from(update.source.as_str());
    let as_of: Arc<str> = Arc::from(update.as_of.as_str());
    let recipients = update
        .recipients
        .into_iter()
        .map(|mut r| {
            if r.source.is_none() {
                r.source = Some(source.clone());
            }
            if r.as_of.is_none() {
                r.as_of = Some(as_of.clone());
            }
            r
        })
        .collect();
    ParsedFile {
        recipients,
        problems: Vec::new(),
        provenance: Provenance {
            file: format!("update:{}", set.name),
            licence: Some(update.licence),
            attribution: Some(update.attribution),
            as_of: Some(update.as_of),
            dataset: Some(set.name),
            update: Some(datasets::update_path(set.name).display().to_string()),
        },
    }
}

/// Attribution and licence of one loaded file.
#[derive(Debug, Clone, Serialize)]
pub struct Provenance {
    /// File name or path.
    pub file: String,
    /// Licence, when the file states one.
    pub licence: Option<String>,
    /// Attribution line.
    pub attribution: Option<String>,
    /// The oldest date the file's data describes.
    pub as_of: Option<String>,
    /// The data set it is (built in, or an update of one), if it is one.
    pub dataset: Option<&'static str>,
    /// For an update: the file in the data folder it was read from.
    pub update: Option<String>,
}

/// All recipients loaded for this run, in load order, with the attribution of their files.
#[derive(Debug, Default)]
pub struct Directory {
    /// Every recipient; later files override earlier ones with the same id.
    pub recipients: Vec<Recipient>,
    /// Provenance of the files loaded.
    pub provenance: Vec<Provenance>,
    /// Id → index in `recipients`.
    by_id: IdIndex,
    /// Lower-cased ids in other datasets (bioguide, member_id, ...) → index.
    by_other_id: HashMap<String, usize>,
    /// Per recipient, the index in `provenance` of the file it came from.
    origin: Vec<Origin>,
    /// The ZIP → district table, when one other than the built-in one was loaded.
    zips: Option<find::ZipTable>,
    /// Term ends as of "today", worked out by [`Directory::apply_terms`].
    terms: Terms,
}

/// Id → index in a directory's `recipients`, without a second copy of each id: the table
/// holds indices, hashed and compared by the id of the record each points at (a
/// `hashbrown::HashTable`, 8 bytes a record where a map from ids took 32 and more).
#[derive(Debug, Default)]
struct IdIndex {
    table: hashbrown::HashTable<usize>,
    hasher: std::hash::RandomState,
}

impl IdIndex {
    fn hash(&self, id: &str) -> u64 {
        self.hasher.hash_one(id)
    }

    /// The index of the record with id `id`.
    fn get(&self, recipients: &[Recipient], id: &str) -> Option<usize> {
        self.table
            .find(self.hash(id), |&i| recipients[i].id == id)
            .copied()
    }

    /// Adds record `i`, whose id is not in the table yet.
    fn insert(&mut self, recipients: &[Recipient], i: usize) {
        let hash = self.hash(&recipients[i].id);
        let hasher = &self.hasher;
        self.table
            .insert_unique(hash, i, |&j| hasher.hash_one(recipients[j].id.as_str()));
    }

    /// Makes room for `n` more records.
    fn reserve(&mut self, recipients: &[Recipient], n: usize) {
        let hasher = &self.hasher;
        self.table
            .reserve(n, |&j| hasher.hash_one(recipients[j].id.as_str()));
    }
}

/// Where a record of a [`Directory`] came from: the file (its index in `provenance`) and its
/// record number in that file (from 1).
#[derive(Debug, Clone, Copy)]
struct Origin {
    file: u32,
    record: u32,
}

/// Whose terms have ended, as of the day they were worked out.
#[derive(Debug, Default, Clone)]
pub struct Terms {
    /// Indices of recipients whose own term has ended while their body's has not: they are
    /// not presented as current.
    ended: std::collections::HashSet<usize>,
    /// Bodies in which every term in the data has ended: body → the last end date. Their
    /// members are still listed, with a warning (a new Congress, a dissolution).
    bodies: BTreeMap<String, String>,
}

impl Directory {
    /// Loads the built-in data and then each extra file; a later file's record replaces
    /// an earlier one with the same id (so a user can correct a built-in record). Term ends
    /// are then worked out for today ([`crate::support::env::today_or_clock`]).
    pub fn load(extra: &[PathBuf]) -> Result<Directory> {
        Directory::load_some(extra, None)
    }

    /// [`Directory::load`], reading only the built-in files (or their updates) named in
    /// `only` (e.g. `["us-congress.yaml"]` for a ZIP lookup): start-up costs what the command
    /// needs. The user's files are always read.
    pub fn load_some(extra: &[PathBuf], only: Option<&[&str]>) -> Result<Directory> {
        let mut dir = Directory::default();
        for (name, json) in BUILTIN {
            if only.is_some_and(|o| !o.contains(name)) {
                continue;
            }
            let update = match datasets::for_builtin_file(name) {
                Some(set) => datasets::read_update(set.name)?.map(|u| (set, u)),
                None => None,
            };
            match update {
                Some((set, update)) => dir.add(parse_update(set, update)),
                None => dir.add(parse_builtin(name, json)?),
            }
        }
        if let Some(update) = datasets::read_update("us-zip")?
            && let Some(table) = update.table
        {
            dir.set_zips(find::ZipTable::from_text(table));
        }
        for path in extra {
            let text = crate::support::fs::read_text(path, "recipients file")?;
            // Records go straight into the directory as they are read, so a large file is
            // never held twice; a file with any problem fails the whole load.
            let file = dir.provenance.len();
            let (problems, provenance) = read_file(path, &text, &mut FileInto(&mut dir, file));
            if !problems.is_empty() {
                return Err(problems_error(
                    &format!("recipients file `{}` is invalid", path.display()),
                    &problems,
                    &format!(
                        "fix the lines above, then check with: outcry recipients check {}",
                        path.display()
                    ),
                ));
            }
            dir.provenance.push(provenance);
        }
        dir.apply_terms(crate::support::env::today_or_clock());
        Ok(dir)
    }

    /// Works out whose terms have ended by `today` (a term ends at the start of its
    /// `term_end` day: the 119th Congress's terms end on 2027-01-03, the day the next one
    /// meets). Someone whose term ended is no longer current, unless every term in their
    /// body has ended: then nobody newer is known, so all stay listed, with a warning.
    pub fn apply_terms(&mut self, today: jiff::civil::Date) {
        let mut terms = Terms::default();
        // body → (members with a term end, of which ended, latest end)
        let mut by_body: BTreeMap<&str, (usize, usize, String)> = BTreeMap::new();
        let mut ended = Vec::new();
        for (i, r) in self.recipients.iter().enumerate() {
            let Some(end) = r.term_end.as_deref() else {
                continue;
            };
            let Ok(date) = end.parse::<jiff::civil::Date>() else {
                continue;
            };
            let entry = by_body.entry(r.body.as_str()).or_default();
            entry.0 += 1;
            if date <= today {
                entry.1 += 1;
                if end > entry.2.as_str() {
                    entry.2 = end.to_string();
                }
                ended.push(i);
            }
        }
        for (body, (with_end, gone, last)) in by_body {
            if with_end > 0 && with_end == gone {
                terms.bodies.insert(body.to_string(), last);
            }
        }
        terms.ended = ended
            .into_iter()
            .filter(|&i| !terms.bodies.contains_key(self.recipients[i].body.as_str()))
            .collect();
        self.terms = terms;
    }

    /// The recipients presented as current: everyone but those whose own term has ended
    /// (see [`Directory::apply_terms`]).
    pub fn current(&self) -> impl Iterator<Item = &Recipient> {
        self.recipients
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.terms.ended.contains(i))
            .map(|(_, r)| r)
    }

    /// Whether `r`'s own term has ended (and their body goes on without them).
    pub fn term_ended(&self, r: &Recipient) -> bool {
        self.index_of(&r.id)
            .is_some_and(|i| self.terms.ended.contains(&i))
    }

    /// Those whose own term has ended, in load order.
    pub fn ended(&self) -> Vec<&Recipient> {
        let mut idx: Vec<usize> = self.terms.ended.iter().copied().collect();
        idx.sort_unstable();
        idx.into_iter().map(|i| &self.recipients[i]).collect()
    }

    /// Bodies in which every term in the data has ended: (body, last end date).
    pub fn ended_bodies(&self) -> &BTreeMap<String, String> {
        &self.terms.bodies
    }

    /// The ZIP → congressional district table: an update from the data folder, else the
    /// built-in one.
    pub fn zips(&self) -> std::borrow::Cow<'_, find::ZipTable> {
        match &self.zips {
            Some(t) => std::borrow::Cow::Borrowed(t),
            None => std::borrow::Cow::Owned(find::ZipTable::builtin()),
        }
    }

    /// Uses `table` for ZIP lookups instead of the built-in one.
    pub fn set_zips(&mut self, table: find::ZipTable) {
        self.zips = Some(table);
    }

    /// The date the data of `body`'s members describes (the oldest `as_of` among them).
    pub fn as_of_of(&self, body: &str) -> Option<String> {
        self.recipients
            .iter()
            .filter(|r| r.body == body)
            .filter_map(|r| r.as_of.as_deref())
            .min()
            .map(str::to_string)
    }

    /// Adds a file's records; one with a known id replaces the earlier record in place.
    pub fn add(&mut self, parsed: ParsedFile) {
        let file = self.provenance.len();
        for (k, r) in parsed.recipients.into_iter().enumerate() {
            self.insert(r, file, k + 1);
        }
        self.provenance.push(parsed.provenance);
    }

    /// Makes room for `n` more records.
    fn reserve(&mut self, n: usize) {
        self.recipients.reserve(n);
        self.origin.reserve(n);
        self.by_id.reserve(&self.recipients, n);
    }

    /// Adds record number `record` of file number `file` (in load order), or replaces the
    /// earlier record with its id in place.
    fn insert(&mut self, r: Recipient, file: usize, record: usize) {
        // Files and records are counted in u32: a file holds at most 64 MiB.
        let origin = Origin {
            file: file as u32,
            record: record as u32,
        };
        let i = match self.index_of(&r.id) {
            Some(i) => {
                self.recipients[i] = r;
                self.origin[i] = origin;
                i
            }
            None => {
                let i = self.recipients.len();
                self.recipients.push(r);
                self.origin.push(origin);
                self.by_id.insert(&self.recipients, i);
                i
            }
        };
        for other in self.recipients[i].ids.values() {
            self.by_other_id
                .entry(other.to_ascii_lowercase())
                .or_insert(i);
        }
    }

    /// Finds a recipient by id (or by an id in another dataset, e.g. a bioguide id, in any
    /// case). Constant time.
    pub fn get(&self, id: &str) -> Option<&Recipient> {
        let want = id.trim();
        self.index_of(want)
            .or_else(|| self.by_other_id.get(&want.to_ascii_lowercase()).copied())
            .map(|i| &self.recipients[i])
    }

    /// The index in `recipients` of the record with exactly this id.
    fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(&self.recipients, id)
    }

    /// Looks up each id, once each, failing with suggestions for the first unknown one.
    pub fn resolve(&self, ids: &[String]) -> Result<Vec<Recipient>> {
        let mut out: Vec<Recipient> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for id in ids {
            match self.get(id) {
                Some(r) => {
                    if seen.insert(r.id.as_str()) {
                        out.push(r.clone());
                    }
                }
                None => {
                    let mut err = Error::usage(format!("no recipient with id `{id}`"));
                    let close = self.suggest(id);
                    if !close.is_empty() {
                        err = err.hint(format!("did you mean {}?", close.join(", ")));
                    }
                    return Err(err.hint("list ids with: outcry recipients list --search NAME"));
                }
            }
        }
        Ok(out)
    }

    /// Up to three ids that look like `id` (share its words).
    fn suggest(&self, id: &str) -> Vec<String> {
        // Ranked by similarity to what was typed (normalised Damerau–Levenshtein, `strsim`), so
        // a typo such as `us-sen-il-durbn` suggests Durbin first.
        let typed = id.trim().to_lowercase();
        let mut scored: Vec<(f64, &str)> = self
            .recipients
            .iter()
            .map(|r| {
                (
                    strsim::normalized_damerau_levenshtein(&typed, &r.id),
                    r.id.as_str(),
                )
            })
            .filter(|(score, _)| *score >= 0.5)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        scored
            .into_iter()
            .take(3)
            .map(|(_, id)| format!("`{id}`"))
            .collect()
    }

    /// Files whose data is older than `max_days` on `today`: (file index, as_of, age in days).
    fn stale(&self, today: jiff::civil::Date, max_days: i64) -> Vec<(usize, String, i64)> {
        self.provenance
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let as_of = p.as_of.as_deref()?;
                let date: jiff::civil::Date = as_of.parse().ok()?;
                let age = (today - date).get_days() as i64;
                (age > max_days).then(|| (i, as_of.to_string(), age))
            })
            .collect()
    }

    /// How to refresh the file at `provenance[i]`.
    fn how_to_refresh(&self, i: usize) -> String {
        let p = &self.provenance[i];
        match p.dataset {
            Some(set) => datasets::how_to_update(set),
            None => format!(
                "re-import `{}` from its source (outcry recipients import)",
                p.file
            ),
        }
    }

    /// Notes about stale data for every file loaded, for listings and the wizard (empty when
    /// all is fresh). `OUTCRY_STALE_DAYS` sets the threshold (default 180); `OUTCRY_DATE`
    /// sets "today".
    pub fn staleness_notes(&self) -> Vec<String> {
        self.staleness_notes_of(&(0..self.provenance.len()).collect::<Vec<_>>())
    }

    fn staleness_notes_of(&self, files: &[usize]) -> Vec<String> {
        let env = crate::support::env::get();
        let today = crate::support::env::today_or_clock();
        self.stale(today, env.stale_days)
            .into_iter()
            .filter(|(i, _, _)| files.contains(i))
            .map(|(i, as_of, age)| {
                format!(
                    "note: the recipient data in `{}` is from {as_of} ({age} days ago); people may have changed. To refresh it, {}.",
                    self.provenance[i].file,
                    self.how_to_refresh(i)
                )
            })
            .collect()
    }

    /// The attribution lines of the files `shown` come from, once each, in load order.
    pub fn attributions_for<'r>(
        &self,
        shown: impl IntoIterator<Item = &'r Recipient>,
    ) -> Vec<&str> {
        let mut files: Vec<usize> = shown
            .into_iter()
            .filter_map(|r| self.index_of(&r.id).map(|i| self.origin[i].file as usize))
            .collect();
        files.sort_unstable();
        files.dedup();
        let mut out: Vec<&str> = Vec::new();
        for i in files {
            if let Some(a) = self.provenance[i].attribution.as_deref()
                && !out.contains(&a)
            {
                out.push(a);
            }
        }
        out
    }

    /// Warnings about everything loaded, for the wizard's first look: stale files and bodies
    /// whose every term has ended (not each person whose term ended; they are not offered).
    pub fn overview_warnings(&self) -> Vec<String> {
        let firsts: Vec<&Recipient> = self
            .terms
            .bodies
            .keys()
            .filter_map(|b| self.recipients.iter().find(|r| r.body == b))
            .collect();
        let mut out: Vec<String> = self
            .warnings_for(firsts)
            .into_iter()
            .filter(|w| w.starts_with("warning:"))
            .collect();
        out.extend(self.staleness_notes());
        out
    }

    /// Warnings for showing or writing to `shown`: a body whose every term has ended, a
    /// person whose own term has ended, and stale data (only for the files they come from).
    /// Each starts with `warning:` or `note:` and says how to update.
    pub fn warnings_for<'r>(&self, shown: impl IntoIterator<Item = &'r Recipient>) -> Vec<String> {
        let mut out = Vec::new();
        let mut files = Vec::new();
        let mut bodies: Vec<&str> = Vec::new();
        for r in shown {
            if let Some(i) = self.index_of(&r.id) {
                files.push(self.origin[i].file as usize);
            }
            if self.terms.bodies.contains_key(r.body.as_str()) && !bodies.contains(&r.body.as_str())
            {
                bodies.push(&r.body);
            }
            if self.term_ended(r) {
                out.push(format!(
                    "warning: {}'s term{} ended on {}; they may no longer hold the seat. To update the data, {}.",
                    r.name,
                    r.role.as_deref().map(|role| format!(" as {role}")).unwrap_or_default(),
                    r.term_end.as_deref().unwrap_or("?"),
                    self.index_of(&r.id).map(|i| self.how_to_refresh(self.origin[i].file as usize)).unwrap_or_default()
                ));
            }
        }
        for body in bodies {
            let end = &self.terms.bodies[body];
            let name = BODIES
                .iter()
                .find(|(b, _)| *b == body)
                .map(|(_, n)| *n)
                .unwrap_or(body);
            let file = self
                .recipients
                .iter()
                .position(|r| r.body == body)
                .map(|i| self.origin[i].file as usize);
            out.push(format!(
                "warning: the terms of every member of the {name} in this data ended by {end}{}; letters can still be written, but check who holds each seat now. To update the data, {}.",
                if body == "us-house" { " (a new Congress has met)" } else { "" },
                file.map(|i| self.how_to_refresh(i)).unwrap_or_else(|| "update outcry".into())
            ));
        }
        files.sort_unstable();
        files.dedup();
        out.extend(self.staleness_notes_of(&files));
        out
    }

    /// The recipients that match every filter, in load order.
    /// Those whose own term has ended are left out (see [`Directory::current`]).
    pub fn filter(&self, filter: &Filter) -> Vec<&Recipient> {
        self.current().filter(|r| filter.matches(r)).collect()
    }

    /// The recipients that match every filter, including those whose term has ended.
    pub fn filter_all(&self, filter: &Filter) -> Vec<&Recipient> {
        self.recipients
            .iter()
            .filter(|r| filter.matches(r))
            .collect()
    }
}

/// Criteria for choosing recipients. Empty fields match everything.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// ISO country code.
    pub country: Option<String>,
    /// Body, e.g. `us-senate`.
    pub body: Option<String>,
    /// Region or state (exact, case-insensitive).
    pub region: Option<String>,
    /// District or constituency (exact, case-insensitive).
    pub district: Option<String>,
    /// Party (substring).
    pub party: Option<String>,
    /// Committee code or name (substring).
    pub committee: Option<String>,
    /// Free words that must all appear in the name, place, party, role or id.
    pub search: Option<String>,
}

impl Filter {
    /// Parses a search line with optional `key:value` terms
    /// (`country:US body:us-senate region:MA party:dem committee:SSFR warren`).
    pub fn parse_query(query: &str) -> Filter {
        let mut filter = Filter::default();
        let mut words = Vec::new();
        for token in query.split_whitespace() {
            match token.split_once(':') {
                Some(("country", v)) => filter.country = Some(v.to_string()),
                Some(("body", v)) => filter.body = Some(v.to_string()),
                Some(("region" | "state", v)) => filter.region = Some(v.to_string()),
                Some(("district", v)) => filter.district = Some(v.to_string()),
                Some(("party", v)) => filter.party = Some(v.to_string()),
                Some(("committee", v)) => filter.committee = Some(v.to_string()),
                _ => words.push(token),
            }
        }
        if !words.is_empty() {
            filter.search = Some(words.join(" "));
        }
        filter
    }

    /// Whether `r` passes every criterion.
    pub fn matches(&self, r: &Recipient) -> bool {
        fn eq(want: &Option<String>, have: Option<&str>) -> bool {
            match want {
                None => true,
                Some(w) => have.is_some_and(|h| h.eq_ignore_ascii_case(w.trim())),
            }
        }
        fn contains(want: &Option<String>, have: Option<&str>) -> bool {
            match want {
                None => true,
                Some(w) => have.is_some_and(|h| fold(h).contains(&fold(w))),
            }
        }
        let country = self.country.as_deref().map(normalize_country);
        if let Some(c) = &country
            && !r.country.eq_ignore_ascii_case(c)
        {
            return false;
        }
        if !eq(&self.body, Some(&r.body))
            || !eq(&self.region, r.region.as_deref())
            || !eq(&self.district, r.district.as_deref())
            || !contains(&self.party, r.party.as_deref())
        {
            return false;
        }
        if let Some(c) = &self.committee {
            let want = fold(c);
            if !r.committees.iter().any(|have| fold(have).contains(&want)) {
                return false;
            }
        }
        if let Some(search) = &self.search {
            let hay = fold(&haystack(r));
            return search.split_whitespace().all(|w| hay.contains(&fold(w)));
        }
        true
    }
}

/// Whether `s` looks like an ISO 3166-1 alpha-2 code (two ASCII letters, any case).
pub fn is_country_code(s: &str) -> bool {
    s.len() == 2 && celes::Country::from_alpha2(s).is_ok()
}

/// The ISO 3166-1 alpha-2 code of a country as people type it: a code (`us`, `GB`, `UK`), a
/// three-letter code (`USA`), a name (`United Kingdom`, `Germany`) or a common alias
/// (`England`, `America`), from the `celes` tables. `None` for anything else.
pub fn parse_country(input: &str) -> Option<String> {
    let t = input.trim();
    if t.eq_ignore_ascii_case("uk") {
        return Some("GB".into());
    }
    let squashed: String = t.chars().filter(|c| c.is_alphanumeric()).collect();
    let the = format!("the{squashed}");
    [t, squashed.as_str(), the.as_str()]
        .into_iter()
        .filter(|c| !c.is_empty())
        .find_map(|c| c.parse::<celes::Country>().ok())
        .map(|c| c.alpha2.to_string())
}

/// A country as typed, as its ISO code when it is one ([`parse_country`]); otherwise upper
/// case, so that validation can name it.
pub fn normalize_country(c: &str) -> String {
    parse_country(c).unwrap_or_else(|| c.trim().to_uppercase())
}

fn haystack(r: &Recipient) -> String {
    let mut parts = vec![
        r.id.as_str(),
        r.name.as_str(),
        r.body.as_str(),
        r.country.as_str(),
    ];
    for p in [&r.role, &r.organisation, &r.region, &r.district, &r.party]
        .into_iter()
        .flatten()
    {
        parts.push(p);
    }
    parts.extend(r.areas.iter().map(String::as_str));
    parts.join(" | ")
}

pub use crate::support::text::fold;

/// How members of a US state's lower house are addressed: "Delegate" in Maryland, Virginia and
/// West Virginia (Houses of Delegates), "Assemblymember" in California, New York, Nevada, New
/// Jersey and Wisconsin (Assemblies), "Representative" elsewhere. `state` is a USPS code.
pub fn us_lower_house_title(state: &str) -> &'static str {
    match state.trim().to_ascii_uppercase().as_str() {
        "MD" | "VA" | "WV" => "Delegate",
        "CA" | "NY" | "NV" | "NJ" | "WI" => "Assemblymember",
        _ => "Representative",
    }
}

/// The result of parsing one recipients file: good records, and every problem found.
#[derive(Debug)]
pub struct ParsedFile {
    /// Records that passed validation (with file-level defaults applied).
    pub recipients: Vec<Recipient>,
    /// Everything wrong, with lines.
    pub problems: Vec<Problem>,
    /// The file's licence and attribution.
    pub provenance: Provenance,
}

/// Parses and validates a recipients file. Never fails: problems are collected.
pub fn parse_file(path: &Path, text: &str) -> ParsedFile {
    let mut kept = Collected::default();
    let (problems, provenance) = read_file(path, text, &mut kept);
    let mut recipients = kept.recipients;
    if problems
        .iter()
        .any(|p| p.message.starts_with("not valid YAML"))
    {
        recipients.clear();
    }
    ParsedFile {
        recipients,
        problems,
        provenance,
    }
}

/// Records per piece of a large list that is parsed at once (see [`read_file`]).
const RECORDS_PER_PIECE: usize = 256;

/// Reads a recipients file, handing each good record to `keep` as soon as it is checked;
/// returns every problem (with lines) and the file's provenance. When there are problems,
/// the caller must not use the file (some good records may already have been kept).
///
/// A YAML parser holds a whole document's events in memory (kilobytes per record), so the
/// list is parsed in pieces of [`RECORDS_PER_PIECE`] records, found by their `- ` lines, and
/// the file-level fields around it on their own: memory stays small for a file of any size.
/// Anything the pieces cannot be read as (an anchor used across pieces, a list in flow style,
/// a syntax error) is read as one document instead, which also reports the error exactly.
fn read_file(path: &Path, text: &str, keep: &mut dyn Keep) -> (Vec<Problem>, Provenance) {
    let mut reader = Reader {
        path,
        text,
        starts: Vec::new(),
        source: None,
        as_of: None,
        rejected: HashMap::new(),
        problems: Vec::new(),
        oldest: None,
        keep,
    };
    let mut provenance = Provenance {
        file: path.display().to_string(),
        licence: None,
        attribution: None,
        as_of: None,
        dataset: None,
        update: None,
    };
    if let Err((line, why)) = crate::support::text::check_yaml_nesting(text) {
        let problem = Problem {
            file: path.to_path_buf(),
            line: Some(line),
            message: why,
        };
        return (vec![problem], provenance);
    }
    let mut layout = list_layout(text);
    if let Some(l) = &layout {
        // Room for every record at once: a list that grows by doubling leaves its earlier,
        // smaller copies behind in the heap.
        reader.keep.expect(l.starts.len());
    }
    let framed = layout.as_ref().and_then(|l| frame(text, l));
    let done = match (&mut layout, framed) {
        (Some(l), Some(file)) => {
            reader.starts = std::mem::take(&mut l.starts);
            reader.source = file.source.map(Arc::from);
            reader.as_of = file.as_of.map(Arc::from);
            provenance.licence = file.licence;
            provenance.attribution = file.attribution;
            read_pieces(&mut reader, l)
        }
        _ => 0,
    };
    if layout.as_ref().is_none_or(|l| done < l.offsets.len()) {
        match read_whole(&mut reader, done) {
            Ok(file) if done == 0 => {
                provenance.licence = file.licence;
                provenance.attribution = file.attribution;
            }
            Ok(_) => {}
            Err(problem) => return (vec![problem], provenance),
        }
    }
    provenance.as_of = reader.oldest.take();
    (reader.problems, provenance)
}

/// Where the list of records is in a file: the 1-based line of each record's `- ` and the
/// byte offset of each of those lines, plus the offset just past the list. (The lines go to
/// the [`Reader`] when the list is read in pieces.)
struct Layout {
    starts: Vec<usize>,
    offsets: Vec<usize>,
    end: usize,
    /// Whether the list is under a `recipients:` key (else the file is a bare list).
    keyed: bool,
}

fn list_layout(text: &str) -> Option<Layout> {
    let starts = record_start_lines(text);
    let last = *starts.last()?;
    let mut offsets = Vec::with_capacity(starts.len());
    let mut next = starts.iter().peekable();
    let mut offset = 0;
    let mut end = text.len();
    let mut indent = None;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let n = i + 1;
        if next.peek() == Some(&&n) {
            next.next();
            offsets.push(offset);
            if indent.is_none() {
                indent = Some(line.len() - line.trim_start().len());
            }
        } else if n > last {
            // The first line after the last record that is not part of it ends the list
            // (the same rule as `record_start_lines`).
            let trimmed = line.trim_start();
            let this = line.len() - trimmed.len();
            let content = trimmed.trim_end();
            if !content.is_empty()
                && !content.starts_with('#')
                && indent.is_some_and(|ind| this < ind || (ind == 0 && this == 0))
            {
                end = offset;
                break;
            }
        }
        offset += line.len();
    }
    (offsets.len() == starts.len()).then_some(Layout {
        starts,
        offsets,
        end,
        keyed: text.lines().any(|l| l.trim_end() == "recipients:"),
    })
}

/// The file-level fields, read from the text around the list; `None` when that text is not
/// what a recipients file has around its list (then the file is read whole).
fn frame(text: &str, layout: &Layout) -> Option<RecipientFile> {
    let around = format!("{}{}", &text[..layout.offsets[0]], &text[layout.end..]);
    let value: serde_yaml::Value = serde_yaml::from_str(&around).ok()?;
    match (&value, layout.keyed) {
        (serde_yaml::Value::Null, false) => Some(RecipientFile::default()),
        (serde_yaml::Value::Mapping(m), true)
            if m.get("recipients").is_some_and(serde_yaml::Value::is_null) =>
        {
            serde_yaml::from_value(value).ok()
        }
        _ => None,
    }
}

/// Reads the list piece by piece; returns how many records were read (all of them, unless a
/// piece could not be read on its own).
fn read_pieces(reader: &mut Reader, layout: &Layout) -> usize {
    let count = layout.offsets.len();
    let mut done = 0;
    while done < count {
        let upto = (done + RECORDS_PER_PIECE).min(count);
        let end = layout.offsets.get(upto).copied().unwrap_or(layout.end);
        let piece = &reader.text[layout.offsets[done]..end];
        match serde_yaml::from_str::<Vec<serde_yaml::Value>>(piece) {
            Ok(values) if values.len() == upto - done => {
                for (k, value) in values.into_iter().enumerate() {
                    reader.record(done + k, value);
                }
                done = upto;
            }
            _ => break,
        }
    }
    done
}

/// Reads the file as one document and checks its records from number `skip` on (those
/// before were read in pieces). Returns the file-level fields, or the one problem that stops
/// the file (not YAML, or not a recipients file).
fn read_whole(reader: &mut Reader, skip: usize) -> std::result::Result<RecipientFile, Problem> {
    let problem = |line: Option<usize>, message: String| Problem {
        file: reader.path.to_path_buf(),
        line,
        message,
    };
    // Accept either `recipients: [...]` with file-level fields, or a bare list.
    let value: serde_yaml::Value = serde_yaml::from_str(reader.text).map_err(|e| {
        problem(
            yaml_location(&e),
            format!("not valid YAML: {}", yaml_reason(&e)),
        )
    })?;
    let file: RecipientFile = match value {
        serde_yaml::Value::Sequence(items) => RecipientFile {
            recipients: items,
            ..Default::default()
        },
        serde_yaml::Value::Null => RecipientFile::default(),
        other => serde_yaml::from_value(other).map_err(|e| {
            let reason = yaml_reason(&e);
            let line = backticked(&reason)
                .and_then(|field| find_key_line(reader.text, 0, usize::MAX, &field));
            problem(
                line,
                format!(
                    "{reason} (a recipients file is a list, or a mapping with a `recipients:` list)"
                ),
            )
        })?,
    };
    let RecipientFile {
        source,
        as_of,
        licence,
        attribution,
        recipients: values,
    } = file;
    if skip == 0 {
        reader.starts = record_start_lines(reader.text);
        reader.source = source.map(Arc::from);
        reader.as_of = as_of.map(Arc::from);
    }
    for (i, value) in values.into_iter().enumerate().skip(skip) {
        reader.record(i, value);
    }
    Ok(RecipientFile {
        licence,
        attribution,
        ..RecipientFile::default()
    })
}

/// Where [`read_file`] puts the good records of a file.
trait Keep {
    /// About `n` records are coming (the number of `- ` lines of the list).
    fn expect(&mut self, n: usize);
    /// The record number (from 1) of the record with id `id` kept earlier from this file.
    fn kept_as(&self, id: &str) -> Option<usize>;
    /// Record number `record` (from 1), which passed every check.
    fn keep(&mut self, r: Recipient, record: usize);
}

/// The good records of a file, in a list (for `recipients check`).
#[derive(Default)]
struct Collected {
    recipients: Vec<Recipient>,
    /// Id → record number.
    ids: HashMap<Text, usize>,
}

impl Keep for Collected {
    fn expect(&mut self, n: usize) {
        self.recipients.reserve(n);
    }

    fn kept_as(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    fn keep(&mut self, r: Recipient, record: usize) {
        self.ids.insert(r.id.clone(), record);
        self.recipients.push(r);
    }
}

/// The records of file number `.1` (in load order), going straight into a directory, which
/// also answers which ids the file used already (so a large file's ids are not held twice).
struct FileInto<'d>(&'d mut Directory, usize);

impl Keep for FileInto<'_> {
    fn expect(&mut self, n: usize) {
        self.0.reserve(n);
    }

    fn kept_as(&self, id: &str) -> Option<usize> {
        let origin = self.0.origin[self.0.index_of(id)?];
        (origin.file as usize == self.1).then_some(origin.record as usize)
    }

    fn keep(&mut self, r: Recipient, record: usize) {
        self.0.insert(r, self.1, record);
    }
}

/// Checks records one by one and keeps the good ones.
struct Reader<'t, 'k> {
    path: &'t Path,
    text: &'t str,
    /// 1-based line of each record's start.
    starts: Vec<usize>,
    /// File-level defaults.
    source: Option<Arc<str>>,
    as_of: Option<Arc<str>>,
    /// Ids of the records with problems so far → record number (the ids of the good ones
    /// are asked of `keep`).
    rejected: HashMap<Text, usize>,
    problems: Vec<Problem>,
    /// The oldest `as_of` of the records kept.
    oldest: Option<String>,
    keep: &'k mut dyn Keep,
}

impl Reader<'_, '_> {
    /// Checks record number `i` (from 0) and keeps it when it has no problem.
    fn record(&mut self, i: usize, value: serde_yaml::Value) {
        let text = self.text;
        let start = self.starts.get(i).copied();
        let end = self.starts.get(i + 1).copied().unwrap_or(usize::MAX);
        let problem = |line: Option<usize>, message: String| Problem {
            file: self.path.to_path_buf(),
            line,
            message,
        };
        let mut r: Recipient = match serde_yaml::from_value(value) {
            Ok(r) => r,
            Err(e) => {
                let reason = yaml_reason(&e);
                let line = backticked(&reason)
                    .and_then(|field| start.and_then(|s| find_key_line(text, s, end, &field)))
                    .or(start);
                let p = problem(line, format!("recipient #{}: {reason}", i + 1));
                self.problems.push(p);
                return;
            }
        };
        if r.source.is_none() {
            r.source = self.source.clone();
        }
        if r.as_of.is_none() {
            r.as_of = self.as_of.clone();
        }
        // Data files use codes: only case and `UK` are forgiven here (names are for people typing).
        let up = r.country.trim().to_uppercase();
        r.country = if up == "UK" { "GB".into() } else { up.into() };
        let field_line = |field: &str| {
            start
                .and_then(|s| find_key_line(text, s, end, field))
                .or(start)
        };
        let mut found = Vec::new();
        for (field, message) in validate(&r) {
            found.push(problem(field_line(field), message));
        }
        let first =
            (self.rejected.get(r.id.as_str()).copied()).or_else(|| self.keep.kept_as(&r.id));
        if let Some(first) = first {
            found.push(problem(
                field_line("id"),
                format!("duplicate id `{}` (first used by recipient #{first})", r.id),
            ));
        }
        if found.is_empty() {
            if let Some(d) = r.as_of.as_deref()
                && self.oldest.as_deref().is_none_or(|o| d < o)
            {
                self.oldest = Some(d.to_string());
            }
            self.keep.keep(r, i + 1);
        } else {
            if first.is_none() {
                self.rejected.insert(r.id.clone(), i + 1);
            }
            self.problems.extend(found);
        }
    }
}

/// Checks one record; returns (field, message) pairs. Every name, title, place and contact
/// line must be one line of plain text of at most
/// [`MAX_LINE_CHARS`](crate::support::text::MAX_LINE_CHARS) characters: these end up in mail
/// headers, address blocks and file names, where a line break or a control character would
/// break them.
pub fn validate(r: &Recipient) -> Vec<(&'static str, String)> {
    let mut out = check_lines(r);
    if !out.is_empty() {
        // The checks below would only quote the same bad values again.
        return out;
    }
    validate_fields(r, &mut out);
    out
}

/// The one-line check of [`validate`] alone: every name, title, place and contact line is one
/// line of plain text, not too long. Importers run it on every record.
pub fn check_lines(r: &Recipient) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let max = crate::support::text::MAX_LINE_CHARS;
    let mut lines: Vec<(&'static str, &str)> = vec![
        ("id", &r.id),
        ("name", &r.name),
        ("body", &r.body),
        ("country", &r.country),
    ];
    for (field, value) in [
        ("given_name", r.given_name.as_deref()),
        ("family_name", r.family_name.as_deref()),
        ("honorific", r.honorific.as_deref()),
        ("post_nominal", r.post_nominal.as_deref()),
        ("salutation", r.salutation.as_deref()),
        ("role", r.role.as_deref()),
        ("organisation", r.organisation.as_deref()),
        ("region", r.region.as_deref()),
        ("district", r.district.as_deref()),
        ("party", r.party.as_deref()),
        ("source", r.source.as_deref()),
        ("as_of", r.as_of.as_deref()),
        ("email", r.contact.email.as_deref()),
        ("phone", r.contact.phone.as_deref()),
        ("contact_form", r.contact.contact_form.as_deref()),
        ("website", r.contact.website.as_deref()),
    ] {
        if let Some(v) = value {
            lines.push((field, v));
        }
    }
    lines.extend(r.areas.iter().map(|v| ("areas", v.as_str())));
    lines.extend(r.committees.iter().map(|v| ("committees", v.as_str())));
    lines.extend(r.contact.postal.iter().map(|v| ("postal", v.as_str())));
    for o in &r.contact.offices {
        lines.push(("offices", &o.name));
        lines.extend(o.postal.iter().map(|v| ("offices", v.as_str())));
        lines.extend(o.phone.iter().map(|v| ("offices", v.as_str())));
    }
    for (field, value) in lines {
        // Web addresses and sources may be long; names may not.
        let limit = if matches!(field, "source" | "contact_form" | "website") {
            2000
        } else {
            max
        };
        if let Err(why) = crate::support::text::check_line(value, limit) {
            out.push((
                field,
                format!(
                    "{field} `{}` {why}",
                    crate::support::text::shorten(value, 60)
                ),
            ));
        }
    }
    out
}

fn validate_fields(r: &Recipient, out: &mut Vec<(&'static str, String)>) {
    let id_ok = !r.id.is_empty()
        && !r.id.starts_with(['-', '_', '.'])
        && r.id.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_' || c == '.'
        });
    if !id_ok {
        out.push((
            "id",
            format!(
                "id `{}` must be lower-case letters, digits and dashes, starting with a letter or digit",
                r.id
            ),
        ));
    }
    if r.name.trim().is_empty() {
        out.push(("name", format!("recipient `{}` has an empty name", r.id)));
    }
    if !BODIES.iter().any(|(b, _)| *b == r.body) {
        let known: Vec<&str> = BODIES.iter().map(|(b, _)| *b).collect();
        out.push((
            "body",
            format!("unknown body `{}` (known: {})", r.body, known.join(", ")),
        ));
    }
    if !is_country_code(&r.country) || r.country != r.country.to_uppercase() {
        out.push((
            "country",
            format!(
                "country `{}` is not a two-letter ISO code such as `US` or `GB`",
                r.country
            ),
        ));
    }
    if let Some(email) = &r.contact.email
        && let Err(why) = check_email(email)
    {
        out.push(("email", format!("bad email `{email}`: {why}")));
    }
    for (field, url) in [
        ("contact_form", &r.contact.contact_form),
        ("website", &r.contact.website),
    ] {
        if let Some(url) = url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            out.push((
                field,
                format!("{field} `{url}` is not a web address (it must start with https://)"),
            ));
        }
    }
    if r.contact.email.is_none()
        && r.contact.postal.is_empty()
        && r.contact.phone.is_none()
        && r.contact.contact_form.is_none()
    {
        out.push((
            "contact",
            format!("recipient `{}` has no way to be reached: give contact.email, postal, phone or contact_form", r.id),
        ));
    }
    if let Some(g) = &r.gender
        && !matches!(g.as_str(), "female" | "male")
    {
        out.push((
            "gender",
            format!("gender `{g}` must be `female` or `male` (leave it out when not known)"),
        ));
    }
    if let Some(l) = &r.language
        && !crate::support::text::is_language_tag(l)
    {
        out.push((
            "language",
            format!("language `{l}` is not a language tag such as `fr`, `de` or `he`"),
        ));
    }
    for (field, date) in [
        ("as_of", r.as_of.as_deref()),
        ("term_end", r.term_end.as_deref()),
    ] {
        if let Some(date) = date
            && date.parse::<jiff::civil::Date>().is_err()
        {
            out.push((
                field,
                format!("{field} `{date}` is not a date like 2026-06-15"),
            ));
        }
    }
    for (channel, whose) in &r.contact.shared {
        let present = match channel.as_str() {
            "email" => r.contact.email.is_some(),
            "postal" => !r.contact.postal.is_empty(),
            "phone" => r.contact.phone.is_some(),
            "contact_form" => r.contact.contact_form.is_some(),
            _ => {
                out.push((
                    "shared",
                    format!(
                        "shared names `{channel}`, which is not a channel (use {})",
                        SHARED_CHANNELS.join(", ")
                    ),
                ));
                continue;
            }
        };
        if !present {
            out.push((
                "shared",
                format!("shared names `{channel}`, but the record has no {channel}"),
            ));
        }
        if whose.trim().is_empty() {
            out.push((
                "shared",
                format!("shared `{channel}` must say whose office it is"),
            ));
        }
    }
    if !r.contact.postal.is_empty() && !has_street_line(&r.contact.postal) {
        out.push((
            "postal",
            format!(
                "the postal address of `{}` has no street or building line, only `{}`",
                r.id,
                r.contact.postal.join(", ")
            ),
        ));
    }
    for (i, office) in r.contact.offices.iter().enumerate() {
        if !has_street_line(&office.postal) {
            out.push((
                "offices",
                format!(
                    "office #{} ({}) of `{}` has no street line: its postal lines are `{}`",
                    i + 1,
                    office.name,
                    r.id,
                    office.postal.join(", ")
                ),
            ));
        }
    }
}

/// Whether postal lines carry more than a town and a postcode: at least two non-empty lines,
/// and the first is not just a postcode or ZIP code. (A letter needs a street or a building.)
pub fn has_street_line(postal: &[String]) -> bool {
    let lines: Vec<&str> = postal
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    let is_code = |l: &str| {
        l.chars().all(|c| c.is_ascii_digit() || c == '-')
            || uk_postcodes::normalise(l)
                .is_some_and(|p| p.kind() == uk_postcodes::PostcodeKind::Full)
    };
    lines.len() >= 2 && !is_code(lines[0])
}

/// Checks an email address the way a mail server would accept it.
pub fn check_email(email: &str) -> std::result::Result<(), &'static str> {
    if email.contains("://") || email.starts_with("mailto:") {
        return Err("that is a web or mailto link, not an address");
    }
    if email.chars().any(char::is_whitespace) {
        return Err("it contains a space");
    }
    match email.parse::<lettre::Address>() {
        Ok(_) => Ok(()),
        Err(_) => Err("it is not of the form name@example.org"),
    }
}

/// The first `name` in backticks in a serde message (`unknown field \`foo\``).
fn backticked(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_string())
}

/// 1-based line numbers where each record of the main list starts.
fn record_start_lines(text: &str) -> Vec<usize> {
    let lines: Vec<&str> = text.lines().collect();
    // Where does the list begin? After `recipients:` if present, else at the top.
    let from = lines
        .iter()
        .position(|l| l.trim_end() == "recipients:")
        .map(|i| i + 1)
        .unwrap_or(0);
    let mut indent = None;
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(from) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let this = line.len() - trimmed.len();
        if trimmed.starts_with("- ") || trimmed == "-" {
            match indent {
                None => {
                    indent = Some(this);
                    out.push(i + 1);
                }
                Some(n) if n == this => out.push(i + 1),
                _ => {}
            }
        } else if indent.is_some_and(|n| this < n) || (indent == Some(0) && this == 0) {
            break;
        }
    }
    out
}

/// The 1-based line within [start, end) whose key is `key`.
fn find_key_line(text: &str, start: usize, end: usize, key: &str) -> Option<usize> {
    let first = start.max(1);
    text.lines()
        .enumerate()
        .skip(first - 1)
        .take_while(|(i, _)| i + 1 < end)
        .find_map(|(i, line)| {
            let t = line.trim_start().trim_start_matches("- ").trim_start();
            let matches = t
                .strip_prefix(key)
                .is_some_and(|rest| rest.starts_with(':'));
            matches.then_some(i + 1)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "recipients:\n  - id: a-one\n    name: A One\n    body: uk-commons\n    country: GB\n    contact:\n      email: a@example.org\n";

    #[test]
    fn parses_a_good_file() {
        let parsed = parse_file(Path::new("x.yaml"), GOOD);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        assert_eq!(parsed.recipients[0].id, "a-one");
    }

    #[test]
    fn reports_every_problem_with_lines() {
        let text = "recipients:\n  - id: a\n    name: A\n    body: senate\n    country: GB\n    contact:\n      email: nope\n  - id: a\n    name: B\n    body: uk-commons\n    country: GB\n    contact:\n      phone: '1'\n";
        let parsed = parse_file(Path::new("x.yaml"), text);
        let lines: Vec<_> = parsed
            .problems
            .iter()
            .map(|p| (p.line, p.message.clone()))
            .collect();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_eq!(lines[0].0, Some(4));
        assert!(lines[0].1.contains("unknown body `senate`"));
        assert_eq!(lines[1].0, Some(7));
        assert!(lines[1].1.contains("bad email `nope`"));
        assert_eq!(lines[2].0, Some(8));
        assert!(lines[2].1.contains("duplicate id `a`"));
    }

    #[test]
    fn unknown_field_points_at_its_line() {
        let text = "- id: a\n  name: A\n  body: other\n  country: GB\n  emial: x@y.org\n";
        let parsed = parse_file(Path::new("x.yaml"), text);
        assert_eq!(parsed.problems[0].line, Some(5), "{:?}", parsed.problems);
    }

    /// `n` records, indented by `indent`, numbered from 0.
    fn records(n: usize, indent: &str) -> String {
        (0..n)
            .map(|i| {
                format!(
                    "{indent}- id: r-{i:04}\n{indent}  name: R {i}\n{indent}  body: other\n{indent}  country: nz\n{indent}  contact: {{email: r{i}@example.org}}\n"
                )
            })
            .collect()
    }

    /// The file read as one document, the way it was always read.
    fn read_as_one(text: &str) -> ParsedFile {
        let mut kept = Collected::default();
        let mut reader = Reader {
            path: Path::new("x.yaml"),
            text,
            starts: Vec::new(),
            source: None,
            as_of: None,
            rejected: HashMap::new(),
            problems: Vec::new(),
            oldest: None,
            keep: &mut kept,
        };
        let file = read_whole(&mut reader, 0).unwrap();
        let problems = std::mem::take(&mut reader.problems);
        let oldest = reader.oldest.take();
        ParsedFile {
            recipients: kept.recipients,
            problems,
            provenance: Provenance {
                file: "x.yaml".into(),
                licence: file.licence,
                attribution: file.attribution,
                as_of: oldest,
                dataset: None,
                update: None,
            },
        }
    }

    #[test]
    fn a_long_list_read_in_pieces_is_read_as_one() {
        let n = RECORDS_PER_PIECE * 2 + 7;
        for text in [
            records(n, ""),
            format!(
                "# a comment\nsource: Test data\nas_of: 2026-01-02\nrecipients:\n{}licence: CC0\nattribution: Us\n",
                records(n, "  ")
            ),
            format!(
                "---\nlicence: CC0\nrecipients:\n{}\n# the end\n",
                records(n, "")
            ),
        ] {
            let pieces = parse_file(Path::new("x.yaml"), &text);
            let whole = read_as_one(&text);
            assert!(pieces.problems.is_empty(), "{:?}", pieces.problems);
            assert_eq!(pieces.recipients.len(), n);
            assert_eq!(pieces.recipients, whole.recipients);
            assert_eq!(pieces.recipients[n - 1].country, "NZ");
            assert_eq!(
                format!("{:?}", pieces.provenance),
                format!("{:?}", whole.provenance)
            );
        }
    }

    #[test]
    fn problems_in_later_pieces_keep_their_lines() {
        let mut text = records(RECORDS_PER_PIECE + 3, "");
        // The last record (number 259, in the second piece) gets a bad body on line 5 * 258 + 3.
        text = text.replacen(
            "- id: r-0258\n  name: R 258\n  body: other",
            "- id: r-0258\n  name: R 258\n  body: senate",
            1,
        );
        let parsed = parse_file(Path::new("x.yaml"), &text);
        assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
        assert_eq!(parsed.problems[0].line, Some(5 * 258 + 3));
        assert!(parsed.problems[0].message.contains("unknown body `senate`"));

        let aliased = format!(
            "- id: first\n  name: F\n  body: other\n  country: GB\n  contact: &c {{email: f@example.org}}\n{}- id: last\n  name: L\n  body: other\n  country: GB\n  contact: *c\n",
            records(RECORDS_PER_PIECE + 1, "")
        );
        let parsed = parse_file(Path::new("x.yaml"), &aliased);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        assert_eq!(parsed.recipients.len(), RECORDS_PER_PIECE + 3);
        assert_eq!(
            parsed.recipients.last().unwrap().contact.email.as_deref(),
            Some("f@example.org")
        );

        let broken = format!(
            "{}- id: x\n  name: [unclosed\n",
            records(RECORDS_PER_PIECE + 1, "")
        );
        let parsed = parse_file(Path::new("x.yaml"), &broken);
        assert!(parsed.recipients.is_empty());
        assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
        assert!(
            parsed.problems[0].message.starts_with("not valid YAML"),
            "{:?}",
            parsed.problems
        );
        assert_eq!(parsed.problems[0].message, read_as_one_error(&broken));
    }

    fn read_as_one_error(text: &str) -> String {
        let mut keep = Collected::default();
        let mut reader = Reader {
            path: Path::new("x.yaml"),
            text,
            starts: Vec::new(),
            source: None,
            as_of: None,
            rejected: HashMap::new(),
            problems: Vec::new(),
            oldest: None,
            keep: &mut keep,
        };
        read_whole(&mut reader, 0).err().unwrap().message
    }

    #[test]
    fn query_terms() {
        let f = Filter::parse_query("country:uk party:lab baker");
        assert_eq!(f.country.as_deref(), Some("uk"));
        assert_eq!(f.search.as_deref(), Some("baker"));
        assert!(check_email("https://x.gov/contact").is_err());
        assert!(check_email("a.b@parliament.uk").is_ok());
    }
}

#[cfg(test)]
mod country_tests {
    use super::*;

    #[test]
    fn countries_by_code_name_and_alias() {
        for (typed, code) in [
            ("us", "US"),
            ("USA", "US"),
            ("United States", "US"),
            ("uk", "GB"),
            ("United Kingdom", "GB"),
            ("England", "GB"),
            ("germany", "DE"),
            ("CH", "CH"),
        ] {
            assert_eq!(parse_country(typed).as_deref(), Some(code), "{typed}");
        }
        assert_eq!(parse_country("ZZ"), None);
        assert_eq!(parse_country("Narnia"), None);
        assert!(!is_country_code("ZZ"));
    }
}
