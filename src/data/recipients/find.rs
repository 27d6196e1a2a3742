//! Finding "my" representatives from what a person knows: a US ZIP code (ZIP+4 too), a state
//! and district, a UK postcode (full, sector or district), or a UK constituency, town, council
//! or county name (forgiving of typos and of the usual variants).
//!
//! The ZIP table is the Census Bureau's ZCTA-to-district relationship for the 119th Congress
//! (via OpenSourceActivismTech/us-zipcodes-congress), compiled in unless `outcry data update`
//! replaced it ([`ZipTable`]). ZCTAs approximate ZIP codes; a ZIP that spans several districts
//! returns every member and says why. The Census table has no ZCTAs for four territories, so
//! their ZIP ranges (USPS) are known here: each sends one delegate. UK postcodes go through the
//! offline lookup in [`super::uk_postcodes`]. Place names match whole words ("Hull" is not
//! Solihull), with `St`/`Saint`, `&`/`and`, Welsh constituency names and a few local names
//! ("Derry") understood; typos are measured by Levenshtein distance (`strsim`).
//!
//! May import: [`crate::error`], [`crate::support`], its parent [`super`].

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::uk_postcodes::{self, Lookup, PostcodeKind, PostcodeTable};
use super::{Directory, Recipient, fold};
use crate::error::{Error, Result};

/// The built-in ZCTA → district rows: `state_fips,state_abbr,zcta,cd`.
const ZIP_TABLE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/recipients/us-zip-districts.csv"
));

/// The Capitol switchboard, which puts callers through to any member's office (published by
/// the House and the Senate); given for members whose own office is not in the data yet.
pub const CAPITOL_SWITCHBOARD: &str = "202-224-3121";

/// What a lookup found.
#[derive(Debug, Default, serde::Serialize)]
pub struct Found<'a> {
    /// The representatives, senators first; for a place or partial postcode, best match first.
    pub recipients: Vec<&'a Recipient>,
    /// Anything the person should know (several districts, a vacant seat, a council's
    /// constituencies).
    pub notes: Vec<String>,
    /// For a partial postcode: recipient id → the share of the area's postcodes in their
    /// constituency (0 to 1).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub shares: BTreeMap<String, f64>,
    /// Whether the result came from the UK postcode lookup (its attribution must be shown).
    #[serde(skip)]
    pub postcode: bool,
    /// For a full UK postcode: its constituency's name and ONS code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub constituency: Option<(String, String)>,
}

/// A ZIP → congressional district table: the built-in one or an update from the data folder.
/// Rows are `state_fips,state_abbr,zcta,cd` with a header line, as in `zccd.csv`.
#[derive(Debug, Clone)]
pub struct ZipTable {
    text: Cow<'static, str>,
}

impl ZipTable {
    /// The table compiled into outcry.
    pub fn builtin() -> ZipTable {
        ZipTable {
            text: Cow::Borrowed(ZIP_TABLE),
        }
    }

    /// A table from a checked `zccd.csv`-shaped text (see [`ZipTable::check`]).
    pub fn from_text(text: String) -> ZipTable {
        ZipTable {
            text: Cow::Owned(text),
        }
    }

