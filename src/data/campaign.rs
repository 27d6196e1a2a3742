//! Campaign data: what each jurisdiction already has, what is pending, and what a letter there
//! should ask for, kept apart from the letters' prose so that it can be updated as laws pass and
//! bills lapse.
//!
//! The file format is `data/campaign/campaign.yaml` (its README documents every key). The
//! built-in copy is compiled in; a `campaign.yaml` in the config folder, or `--campaign FILE`,
//! replaces it. Every fact in it comes from the project's sourced fact sheets. Lookup
//! ([`Campaign::fit`]) goes from the recipient's jurisdiction to its parent, then to `default`;
//! an entry whose `valid_until` has passed, or that names a bill whose `lapses_on` has come, is
//! skipped and reported as [`Expired`], so a letter never states a stale status.
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::data::recipients`].

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::data::recipients::Recipient;
use crate::error::{Error, Problem, Result, problems_error, yaml_location, yaml_reason};

/// The built-in campaign data (YAML), compiled in.
pub const BUILTIN: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/campaign/campaign.yaml"
));

/// The built-in translations of the campaign's prose (language tag, YAML), found by the build
/// script as `data/campaign/campaign.LANG.yaml`.
pub const BUILTIN_TRANSLATIONS: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/campaign_translations.rs"));

/// The campaign's prose in another language: the wordings of facts, contexts and asks by the
/// ids of the English file (`data/campaign/campaign.LANG.yaml`; the README of that folder
/// documents it). Sources, laws and bills are not translated: letters cite the official
/// record as published.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// Its language tag (`fr`).
    pub language: String,
    /// When the wordings were last checked against the English ones (YYYY-MM-DD).
    #[serde(default)]
    pub as_of: Option<String>,
    /// Fact id → wordings.
    #[serde(default)]
    pub facts: BTreeMap<String, Vec<String>>,
    /// Jurisdiction id → wordings of its context.
    #[serde(default)]
    pub contexts: BTreeMap<String, Vec<String>>,
    /// Ask id → wordings.
    #[serde(default)]
    pub asks: BTreeMap<String, Vec<String>>,
}

/// What a translated wording belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prose {
    /// A fact, by fact id.
    Fact,
    /// A jurisdiction's context, by jurisdiction id.
    Context,
    /// An ask, by ask id.
    Ask,
}

/// A source that campaign entries cite.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Source {
    /// Title as cited.
    pub title: String,
    /// Who published it.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Publication date (YYYY-MM-DD or a year).
    #[serde(default)]
    pub date: Option<String>,
    /// Where to read it.
    #[serde(default)]
    pub url: Option<String>,
    /// The item in the project's fact sheets ("2.1"; "A3.64" for the 2026 addendum).
    #[serde(default, rename = "ref")]
    pub fact_ref: Option<String>,
    /// Whether the address is the official publisher's own record.
    #[serde(default)]
    pub official: bool,
}

/// A short sourced statement a letter may quote (at most two per letter).
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Fact {
    /// The letter topics it suits (`law`, `investigation`, ...).
    pub topics: Vec<String>,
    /// Alternative wordings with the same meaning (at least three).
    pub wordings: Vec<String>,
    /// Source ids.
    pub sources: Vec<String>,
}

/// A law in force.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct Law {
    /// Its name.
    pub name: String,
    /// Its citation in the official record.
    #[serde(default)]
    pub citation: Option<String>,
    /// When it was passed or came into force.
    #[serde(default)]
    pub date: Option<String>,
    /// Source ids.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A bill before a legislature.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct Bill {
    /// Id used by asks (`hr1503`).
    pub id: String,
    /// Its number as printed (`H.R.1503`).
    pub number: String,
    /// Its short title.
    pub title: String,
    /// Where it stands, as of `as_of`.
    pub stage: String,
    /// When `stage` was last checked (YYYY-MM-DD).
    pub as_of: String,
    /// The day it dies if not enacted (YYYY-MM-DD): from then on it is never cited.
    #[serde(default)]
    pub lapses_on: Option<String>,
    /// Source ids.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Where a jurisdiction stands, in a few sentences.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Context {
    /// Alternative wordings.
    pub wordings: Vec<String>,
    /// Source ids.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Last day it may be used (YYYY-MM-DD), if it expires.
    #[serde(default)]
    pub valid_until: Option<String>,
}

/// What a letter on `topic` asks a recipient in one of `roles`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Ask {
    /// Unique id in the file.
    pub id: String,
    /// The letter topic (`law`, `investigation`, `trade`, `company`, `medical`, `un`, `editor`).
    pub topic: String,
    /// Recipient roles it fits (see [`Role`]).
    pub roles: Vec<String>,
    /// Alternative wordings: each one yes/no question.
    pub wordings: Vec<String>,
    /// Bills the wordings name.
    #[serde(default)]
    pub bills: Vec<String>,
    /// Source ids.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Last day it may be used (YYYY-MM-DD), if it expires.
    #[serde(default)]
    pub valid_until: Option<String>,
}

/// One jurisdiction: a country, a US state, a UK nation, or `eu`, `coe`, `un`, `default`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Jurisdiction {
    /// Its id (set from the mapping key).
    #[serde(skip)]
    pub id: String,
    /// Its name.
    pub name: String,
    /// The jurisdiction to fall back to (`us` for `us-tx`).
    #[serde(default)]
    pub parent: Option<String>,
    /// Laws in force.
    #[serde(default)]
    pub laws: Vec<Law>,
    /// Pending bills.
    #[serde(default)]
    pub bills: Vec<Bill>,
    /// Where things stand.
    #[serde(default)]
    pub context: Option<Context>,
    /// What letters ask, by topic and role.
    #[serde(default)]
    pub asks: Vec<Ask>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    version: u32,
    as_of: String,
    sources: serde_yaml::Mapping,
    facts: serde_yaml::Mapping,
    jurisdictions: serde_yaml::Mapping,
}

/// The campaign data of this run.
#[derive(Debug, Clone)]
pub struct Campaign {
    /// Where it came from: `built-in` or a path.
    pub origin: String,
    /// When its statuses were last checked (YYYY-MM-DD).
    pub as_of: String,
    /// Sources by id.
    pub sources: BTreeMap<String, Source>,
    /// Facts, in file order, with their ids.
    pub facts: Vec<(String, Fact)>,
    /// Jurisdictions, in file order.
    pub jurisdictions: Vec<Jurisdiction>,
    /// The prose in other languages, by language tag.
    pub translations: BTreeMap<String, Translation>,
}

/// The kind of recipient an ask is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A member of a legislature whose chamber is not known or not relevant.
    Legislator,
    /// A member of an upper house (US Senate, a state senate, House of Lords).
    UpperHouse,
    /// A member of a lower house (US House, a state assembly, House of Commons).
    LowerHouse,
    /// A member of the European Parliament.
    Mep,
    /// A minister, ministry or diplomatic mission.
    Minister,
    /// A UN special procedure or treaty body.
    UnMechanism,
    /// A company.
    Company,
    /// An editor or journalist.
    Editor,
    /// A medical regulator, hospital, professional body or journal.
    Regulator,
}

impl Role {
    /// The name used in `roles:` lists.
    pub fn name(self) -> &'static str {
        match self {
            Role::Legislator => "legislator",
            Role::UpperHouse => "upper-house",
            Role::LowerHouse => "lower-house",
            Role::Mep => "mep",
            Role::Minister => "minister",
            Role::UnMechanism => "un-mechanism",
            Role::Company => "company",
            Role::Editor => "editor",
            Role::Regulator => "regulator",
        }
    }

    /// Whether an ask listing `name` fits this role: the exact role, or `legislator` for a
    /// member of either house.
    fn fits(self, name: &str) -> bool {
        name == self.name()
            || (name == "legislator" && matches!(self, Role::UpperHouse | Role::LowerHouse))
    }
}

/// Every role name an ask may list.
pub const ROLE_NAMES: &[&str] = &[
    "legislator",
    "upper-house",
    "lower-house",
    "mep",
    "minister",
    "un-mechanism",
    "company",
    "editor",
    "regulator",
];

/// Every topic an ask or fact may name.
pub const TOPICS: &[&str] = &[
    "law",
    "investigation",
    "trade",
    "company",
    "medical",
    "un",
    "editor",
];

/// The jurisdiction and role a recipient writes from, for lookups: members of Congress look up
/// `us`, state legislators their state (`us-tx`, from a region written as `TX`, `tx`, `US-TX` or
/// `Texas`), UK MPs their nation (`gb-sct`), MEPs `eu`, UN mechanisms `un`, everyone else their
/// country (lower case). A US legislator who is not in Congress and whose state is not known
/// (a state legislator without a region, a city council) looks up `default`, never the federal
/// asks about bills in Congress.
pub fn place_of(r: &Recipient) -> (String, Role) {
    let country = r.country.to_ascii_lowercase().to_string();
    let region = r.region.as_deref().unwrap_or("").trim();
    let state = crate::data::import::us_state_code(region)
        .map(|c| format!("us-{}", c.to_ascii_lowercase()));
    match r.body.as_str() {
        "us-senate" => ("us".into(), Role::UpperHouse),
        "us-house" => ("us".into(), Role::LowerHouse),
        "us-state-upper" => (state.unwrap_or_else(|| "default".into()), Role::UpperHouse),
        "us-state-lower" => (state.unwrap_or_else(|| "default".into()), Role::LowerHouse),
        "legislature" if country == "us" => {
            (state.unwrap_or_else(|| "default".into()), Role::Legislator)
        }
        "uk-commons" => {
            let nation = match region.to_ascii_lowercase().as_str() {
                "scotland" => "gb-sct",
                "wales" => "gb-wls",
                "northern ireland" => "gb-nir",
                _ => "gb-eng",
            };
            (nation.into(), Role::LowerHouse)
        }
        "uk-lords" => ("gb".into(), Role::UpperHouse),
        "eu-parliament" => ("eu".into(), Role::Mep),
        "un" => ("un".into(), Role::UnMechanism),
        "government" => (country, Role::Minister),
        "company" => (country, Role::Company),
        "media" => (country, Role::Editor),
        "medical" => (country, Role::Regulator),
        _ => (country, Role::Legislator),
    }
}

/// An entry skipped because its date has passed: the letter falls back to a general ask, and
/// `write` and `templates check` warn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expired {
    /// What it is: "ask `us-senate-hr1503`", "context of `us`", "bill H.R.1503".
    pub entry: String,
    /// The date it expired.
    pub date: String,
    /// Where the data came from.
    pub origin: String,
}

impl std::fmt::Display for Expired {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the campaign data's {} expired on {} ({}), so the letter uses the general ask; update the campaign data (a newer outcry, or --campaign FILE / campaign.yaml in the config folder)",
            self.entry, self.date, self.origin
        )
    }
}

/// What a letter to one recipient on one topic should say, found by [`Campaign::fit`].
#[derive(Debug, Clone)]
pub struct Fit<'a> {
    /// The jurisdiction looked up first.
    pub jurisdiction: &'a Jurisdiction,
    /// The ask, and the jurisdiction it was found in.
    pub ask: &'a Ask,
    /// The context paragraph, if one is valid.
    pub context: Option<&'a Context>,
    /// The id of the jurisdiction the context comes from.
    pub context_of: Option<&'a str>,
    /// The bills the ask names, all still pending.
    pub bills: Vec<&'a Bill>,
    /// The laws in force along the chain (the jurisdiction first, then its parents).
    pub laws: Vec<&'a Law>,
    /// Facts that suit the topic, in file order.
    pub facts: Vec<&'a (String, Fact)>,
    /// Entries skipped because they expired.
    pub expired: Vec<Expired>,
}

/// The translations beside a campaign file `X.yaml`: every `X.LANG.yaml` in its folder, as
/// (language tag, path), sorted.
fn translation_files(path: &Path) -> Result<Vec<(String, PathBuf)>> {
    let (Some(dir), Some(stem)) = (path.parent(), path.file_stem().and_then(|s| s.to_str())) else {
        return Ok(Vec::new());
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut out: Vec<(String, PathBuf)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let language = name
                .strip_prefix(stem)?
                .strip_prefix('.')?
                .strip_suffix(".yaml")?
                .to_string();
            crate::support::text::is_language_tag(&language).then(|| (language, e.path()))
        })
        .collect();
    out.sort();
    Ok(out)
}

impl Campaign {
    /// The campaign data for this run: `explicit` (`--campaign FILE`) if given, else
    /// `campaign.yaml` in the config folder if present, else the built-in copy.
    pub fn load(explicit: Option<&Path>) -> Result<Campaign> {
        let user = crate::support::env::config_dir().join("campaign.yaml");
        let path: Option<PathBuf> = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => user.is_file().then_some(user),
        };
        match path {
            Some(p) => {
                let text = crate::support::fs::read_text(&p, "campaign data")?;
                let mut campaign =
                    Campaign::parse(&p.display().to_string(), &text).map_err(|problems| {
                        problems_error(
                            &format!("campaign data `{}` is invalid", p.display()),
                            &problems,
                            "the README of data/campaign describes the format",
                        )
                    })?;
                for (language, file) in translation_files(&p)? {
                    let text = crate::support::fs::read_text(&file, "campaign translation")?;
                    campaign
                        .add_translation(&file.display().to_string(), &language, &text)
                        .map_err(|problems| {
                            problems_error(
                                &format!("campaign translation `{}` is invalid", file.display()),
                                &problems,
                                "the README of data/campaign describes the format",
                            )
                        })?;
                }
                Ok(campaign)
            }
            None => Campaign::builtin(),
        }
    }

    /// The built-in campaign data, with its built-in translations.
    pub fn builtin() -> Result<Campaign> {
        let bug = |what: &str, p: Vec<Problem>| {
            problems_error(
                &format!("the built-in {what} is invalid"),
                &p,
                "this is a bug in outcry; please report it",
            )
        };
        let mut campaign =
            Campaign::parse("built-in", BUILTIN).map_err(|p| bug("campaign data", p))?;
        for (language, text) in BUILTIN_TRANSLATIONS {
            campaign
                .add_translation(
                    &format!("built-in:campaign.{language}.yaml"),
                    language,
                    text,
                )
                .map_err(|p| bug("campaign translation", p))?;
        }
        Ok(campaign)
    }

    /// Reads the translation of the prose into `language` from `text` (`origin` names it in
    /// problems) and checks it: its `language` key matches the file name, every id exists in
    /// the English data, and each entry has at least three wordings. Returns every problem,
    /// with lines.
    pub fn add_translation(
        &mut self,
        origin: &str,
        language: &str,
        text: &str,
    ) -> std::result::Result<(), Vec<Problem>> {
        let file = PathBuf::from(origin);
        let problem = |line: Option<usize>, message: String| Problem {
            file: file.clone(),
            line,
            message,
        };
        let line_of = |needle: &str| {
            text.lines()
                .position(|l| l.trim_start().starts_with(needle))
                .map(|i| i + 1)
        };
        crate::support::text::check_yaml_nesting(text)
            .map_err(|(line, why)| vec![problem(Some(line), why)])?;
        let t: Translation = serde_yaml::from_str(text)
            .map_err(|e| vec![problem(yaml_location(&e), yaml_reason(&e))])?;
        let mut problems = Vec::new();
        if t.language != language {
            problems.push(problem(
                line_of("language:"),
                format!(
                    "`language: {}` does not match the file name, which says `{language}`",
                    t.language
                ),
            ));
        }
        let known_fact = |id: &str| self.facts.iter().any(|(f, _)| f == id);
        let known_context = |id: &str| {
            self.jurisdictions
                .iter()
                .any(|j| j.id == id && j.context.is_some())
        };
        let known_ask = |id: &str| {
            self.jurisdictions
                .iter()
                .any(|j| j.asks.iter().any(|a| a.id == id))
        };
        type Entries = BTreeMap<String, Vec<String>>;
        type Known<'k> = &'k dyn Fn(&str) -> bool;
        let groups: [(&str, &Entries, Known); 3] = [
            ("fact", &t.facts, &known_fact),
            ("context of jurisdiction", &t.contexts, &known_context),
            ("ask", &t.asks, &known_ask),
        ];
        for (what, entries, known) in groups {
            for (id, wordings) in entries {
                let line = line_of(&format!("{id}:"));
                if !known(id) {
                    problems.push(problem(
                        line,
                        format!(
                            "there is no {what} `{id}` in the English campaign data ({})",
                            self.origin
                        ),
                    ));
                }
                if wordings.len() < 3 || wordings.iter().any(|w| w.trim().is_empty()) {
                    problems.push(problem(
                        line,
                        format!("{what} `{id}` needs at least three non-empty wordings, as in the English data"),
                    ));
                }
                if what == "ask" {
                    for w in wordings {
                        if !w.trim_end().ends_with(['?', '؟', ';']) {
                            problems.push(problem(
                                line,
                                format!("ask `{id}`: every wording is one yes/no question ending in a question mark: `{w}`"),
                            ));
                        }
                    }
                }
            }
        }
        if problems.is_empty() {
            self.translations.insert(language.to_string(), t);
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// The wordings of `id` (a fact, a jurisdiction's context or an ask) in `language`; the
    /// English ones are the caller's. `None` when there is no translation of it.
    pub fn wordings_in(&self, language: &str, what: Prose, id: &str) -> Option<&[String]> {
        let t = self.translations.get(language)?;
        let map = match what {
            Prose::Fact => &t.facts,
            Prose::Context => &t.contexts,
            Prose::Ask => &t.asks,
        };
        map.get(id).map(Vec::as_slice)
    }

    /// Parses and checks campaign data; returns every problem found, with lines where known.
    pub fn parse(origin: &str, text: &str) -> std::result::Result<Campaign, Vec<Problem>> {
        let file = PathBuf::from(origin);
        let problem = |line: Option<usize>, message: String| Problem {
            file: file.clone(),
            line,
            message,
        };
        let line_of = |needle: &str| {
            text.lines()
                .position(|l| l.trim_start().trim_start_matches("- ").starts_with(needle))
                .map(|i| i + 1)
        };
        crate::support::text::check_yaml_nesting(text)
            .map_err(|(line, why)| vec![problem(Some(line), why)])?;
        let raw: RawFile = serde_yaml::from_str(text)
            .map_err(|e| vec![problem(yaml_location(&e), yaml_reason(&e))])?;
        let mut problems = Vec::new();
        if raw.version != 1 {
            problems.push(problem(
                line_of("version:"),
                format!(
                    "version {} is not known; this outcry reads version 1",
                    raw.version
                ),
            ));
        }
        let decode = |key: &serde_yaml::Value, value: serde_yaml::Value, what: &str| {
            let id = key.as_str().unwrap_or_default().to_string();
            (id, value, what.to_string())
        };
        let mut sources = BTreeMap::new();
        for (k, v) in raw.sources {
            let (id, v, _) = decode(&k, v, "source");
            match serde_yaml::from_value::<Source>(v) {
                Ok(s) => {
                    sources.insert(id, s);
                }
                Err(e) => problems.push(problem(
                    line_of(&format!("{id}:")),
                    format!("source `{id}`: {}", yaml_reason(&e)),
                )),
            }
        }
        let mut facts = Vec::new();
        for (k, v) in raw.facts {
            let (id, v, _) = decode(&k, v, "fact");
            match serde_yaml::from_value::<Fact>(v) {
                Ok(f) => facts.push((id, f)),
                Err(e) => problems.push(problem(
                    line_of(&format!("{id}:")),
                    format!("fact `{id}`: {}", yaml_reason(&e)),
                )),
            }
        }
        let mut jurisdictions = Vec::new();
        for (k, v) in raw.jurisdictions {
            let (id, v, _) = decode(&k, v, "jurisdiction");
            match serde_yaml::from_value::<Jurisdiction>(v) {
                Ok(mut j) => {
                    j.id = id;
                    jurisdictions.push(j);
                }
                Err(e) => problems.push(problem(
                    line_of(&format!("{id}:")),
                    format!("jurisdiction `{id}`: {}", yaml_reason(&e)),
                )),
            }
        }
        let campaign = Campaign {
            origin: origin.to_string(),
            as_of: raw.as_of,
            sources,
            facts,
            jurisdictions,
            translations: BTreeMap::new(),
        };
        for (what, line) in campaign.check() {
            problems.push(problem(line.and_then(|l| line_of(&l)), what));
        }
        if problems.is_empty() {
            Ok(campaign)
        } else {
            Err(problems)
        }
    }

    /// Cross-checks: every referenced source, bill and parent exists; ask ids are unique;
    /// topics and roles are known; every item has wordings; an ask naming a bill expires by
    /// the bill's lapse date; `default` has an ask for every topic. Returns (message, a line
    /// prefix to locate it).
    fn check(&self) -> Vec<(String, Option<String>)> {
        let mut out = Vec::new();
        let mut need_source = |ids: &[String], whose: &str, line: &str| {
            for s in ids {
                if !self.sources.contains_key(s) {
                    out.push((
                        format!("{whose} cites source `{s}`, which is not under `sources`"),
                        Some(line.to_string()),
                    ));
                }
            }
        };
        for (id, f) in &self.facts {
            need_source(&f.sources, &format!("fact `{id}`"), &format!("{id}:"));
        }
        for j in &self.jurisdictions {
            for b in &j.bills {
                need_source(
                    &b.sources,
                    &format!("bill `{}`", b.id),
                    &format!("id: {}", b.id),
                );
            }
            for a in &j.asks {
                need_source(
                    &a.sources,
                    &format!("ask `{}`", a.id),
                    &format!("id: {}", a.id),
                );
            }
            if let Some(c) = &j.context {
                need_source(
                    &c.sources,
                    &format!("the context of `{}`", j.id),
                    &format!("{}:", j.id),
                );
            }
        }
        let mut ask_ids = HashSet::new();
        let ids: HashSet<&str> = self.jurisdictions.iter().map(|j| j.id.as_str()).collect();
        for j in &self.jurisdictions {
            if let Some(p) = &j.parent
                && !ids.contains(p.as_str())
            {
                out.push((
                    format!(
                        "jurisdiction `{}` names parent `{p}`, which is not defined",
                        j.id
                    ),
                    Some(format!("{}:", j.id)),
                ));
            }
            if let Some(c) = &j.context
                && c.wordings.is_empty()
            {
                out.push((
                    format!("the context of `{}` has no wordings", j.id),
                    Some(format!("{}:", j.id)),
                ));
            }
            for a in &j.asks {
                let at = Some(format!("id: {}", a.id));
                if !ask_ids.insert(a.id.as_str()) {
                    out.push((format!("ask id `{}` is used twice", a.id), at.clone()));
                }
                if !TOPICS.contains(&a.topic.as_str()) {
                    out.push((
                        format!(
                            "ask `{}` has unknown topic `{}` (known: {})",
                            a.id,
                            a.topic,
                            TOPICS.join(", ")
                        ),
                        at.clone(),
                    ));
                }
                for r in &a.roles {
                    if !ROLE_NAMES.contains(&r.as_str()) {
                        out.push((
                            format!(
                                "ask `{}` has unknown role `{r}` (known: {})",
                                a.id,
                                ROLE_NAMES.join(", ")
                            ),
                            at.clone(),
                        ));
                    }
                }
                if a.wordings.is_empty() || a.wordings.iter().any(|w| !w.trim_end().ends_with('?'))
                {
                    out.push((
                        format!(
                            "ask `{}` needs wordings that are each one question ending in `?`",
                            a.id
                        ),
                        at.clone(),
                    ));
                }
                for b in &a.bills {
                    match j.bills.iter().find(|x| &x.id == b) {
                        None => out.push((
                            format!(
                                "ask `{}` names bill `{b}`, which is not under the bills of `{}`",
                                a.id, j.id
                            ),
                            at.clone(),
                        )),
                        Some(bill) => {
                            if let Some(lapse) = &bill.lapses_on
                                && a.valid_until.as_deref().is_none_or(|v| v > lapse.as_str())
                            {
                                out.push((
                                    format!(
                                        "ask `{}` names bill {} but is valid after the bill lapses on {lapse}; give it `valid_until` no later than that",
                                        a.id, bill.number
                                    ),
                                    at.clone(),
                                ));
                            }
                        }
                    }
                }
                for date in a.valid_until.iter() {
                    if date.parse::<jiff::civil::Date>().is_err() {
                        out.push((
                            format!("ask `{}`: `valid_until` `{date}` is not a date", a.id),
                            at.clone(),
                        ));
                    }
                }
            }
            for b in &j.bills {
                for date in b.lapses_on.iter().chain(std::iter::once(&b.as_of)) {
                    if date.parse::<jiff::civil::Date>().is_err() {
                        out.push((
                            format!("bill `{}`: `{date}` is not a date (YYYY-MM-DD)", b.id),
                            Some(format!("id: {}", b.id)),
                        ));
                    }
                }
            }
        }
        match self.jurisdiction("default") {
            None => out.push(("there is no `default` jurisdiction".into(), None)),
            Some(d) => {
                for topic in TOPICS {
                    if !d
                        .asks
                        .iter()
                        .any(|a| &a.topic == topic && a.valid_until.is_none())
                    {
                        out.push((
                            format!("`default` has no lasting ask for topic `{topic}`, so some letters would have none"),
                            Some("default:".into()),
                        ));
                    }
                }
            }
        }
        out
    }

    /// A jurisdiction by id.
    pub fn jurisdiction(&self, id: &str) -> Option<&Jurisdiction> {
        self.jurisdictions.iter().find(|j| j.id == id)
    }

    /// The chain of jurisdictions to look in: `id` (when defined), its parents, then `default`.
    fn chain(&self, id: &str) -> Vec<&Jurisdiction> {
        let mut out: Vec<&Jurisdiction> = Vec::new();
        let mut next = self.jurisdiction(id);
        while let Some(j) = next {
            if out.iter().any(|o| o.id == j.id) {
                break;
            }
            out.push(j);
            next = j.parent.as_deref().and_then(|p| self.jurisdiction(p));
        }
        if !out.iter().any(|j| j.id == "default")
            && let Some(d) = self.jurisdiction("default")
        {
            out.push(d);
        }
        out
    }

    /// What a letter on `topic` to someone in `role` in `jurisdiction` should ask on `today`.
    ///
    /// Errors only when the data has no ask at all for the topic (the checks in [`parse`]
    /// prevent that for valid files).
    pub fn fit(
        &self,
        jurisdiction: &str,
        topic: &str,
        role: Role,
        today: jiff::civil::Date,
    ) -> Result<Fit<'_>> {
        let chain = self.chain(jurisdiction);
        let mut expired = Vec::new();
        let mut found: Option<&Ask> = None;
        // An exact role beats `legislator`, jurisdiction by jurisdiction.
        'search: for j in &chain {
            for exact in [true, false] {
                for a in &j.asks {
                    let fits = if exact {
                        a.roles.iter().any(|r| r == role.name())
                    } else {
                        a.roles.iter().any(|r| role.fits(r))
                    };
                    if a.topic != topic || !fits {
                        continue;
                    }
                    match self.ask_expiry(j, a, today) {
                        Some(e) => {
                            if !expired.contains(&e) {
                                expired.push(e);
                            }
                        }
                        None => {
                            found = Some(a);
                            break 'search;
                        }
                    }
                }
            }
        }
        let ask = found.ok_or_else(|| {
            Error::failure(format!(
                "the campaign data ({}) has no ask for topic `{topic}` and role `{}`",
                self.origin,
                role.name()
            ))
            .hint("add one under `default` in the campaign data")
        })?;
        let home = chain
            .iter()
            .find(|j| j.asks.iter().any(|a| std::ptr::eq(a, ask)));
        let bills = home
            .map(|j| {
                j.bills
                    .iter()
                    .filter(|b| ask.bills.contains(&b.id))
                    .collect()
            })
            .unwrap_or_default();
        let mut context = None;
        let mut context_of = None;
        for j in &chain {
            if let Some(c) = &j.context {
                match c.valid_until.as_deref().filter(|v| is_past(v, today)) {
                    Some(v) => {
                        let e = Expired {
                            entry: format!("context of `{}`", j.id),
                            date: v.to_string(),
                            origin: self.origin.clone(),
                        };
                        if !expired.contains(&e) {
                            expired.push(e);
                        }
                    }
                    None => {
                        context = Some(c);
                        context_of = Some(j.id.as_str());
                        break;
                    }
                }
            }
        }
        Ok(Fit {
            jurisdiction: chain[0],
            ask,
            context,
            context_of,
            bills,
            laws: chain.iter().flat_map(|j| j.laws.iter()).collect(),
            facts: self
                .facts
                .iter()
                .filter(|(_, f)| f.topics.iter().any(|t| t == topic))
                .collect(),
            expired,
        })
    }

    /// Why an ask may not be used on `today`, if it may not.
    fn ask_expiry(&self, j: &Jurisdiction, a: &Ask, today: jiff::civil::Date) -> Option<Expired> {
        if let Some(v) = a.valid_until.as_deref().filter(|v| is_past(v, today)) {
            return Some(Expired {
                entry: format!("ask `{}`", a.id),
                date: v.to_string(),
                origin: self.origin.clone(),
            });
        }
        for b in j.bills.iter().filter(|b| a.bills.contains(&b.id)) {
            if let Some(l) = b.lapses_on.as_deref().filter(|l| has_come(l, today)) {
                return Some(Expired {
                    entry: format!("bill {} (ask `{}`)", b.number, a.id),
                    date: l.to_string(),
                    origin: self.origin.clone(),
                });
            }
        }
        None
    }

    /// Every entry that has expired by `today`, for `templates check`.
    pub fn expired(&self, today: jiff::civil::Date) -> Vec<Expired> {
        let mut out = Vec::new();
        for j in &self.jurisdictions {
            for a in &j.asks {
                if let Some(e) = self.ask_expiry(j, a, today)
                    && !out.contains(&e)
                {
                    out.push(e);
                }
            }
            if let Some(v) = j
                .context
                .as_ref()
                .and_then(|c| c.valid_until.as_deref())
                .filter(|v| is_past(v, today))
            {
                out.push(Expired {
                    entry: format!("context of `{}`", j.id),
                    date: v.to_string(),
                    origin: self.origin.clone(),
                });
            }
        }
        out
    }
}

/// Whether the last valid day `until` is before `today` (the day itself is still valid).
fn is_past(until: &str, today: jiff::civil::Date) -> bool {
    until.parse::<jiff::civil::Date>().is_ok_and(|d| d < today)
}

/// Whether the day `date` (a lapse date: the bill is dead from that day) has come by `today`.
fn has_come(date: &str, today: jiff::civil::Date) -> bool {
    date.parse::<jiff::civil::Date>().is_ok_and(|d| d <= today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> jiff::civil::Date {
        s.parse().unwrap()
    }

    #[test]
    fn the_builtin_data_is_valid() {
        let c = Campaign::builtin().unwrap();
        assert!(c.jurisdiction("default").is_some());
        assert!(c.jurisdiction("us-tx").is_some());
    }

    #[test]
    fn us_senators_get_the_bill_until_it_lapses() {
        let c = Campaign::builtin().unwrap();
        let now = c
            .fit("us", "law", Role::UpperHouse, date("2026-11-29"))
            .unwrap();
        assert!(
            now.bills.iter().any(|b| b.number == "H.R.1503"),
            "{:?}",
            now.ask.id
        );
        assert!(now.expired.is_empty());
        let later = c
            .fit("us", "law", Role::UpperHouse, date("2027-01-04"))
            .unwrap();
        assert!(later.bills.is_empty(), "{}", later.ask.id);
        assert!(later.ask.wordings.iter().all(|w| !w.contains("H.R.")));
        assert!(!later.expired.is_empty());
    }

    #[test]
    fn a_state_with_a_law_is_not_asked_for_it() {
        let c = Campaign::builtin().unwrap();
        let tx = c
            .fit("us-tx", "law", Role::UpperHouse, date("2026-11-29"))
            .unwrap();
        assert!(!tx.laws.is_empty());
        assert!(tx.ask.wordings.iter().all(|w| !w.contains("H.R.1503")));
    }

    #[test]
    fn problems_name_their_lines() {
        let text = "version: 1\nas_of: \"2026-11-29\"\nsources: {}\nfacts: {}\njurisdictions:\n  default:\n    name: D\n    asks:\n      - id: a\n        topic: law\n        roles: [wizard]\n        wordings: [\"Will you?\"]\n        sources: [nope]\n";
        let problems = Campaign::parse("c.yaml", text).unwrap_err();
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            text.iter()
                .any(|p| p.starts_with("c.yaml:9: ask `a` cites source `nope`")),
            "{text:?}"
        );
        assert!(
            text.iter().any(|p| p.contains("unknown role `wizard`")),
            "{text:?}"
        );
    }
}