    /// Every problem in a `zccd.csv`-shaped text, as (line, message); empty when it is usable.
    /// Needs the header `state_fips,state_abbr,zcta,cd`, five-digit ZCTAs, known state codes and
    /// district numbers.
    pub fn check(text: &str) -> Vec<(usize, String)> {
        let mut problems = Vec::new();
        let mut lines = text.lines();
        match lines.next().map(|h| h.trim_start_matches('\u{feff}').trim()) {
            Some("state_fips,state_abbr,zcta,cd") => {}
            other => problems.push((
                1,
                format!(
                    "the header is `{}`, not `state_fips,state_abbr,zcta,cd` (the zccd.csv of us-zipcodes-congress)",
                    other.unwrap_or("")
                ),
            )),
        }
        let mut rows = 0;
        for (i, line) in lines.enumerate() {
            let n = i + 2;
            if line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.trim_end_matches('\r').split(',').collect();
            if f.len() != 4 {
                problems.push((n, format!("expected 4 fields, found {}", f.len())));
                continue;
            }
            if us_state_name(f[1]).is_none() {
                problems.push((n, format!("`{}` is not a US state code", f[1])));
            }
            if f[2].len() != 5 || !f[2].bytes().all(|b| b.is_ascii_digit()) {
                problems.push((n, format!("`{}` is not a five-digit ZIP code", f[2])));
            }
            if f[3].trim().parse::<u32>().is_err() {
                problems.push((n, format!("`{}` is not a district number", f[3])));
            }
            rows += 1;
        }
        if rows == 0 && problems.is_empty() {
            problems.push((1, "the table has no rows".into()));
        }
        problems
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.text
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .count()
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn rows(&self) -> impl Iterator<Item = (&str, &str, u32)> {
        self.text.lines().skip(1).filter_map(|line| {
            let mut f = line.trim_end_matches('\r').split(',');
            let (_, state, zcta, cd) = (f.next(), f.next()?, f.next()?, f.next()?);
            Some((state, zcta, cd.trim().parse().ok()?))
        })
    }

    /// The districts of a five-digit ZIP code, as (state, district number; 0 = at large).
    pub fn districts(&self, zip: &str) -> Vec<(String, u32)> {
        if let Some(state) = territory_of(zip) {
            return vec![(state.to_string(), 0)];
        }
        self.rows()
            .filter(|(_, z, _)| *z == zip)
            .map(|(s, _, d)| (s.to_string(), d))
            .collect()
    }

    /// The district numbers the table knows for `state` (0 alone for an at-large state).
    pub fn seats(&self, state: &str) -> BTreeSet<u32> {
        if TERRITORY_ZIPS.iter().any(|(s, _, _)| *s == state) {
            return BTreeSet::from([0]);
        }
        self.rows()
            .filter(|(s, _, _)| *s == state)
            .map(|(_, _, d)| d)
            .collect()
    }
}

/// ZIP ranges of the territories whose ZIP codes the Census ZCTA table leaves out (USPS
/// assignments): each territory is one at-large seat with a delegate.
const TERRITORY_ZIPS: &[(&str, u32, u32)] = &[
    ("VI", 801, 851),     // US Virgin Islands: 00801 to 00851
    ("AS", 96799, 96799), // American Samoa
    ("GU", 96910, 96932), // Guam
    ("MP", 96950, 96952), // Northern Mariana Islands
];

fn territory_of(zip: &str) -> Option<&'static str> {
    let n: u32 = zip.parse().ok()?;
    TERRITORY_ZIPS
        .iter()
        .find(|(_, lo, hi)| (*lo..=*hi).contains(&n))
        .map(|(s, _, _)| *s)
}

/// The districts of a ZIP code (five digits or ZIP+4), as (state, district number; 0 = at
/// large), from the ZIP table in use: an update from the data folder (read once), else the
/// built-in one. For code that has no [`Directory`] at hand (the letter conventions).
///
/// Errors (exit code 2): not a ZIP code.
pub fn zip_districts(zip: &str) -> Result<Vec<(String, u32)>> {
    static TABLE: std::sync::OnceLock<ZipTable> = std::sync::OnceLock::new();
    let five = parse_zip(zip).ok_or_else(|| {
        Error::usage(format!(
            "`{}` is not a US ZIP code (five digits, or ZIP+4)",
            zip.trim()
        ))
    })?;
    let table = TABLE.get_or_init(|| {
        match super::datasets::read_update("us-zip") {
            Ok(Some(u)) => u.table.map(ZipTable::from_text),
            _ => None,
        }
        .unwrap_or_else(ZipTable::builtin)
    });
    Ok(table.districts(&five))
}

/// The five-digit ZIP code in what a person typed: `94110`, `94110-1234`, `941101234` and
/// `94110 1234` all give `94110`; `None` when it is not a ZIP code.
pub fn parse_zip(text: &str) -> Option<String> {
    let t = text.trim();
    let digits: String = t.chars().filter(|c| c.is_ascii_digit()).collect();
    let shape_ok = t
        .chars()
        .all(|c| c.is_ascii_digit() || c == '-' || c == ' ')
        && t.chars().next().is_some_and(|c| c.is_ascii_digit());
    match digits.len() {
        5 if shape_ok && !t.contains(['-', ' ']) => Some(digits),
        9 if shape_ok && (t.len() == 9 || matches!(t.as_bytes().get(5), Some(b'-' | b' '))) => {
            Some(digits[..5].to_string())
        }
        _ => None,
    }
}

/// Whether `text` is made of digits (and a dash), so it was meant as a ZIP code.
fn looks_numeric(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == ' ')
}

/// Names of US states and territories by USPS code (case-insensitive).
pub fn us_state_name(code: &str) -> Option<&'static str> {
    US_STATES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code.trim()))
        .map(|(_, n)| *n)
}

/// USPS codes and names of the US states, DC and the territories.
pub const US_STATES: &[(&str, &str)] = &[
    ("AL", "Alabama"),
    ("AK", "Alaska"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("HI", "Hawaii"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("IA", "Iowa"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("ME", "Maine"),
    ("MD", "Maryland"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MS", "Mississippi"),
    ("MO", "Missouri"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VT", "Vermont"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
    ("DC", "the District of Columbia"),
    ("PR", "Puerto Rico"),
    ("GU", "Guam"),
    ("VI", "the US Virgin Islands"),
    ("AS", "American Samoa"),
    ("MP", "the Northern Mariana Islands"),
];

/// Whether `state` elects senators (the 50 states; not DC or the territories).
fn has_senators(state: &str) -> bool {
    !matches!(state, "DC" | "PR" | "GU" | "VI" | "AS" | "MP")
}

/// "NY-12", or "VT (at large)".
pub fn seat_name(state: &str, district: u32) -> String {
    if district == 0 {
        format!("{state} (at large)")
    } else {
        format!("{state}-{district}")
    }
}

/// Looks up whatever a person typed: a US ZIP code (five digits or ZIP+4), a UK postcode
/// (full, sector or district), or a UK constituency, town, council or county name.
///
/// Errors (exit code 2): a malformed ZIP code, a ZIP or postcode not in the tables, a
/// Northern Ireland postcode (the offline lookup does not cover it), or a place nothing
/// matches.
pub fn lookup<'a>(dir: &'a Directory, text: &str) -> Result<Found<'a>> {
    if looks_numeric(text) {
        return by_zip(dir, text);
    }
    if let Some(postcode) = uk_postcodes::normalise(text) {
        return by_postcode(dir, &postcode);
    }
    by_place(dir, text)
}

/// US lookup by state and districts: the state's senators and each district's member.
/// A seat with no member in the data is reported as vacant.
pub fn by_districts<'a>(dir: &'a Directory, seats: &[(String, u32)]) -> Found<'a> {
    let mut found = Found::default();
    let mut states: Vec<&str> = seats.iter().map(|(s, _)| s.as_str()).collect();
    states.dedup();
    for state in &states {
        if !has_senators(state) {
            found.notes.push(format!(
                "{} has no senators; its member of the House is a non-voting {}",
                capitalised(us_state_name(state).unwrap_or(state)),
                if *state == "PR" {
                    "Resident Commissioner"
                } else {
                    "Delegate"
                }
            ));
            continue;
        }
        found.recipients.extend(
            dir.current()
                .filter(|r| r.body == "us-senate" && r.region.as_deref() == Some(state)),
        );
        for r in dir
            .ended()
            .into_iter()
            .filter(|r| r.body == "us-senate" && r.region.as_deref() == Some(state))
        {
            found.notes.push(ended_note(r));
        }
    }
    for (state, district) in seats {
        let members: Vec<&Recipient> = dir
            .current()
            .filter(|r| {
                r.body == "us-house"
                    && r.region.as_deref() == Some(state.as_str())
                    && r.district.as_deref().and_then(|d| d.parse::<u32>().ok()) == Some(*district)
            })
            .collect();
        let gone: Vec<&Recipient> = dir
            .ended()
            .into_iter()
            .filter(|r| {
                r.body == "us-house"
                    && r.region.as_deref() == Some(state.as_str())
                    && r.district.as_deref().and_then(|d| d.parse::<u32>().ok()) == Some(*district)
            })
            .collect();
        for r in &gone {
            found.notes.push(ended_note(r));
        }
        if members.is_empty() && gone.is_empty() {
            found.notes.push(format!(
                "{} is vacant: the data has no member for it{}",
                seat_name(state, *district),
                dir.as_of_of("us-house")
                    .map(|d| format!(" (as of {d})"))
                    .unwrap_or_default()
            ));
        }
        found.recipients.extend(members);
    }
    for r in &found.recipients {
        if r.contact.shared.contains_key("phone")
            && r.contact.phone.as_deref() == Some(CAPITOL_SWITCHBOARD)
        {
            found.notes.push(format!(
                "{} has no office address or phone in the data yet; call the Capitol switchboard ({CAPITOL_SWITCHBOARD}) and ask for their office",
                r.name
            ));
        }
    }
    found
}

/// "Jon Husted's term as United States Senator for Ohio ended on 2026-11-03; ..."
fn ended_note(r: &Recipient) -> String {
    format!(
        "{}'s term{} ended on {}, so they are not listed; whoever holds the seat now is not in the data yet (see outcry data status to update it)",
        r.name,
        r.role
            .as_deref()
            .map(|role| format!(" as {role}"))
            .unwrap_or_default(),
        r.term_end.as_deref().unwrap_or("?")
    )
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// US lookup by a state and a district number, as typed (`--state AK --district 1`).
///
/// A district number in a state with a single at-large seat gives that seat's member, with a
/// note. Errors (exit code 2): an unknown state, a district the state does not have.
pub fn by_seat<'a>(dir: &'a Directory, state: &str, district: u32) -> Result<Found<'a>> {
    let state = state.trim().to_uppercase();
    let Some(name) = us_state_name(&state) else {
        return Err(
            Error::usage(format!("`{state}` is not a US state or territory code"))
                .hint("use the two-letter postal code, e.g. --state NY"),
        );
    };
    let seats = dir.zips().seats(&state);
    let at_large = seats.len() == 1 && seats.contains(&0);
    if at_large && district != 0 {
        let mut found = by_districts(dir, &[(state.clone(), 0)]);
        found.notes.insert(
            0,
            format!(
                "{} has a single seat in the House, elected at large (district 0); that is the member for district {district}",
                capitalised(name)
            ),
        );
        return Ok(found);
    }
    if !seats.contains(&district) {
        let count = seats.iter().filter(|d| **d > 0).count();
        let what = if district == 0 {
            "no at-large seat".to_string()
        } else {
            format!("no district {district}")
        };
        return Err(Error::usage(format!(
            "{} has {count} congressional district{} (1 to {count}); there is {what}",
            capitalised(name),
            if count == 1 { "" } else { "s" },
        ))
        .hint(format!(
            "find yours from your ZIP code: outcry recipients find --zip ZIP, or list them: outcry recipients list --body us-house --region {state}"
        )));
    }
    Ok(by_districts(dir, &[(state, district)]))
}

/// US lookup by ZIP code: five digits, or ZIP+4 (`94110-1234`, `941101234`).
///
/// Errors (exit code 2): not a ZIP code; a ZIP code the table does not have.
pub fn by_zip<'a>(dir: &'a Directory, zip: &str) -> Result<Found<'a>> {
    let Some(five) = parse_zip(zip) else {
        return Err(Error::usage(format!(
            "`{}` is not a US ZIP code (five digits, or ZIP+4)",
            zip.trim()
        ))
        .hint("for example: --zip 94110 or --zip 94110-1234"));
    };
    let seats = dir.zips().districts(&five);
    if seats.is_empty() {
        return Err(Error::usage(format!(
            "no congressional district is known for ZIP code `{five}`"
        ))
        .hint("the Census ZIP areas leave out PO-box-only and some new ZIP codes")
        .hint(
            "try --state XX --district N, or search by name: outcry recipients list --search NAME",
        ));
    }
    let mut found = by_districts(dir, &seats);
    if seats.len() > 1 {
        let names: Vec<String> = seats.iter().map(|(s, d)| seat_name(s, *d)).collect();
        found.notes.insert(
            0,
            format!(
                "ZIP code {five} spans {} congressional districts ({}); your street address decides which is yours, so every member is listed",
                seats.len(),
                names.join(", ")
            ),
        );
    }
    Ok(found)
}

/// The current MP for a constituency by its ONS code (`E14001172`), falling back to its name.
fn mp_for<'a>(dir: &'a Directory, c: &uk_postcodes::Constituency) -> Option<&'a Recipient> {
    let mps = || dir.current().filter(|r| r.body == "uk-commons");
    mps()
        .find(|r| r.ids.get("pcon_code") == Some(&c.gss_code))
        .or_else(|| mps().find(|r| r.district.as_deref() == Some(c.name.as_str())))
}

/// UK lookup by postcode: a full GB postcode gives its constituency's MP; a sector (`LS6 9`)
/// or district (`LS6`) lists the MPs of every constituency it overlaps, with shares.
///
/// Errors (exit code 2): a Northern Ireland postcode, a postcode not in the data.
pub fn by_postcode<'a>(dir: &'a Directory, postcode: &uk_postcodes::Postcode) -> Result<Found<'a>> {
    let table = PostcodeTable::embedded();
    let mut found = Found {
        postcode: true,
        ..Found::default()
    };
    match table.lookup(postcode) {
        Lookup::Exact(c) => {
            found.constituency = Some((c.name.clone(), c.gss_code.clone()));
            match mp_for(dir, &c) {
                Some(r) => found.recipients.push(r),
                None => found.notes.push(format!(
                    "{postcode} is in {}, which has no MP in the data (the seat may be vacant)",
                    c.name
                )),
            }
            Ok(found)
        }
        Lookup::Candidates { area, candidates } => {
            let what = match postcode.kind() {
                PostcodeKind::Full => format!(
                    "{postcode} is not in the postcode data (new since mid-2023, or mistyped); its sector or district"
                ),
                PostcodeKind::Sector => format!("the postcode sector {area}"),
                PostcodeKind::District => format!("the postcode district {area}"),
            };
            let parts: Vec<String> = candidates
                .iter()
                .map(|(c, share)| format!("{} {}%", c.name, percent(*share)))
                .collect();
            if candidates.len() == 1 {
                found
                    .notes
                    .push(format!("{what} lies wholly in {}", candidates[0].0.name));
            } else {
                found.notes.push(format!(
                    "{what} overlaps {} constituencies (share of its postcodes: {}); your full postcode decides which is yours",
                    candidates.len(),
                    parts.join(", ")
                ));
            }
            for (c, share) in &candidates {
                match mp_for(dir, c) {
                    Some(r) => {
                        found.shares.insert(r.id.to_string(), *share);
                        found.recipients.push(r);
                    }
                    None => found
                        .notes
                        .push(format!("{} has no MP in the data (the seat may be vacant)", c.name)),
                }
            }
            Ok(found)
        }
        Lookup::NorthernIreland => Err(Error::usage(format!(
            "`{postcode}` is a Northern Ireland postcode; the offline postcode lookup covers Great Britain only"
        ))
        .hint("give your constituency or town name instead, e.g. outcry recipients find Foyle, or find Belfast")),
        Lookup::NotFound => Err(Error::usage(format!(
            "no constituency is known for the postcode `{postcode}`"
        ))
        .hint("check it; postcodes created since mid-2023 are missing, and the Isle of Man and the Channel Islands have no MP")
        .hint("or give your constituency, town or council name, e.g. outcry recipients find Aldershot")),
    }
}

/// A share as a whole percentage, never 0 for a real share: 0.004 → "<1".
fn percent(share: f64) -> String {
    let p = (share * 100.0).round();
    if p < 1.0 { "<1".into() } else { format!("{p}") }
}

/// Local names that are not in any constituency or council name: (name, constituencies).
const PLACE_ALIASES: &[(&str, &[&str])] = &[
    ("derry", &["Foyle"]),
    ("londonderry", &["Foyle", "East Londonderry"]),
    ("derry londonderry", &["Foyle"]),
];

/// The words of a place name for matching: accents folded, lower case, `&` → `and`, `Saint` →
/// `st`, apostrophes dropped, every other mark a word break ("St. Helens" = "Saint Helens").
pub fn place_words(s: &str) -> Vec<String> {
    let folded = fold(s).replace('&', " and ").replace(['\'', '’', '‘'], "");
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w == "saint" {
                "st".to_string()
            } else {
                w.to_string()
            }
        })
        .collect()
}

/// Whether `needle` appears in `hay` as whole consecutive words.
fn has_words(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// UK lookup: a constituency, town, council or county name, forgiving of case, accents,
/// variants and typos.
///
/// Best first: a constituency of that name (English or Welsh) or a known local name ("Derry"
/// → Foyle); constituencies whose names contain the words; every constituency of a council
/// or county of that name (with a note); then near misses. A place that is both a
/// constituency and a council ("Wigan") gives the constituency first, then the council's
/// others. Errors (exit code 2): nothing matches.
pub fn by_place<'a>(dir: &'a Directory, place: &str) -> Result<Found<'a>> {
    let want = place_words(place);
    let shown = place.trim();
    if want.is_empty() {
        return Err(Error::usage(
            "give a constituency, town, council or postcode, or --zip",
        ));
    }
    let mps: Vec<&Recipient> = dir.current().filter(|r| r.body == "uk-commons").collect();
    let welsh = welsh_names();
    struct Seat<'r> {
        r: &'r Recipient,
        names: Vec<Vec<String>>,
        areas: Vec<Vec<String>>,
    }
    let seats: Vec<Seat> = mps
        .iter()
        .map(|r| {
            let district = r.district.as_deref().unwrap_or("");
            let mut names = vec![place_words(district)];
            if let Some(cy) = r.ids.get("pcon_code").and_then(|c| welsh.get(c.as_str())) {
                names.push(place_words(cy));
            }
            Seat {
                r,
                names,
                areas: r.areas.iter().map(|a| place_words(a)).collect(),
            }
        })
        .collect();

    let mut found = Found::default();
    let push = |found: &mut Found<'a>, r: &'a Recipient| {
        if !found.recipients.iter().any(|x| x.id == r.id) {
            found.recipients.push(r);
        }
    };

    // 1. The constituency itself, or a local name for it.
    let aliases: Vec<&str> = PLACE_ALIASES
        .iter()
        .filter(|(name, _)| place_words(name) == want)
        .flat_map(|(_, seats)| seats.iter().copied())
        .collect();
    for s in &seats {
        if s.names.contains(&want) {
            push(&mut found, s.r);
        }
    }
    for alias in &aliases {
        if let Some(s) = seats
            .iter()
            .find(|s| s.r.district.as_deref() == Some(alias))
        {
            push(&mut found, s.r);
        }
    }
    if !aliases.is_empty() && !found.recipients.is_empty() {
        let names: Vec<&str> = found
            .recipients
            .iter()
            .filter_map(|r| r.district.as_deref())
            .collect();
        found.notes.push(format!(
            "`{shown}` is in the constituenc{} of {}",
            if names.len() == 1 { "y" } else { "ies" },
            names.join(" and ")
        ));
    }
    let exact = found.recipients.len();

    // 2. A council or county of that name: all its constituencies.
    let council: Vec<&Recipient> = seats
        .iter()
        .filter(|s| s.areas.contains(&want))
        .map(|s| s.r)
        .collect();
    if !council.is_empty() && aliases.is_empty() {
        for r in &council {
            push(&mut found, r);
        }
        if found.recipients.len() > 1 {
            let names: Vec<&str> = council
                .iter()
                .filter_map(|r| r.district.as_deref())
                .collect();
            found.notes.push(if exact > 0 {
                format!(
                    "`{shown}` is a constituency and also a council area covering {} constituencies ({}); the constituency of that name is listed first, and your address or postcode decides which is yours",
                    council.len(),
                    names.join(", ")
                )
            } else {
                format!(
                    "`{shown}` is a council or county covering {} constituenc{} ({}); your address or postcode decides which is yours",
                    council.len(),
                    if council.len() == 1 { "y" } else { "ies" },
                    names.join(", ")
                )
            });
        }
    }
    if !found.recipients.is_empty() {
        return Ok(found);
    }

    // 3. Constituencies whose name contains the words; then councils that do.
    let tiers: [&dyn Fn(&Seat) -> bool; 2] =
        [&|s| s.names.iter().any(|n| has_words(n, &want)), &|s| {
            s.areas.iter().any(|a| has_words(a, &want))
        }];
    for (i, tier) in tiers.iter().enumerate() {
        for s in seats.iter().filter(|s| tier(s)) {
            push(&mut found, s.r);
        }
        if !found.recipients.is_empty() {
            if found.recipients.len() > 1 {
                found.notes.push(format!(
                    "`{shown}` matches {} {}; your address or postcode decides which is yours",
                    found.recipients.len(),
                    if i == 0 {
                        "constituency names"
                    } else {
                        "constituencies through their councils"
                    }
                ));
            }
            region_note(&mut found, dir, &want, shown);
            return Ok(found);
        }
    }

    // A whole region ("Wales", "London"): too many to list.
    let mut region = Found::default();
    region_note(&mut region, dir, &want, shown);
    if let Some(note) = region.notes.pop() {
        return Err(Error::usage(note)
            .hint("for example: outcry recipients find Camden, or find \"SW1A 0AA\""));
    }

    // 4. Near misses.
    let joined = want.join(" ");
    for s in &seats {
        let near = s.names.iter().chain(&s.areas).any(|n| {
            close(&n.join(" "), &joined) || (want.len() == 1 && n.iter().any(|w| close(w, &joined)))
        });
        if near {
            push(&mut found, s.r);
        }
    }
    if !found.recipients.is_empty() {
        found.notes.push(format!(
            "nothing matched `{shown}` exactly; these are the closest names"
        ));
        return Ok(found);
    }
    Err(Error::usage(format!(
        "no UK constituency, town or council matches `{shown}`"
    ))
    .hint("try the constituency name as on parliament.uk, your council, e.g. `Rushmoor`, or your postcode")
    .hint("for US representatives use --zip, or --state XX --district N"))
}

/// Adds a note when the words name a whole region ("London", "Wales"): too many to list.
fn region_note(found: &mut Found, dir: &Directory, want: &[String], shown: &str) {
    let count = dir
        .current()
        .filter(|r| r.body == "uk-commons")
        .filter(|r| r.region.as_deref().is_some_and(|g| place_words(g) == want))
        .count();
    if count > 0 {
        found.notes.push(format!(
            "`{shown}` is a region with {count} constituencies; give your borough, council, town or postcode to find yours"
        ));
    }
}

/// Welsh constituency names by ONS code, from the postcode lookup's constituency list.
fn welsh_names() -> BTreeMap<&'static str, &'static str> {
    PostcodeTable::embedded()
        .constituencies()
        .iter()
        .filter_map(|c| Some((c.gss_code.as_str(), c.name_cy.as_deref()?)))
        .collect()
}

/// Whether two words are within a small edit distance (one typo per five letters).
fn close(a: &str, b: &str) -> bool {
    let limit = (b.chars().count() / 5).clamp(1, 3);
    a.len().abs_diff(b.len()) <= limit && strsim::levenshtein(a, b) <= limit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zip_table() {
        let t = ZipTable::builtin();
        assert_eq!(t.districts("05401"), [("VT".to_string(), 0)]);
        assert_eq!(t.districts("10001").len(), 2);
        assert!(t.districts("00000").is_empty());
        assert_eq!(t.districts("96910"), [("GU".to_string(), 0)]);
        assert_eq!(t.districts("00802"), [("VI".to_string(), 0)]);
        assert_eq!(t.districts("96799"), [("AS".to_string(), 0)]);
        assert_eq!(t.districts("96950"), [("MP".to_string(), 0)]);
        assert_eq!(t.seats("AK"), BTreeSet::from([0]));
        assert_eq!(t.seats("MA").len(), 9);
        assert!(ZipTable::check(ZIP_TABLE).is_empty());
        assert_eq!(
            ZipTable::check("state_fips,state_abbr,zcta,cd\n01,AL,3016,3\n01,XX,30165,x\n"),
            [
                (2, "`3016` is not a five-digit ZIP code".to_string()),
                (3, "`XX` is not a US state code".to_string()),
                (3, "`x` is not a district number".to_string())
            ]
        );
    }

    #[test]
    fn zip_shapes() {
        assert_eq!(parse_zip("94110").as_deref(), Some("94110"));
        assert_eq!(parse_zip(" 94110-1234 ").as_deref(), Some("94110"));
        assert_eq!(parse_zip("941101234").as_deref(), Some("94110"));
        assert_eq!(parse_zip("94110 1234").as_deref(), Some("94110"));
        for bad in [
            "9411",
            "94110-123",
            "9411-01234",
            "94110-",
            "-94110",
            "94110123",
            "abcde",
        ] {
            assert_eq!(parse_zip(bad), None, "{bad}");
        }
    }

    #[test]
    fn words() {
        assert_eq!(place_words("St. Helens"), place_words("Saint Helens"));
        assert_eq!(
            place_words("Brighton & Hove"),
            place_words("brighton and hove")
        );
        assert_eq!(place_words("King's Lynn"), ["kings", "lynn"]);
        let hay = place_words("Kingston upon Hull East");
        assert!(has_words(&hay, &place_words("hull")));
        assert!(!has_words(&place_words("Solihull"), &place_words("hull")));
        assert!(!has_words(
            &place_words("East Londonderry"),
            &place_words("London")
        ));
        assert!(close("aldershot", "aldrshot"));
        assert!(close("aldershot", "aldershott"));
    }
}
