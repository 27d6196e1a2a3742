//! Offline UK postcode → Westminster constituency lookup (2024 boundaries, Great Britain).
//!
//! A full postcode ("SW1A 0AA") gives exactly one constituency. A postcode sector ("LS6 9")
//! or district ("LS6") gives the constituencies it overlaps, each with the share of the
//! area's postcodes that lie in it. Northern Ireland (`BT…`) is not covered: the lookups say so
//! with [`Lookup::NorthernIreland`], so callers can ask for a constituency or town name instead.
//!
//! # Data
//! Compiled in from `data/sources/uk-postcodes/` (see its `NOTES.md`):
//! * `pcon_2024.json` and `pcon_2024_lookup.json`: mySociety's postcode range table and its
//!   650 constituencies (github.com/mysociety/2025-constituencies, commit `a0b99a6`, 2024-07-02).
//!   Decoded once, on first use, as mySociety's own converter (`docs/js/mini_lookup.js`) does.
//! * `sector_pcon2024_gb.csv` and `district_pcon2024_gb.csv`: per sector and per district, the
//!   number of postcodes in each constituency. They are searched in place (they are sorted),
//!   so they are never decoded into memory.
//!
//! The postcodes are OS Code-Point Open as of mid-2023 (postcodes created since are missing),
//! placed by their centroid in the constituency boundaries in force since the 4 July 2024
//! general election. Licence: CC BY 4.0 (mySociety), built from OGL v3 data; show
//! [`ATTRIBUTION`] wherever results are shown or redistributed.
//!
//! May import: nothing from the crate (std and `serde_json` only).

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// The range table: `postcode_keys` (difference-coded range starts), `value_key`, `value_values`.
const RANGES_JSON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/sources/uk-postcodes/pcon_2024.json"
));
/// `UKPARL.2025.XXX` → name, Welsh name, GSS code, three-letter code.
const NAMES_JSON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/sources/uk-postcodes/pcon_2024_lookup.json"
));
/// `sector,pcon24_code,pcon24_name,postcodes,share,rank,n_constituencies`, sorted by sector.
const SECTORS_CSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/sources/uk-postcodes/sector_pcon2024_gb.csv"
));
/// The same per district (outward code), sorted by district.
const DISTRICTS_CSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/sources/uk-postcodes/district_pcon2024_gb.csv"
));

/// The attribution to show with any result of this module (OGL v3 for the postcodes and
/// boundaries, CC BY 4.0 for mySociety's lookup), verbatim from the data's notes. The four
/// statements are separated by "; ".
pub const ATTRIBUTION: &str = "Contains OS data © Crown copyright and database right; \
Contains Royal Mail data © Royal Mail copyright and database right; \
Contains National Statistics data © Crown copyright and database right; \
constituency lookup © mySociety (CC BY 4.0)";

/// Where the lookup comes from and its licence, with links, for an "about" or credits page.
pub const SOURCE: &str = "UK Parliament 2024 postcode lookup by mySociety \
(https://github.com/mysociety/2025-constituencies), licensed under CC BY 4.0 \
(https://creativecommons.org/licenses/by/4.0/); postcodes from OS Code-Point Open (mid-2023) \
and boundaries from the Boundary Commissions, under the Open Government Licence v3.0 \
(https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/)";

/// A UK postcode, or the first part of one, in canonical form: upper case, one space between
/// the outward code and the rest. Made by [`normalise`], so always well-formed.
///
/// The outward code (district) is the area (one or two letters) followed by one of
/// `9`, `99` or `9A`; so `A9`, `A99`, `A9A`, `AA9`, `AA99`, `AA9A` (e.g. `M1`, `B33`, `W1A`,
/// `LS6`, `SW11`, `SW1A`). The inward code is a digit and two letters (`0AA`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Postcode {
    text: String,
    kind: PostcodeKind,
}

/// How much of a postcode a [`Postcode`] has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PostcodeKind {
    /// A full postcode, e.g. `"SW1A 0AA"`: outward code, space, inward code.
    Full,
    /// A postcode sector, e.g. `"LS6 9"`: outward code, space, the inward code's digit.
    Sector,
    /// A postcode district (the outward code alone), e.g. `"LS6"`.
    District,
}

impl Postcode {
    fn new(kind: PostcodeKind, text: String) -> Postcode {
        Postcode { text, kind }
    }

    /// Full postcode, sector or district.
    pub fn kind(&self) -> PostcodeKind {
        self.kind
    }

    /// The canonical text: `"SW1A 0AA"`, `"LS6 9"` or `"LS6"`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The district (outward code): `"SW1A"` for `"SW1A 0AA"`.
    pub fn district(&self) -> &str {
        self.text.split(' ').next().unwrap_or(&self.text)
    }

    /// The sector: `"SW1A 0"` for `"SW1A 0AA"` or `"SW1A 0"`; `None` for a district.
    pub fn sector(&self) -> Option<&str> {
        match self.kind {
            // ASCII by construction: the inward code's two letters are two bytes.
            PostcodeKind::Full => Some(&self.text[..self.text.len() - 2]),
            PostcodeKind::Sector => Some(&self.text),
            PostcodeKind::District => None,
        }
    }

    /// The postcode area, its leading letters: `"SW"` for `"SW1A 0AA"`, `"M"` for `"M1 1AE"`.
    pub fn area(&self) -> &str {
        let letters = self.text.bytes().take_while(u8::is_ascii_uppercase).count();
        &self.text[..letters]
    }

    /// Whether this is a Northern Ireland postcode (area `BT`), which the lookup does not cover.
    pub fn is_northern_ireland(&self) -> bool {
        self.area() == "BT"
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Parses what a person typed as a postcode, a sector or a district; `None` if it is none of
/// them.
///
/// Case does not matter, and leading, trailing and repeated whitespace (any Unicode
/// whitespace) is ignored. Accepted shapes, with `OUT` an outward code as described on
/// [`Postcode`]:
/// * `OUT 9AA` or `OUT9AA` → [`PostcodeKind::Full`] (`"sw1a0aa"`, `" SW1A  0AA "` →
///   `"SW1A 0AA"`); spaces in other places are also accepted for a full postcode (`"SW1A 0 AA"`);
/// * `OUT 9` → [`PostcodeKind::Sector`] (`"ls6 9"` → `"LS6 9"`); the space is required, as
///   `"LS69"` reads as the district `LS69`;
/// * `OUT` → [`PostcodeKind::District`] (`"ls6"` → `"LS6"`).
///
/// Rejected (`None`): empty input, other characters (hyphens, punctuation, non-ASCII letters),
/// a partial inward code (`"SW1A 0A"`), anything longer. Only the shape is checked: whether the
/// postcode exists is for [`PostcodeTable`] to say. The non-geographic `GIR 0AA` and overseas
/// territory postcodes (`ASCN 1ZZ`…) are rejected; `BT` (Northern Ireland) and the Crown
/// dependencies (`IM`, `JE`, `GY`) are accepted here and not found by the lookup.
pub fn normalise(input: &str) -> Option<Postcode> {
    if !input.is_ascii() && !input.chars().all(|c| c.is_ascii() || c.is_whitespace()) {
        return None;
    }
    let upper = input.to_ascii_uppercase();
    let parts: Vec<&str> = upper.split_whitespace().collect();
    match parts.as_slice() {
        [one] => {
            if is_outward(one) {
                return Some(Postcode::new(PostcodeKind::District, one.to_string()));
            }
            full_without_space(one)
        }
        [outward, rest] if is_outward(outward) && is_inward(rest) => Some(Postcode::new(
            PostcodeKind::Full,
            format!("{outward} {rest}"),
        )),
        [outward, rest]
            if is_outward(outward) && rest.len() == 1 && rest.as_bytes()[0].is_ascii_digit() =>
        {
            Some(Postcode::new(
                PostcodeKind::Sector,
                format!("{outward} {rest}"),
            ))
        }
        [] => None,
        _ => full_without_space(&parts.concat()),
    }
}

/// `"SW1A0AA"` → `Full("SW1A 0AA")`.
fn full_without_space(s: &str) -> Option<Postcode> {
    let split = s.len().checked_sub(3)?;
    let (outward, inward) = (s.get(..split)?, s.get(split..)?);
    (is_outward(outward) && is_inward(inward))
        .then(|| Postcode::new(PostcodeKind::Full, format!("{outward} {inward}")))
}

/// `A9`, `A99`, `A9A`, `AA9`, `AA99`, `AA9A` (upper case).
fn is_outward(s: &str) -> bool {
    let b = s.as_bytes();
    let letter = |i: usize| b[i].is_ascii_uppercase();
    let digit = |i: usize| b[i].is_ascii_digit();
    match b.len() {
        2 => letter(0) && digit(1),
        3 => letter(0) && ((digit(1) && (digit(2) || letter(2))) || (letter(1) && digit(2))),
        4 => letter(0) && letter(1) && digit(2) && (digit(3) || letter(3)),
        _ => false,
    }
}

/// `9AA` (upper case).
fn is_inward(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 3 && b[0].is_ascii_digit() && b[1].is_ascii_uppercase() && b[2].is_ascii_uppercase()
}

/// A Westminster constituency (2024 boundaries).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Constituency {
    /// The official name, e.g. `"Cities of London and Westminster"` (UTF-8: `"Ynys Môn"`).
    pub name: String,
    /// The ONS GSS code: `E14…` (England), `W07…` (Wales), `S14…` (Scotland), `N05…`
    /// (Northern Ireland), e.g. `"E14001172"`. The `pcon_code` of an MP in the recipients data.
    pub gss_code: String,
    /// The Welsh name, where it differs (24 of the 32 constituencies in Wales), e.g.
    /// `"De Caerdydd a Phenarth"`.
    pub name_cy: Option<String>,
}

/// The answer to [`PostcodeTable::lookup`].
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    /// The full postcode is in exactly this constituency.
    Exact(Constituency),
    /// The constituencies that `area` (a sector such as `"LS6 9"` or a district such as
    /// `"LS6"`) overlaps, as in [`PostcodeTable::candidates`]: share of the area's postcodes
    /// (0 < share ≤ 1, together 1), largest first. Given for a sector or district, and for a
    /// full postcode that the table does not know (see [`PostcodeTable::lookup_full`]). A
    /// single candidate with share 1.0 is certain for every postcode in the data.
    Candidates {
        /// The sector or district the candidates are for.
        area: String,
        /// The constituencies and their shares, largest share first.
        candidates: Vec<(Constituency, f64)>,
    },
    /// A Northern Ireland (`BT`) postcode: not covered. Ask for the constituency or town name.
    NorthernIreland,
    /// Neither the postcode nor its sector or district is in the data: a mistyped or made-up
    /// postcode, a Crown dependency (`IM`, `JE`, `GY`; not in the UK Parliament), or an area
    /// created since mid-2023.
    NotFound,
}

/// Marks a range with no constituency (postcodes without coordinates).
const NONE: u16 = u16::MAX;

/// The postcode → constituency table, compiled in and decoded on first use; get it with
/// [`PostcodeTable::embedded`].
///
/// It holds the 54,076 range starts of mySociety's table (as `u64`) and a constituency index
/// per range (`u16`), about 540 KB, plus the 650 constituencies (about 60 KB). Decoding
/// takes a few milliseconds in a release build.
#[derive(Debug)]
pub struct PostcodeTable {
    /// Range starts, strictly ascending: a postcode without its space, read in base 36.
    keys: Box<[u64]>,
    /// Per range, an index into `constituencies`, or [`NONE`].
    values: Box<[u16]>,
    /// All 650 constituencies (GB and NI), sorted by GSS code.
    constituencies: Box<[Constituency]>,
}

static TABLE: OnceLock<PostcodeTable> = OnceLock::new();

/// Parses one JSON value of type `$t` at the start of `$s` (after optional whitespace);
/// evaluates to `Result<(value, rest of $s), String>`.
macro_rules! json_prefix {
    ($s:expr, $t:ty) => {{
        let s: &str = $s;
        let mut stream = serde_json::Deserializer::from_str(s).into_iter::<$t>();
        match stream.next() {
            Some(Ok(v)) => Ok((v, &s[stream.byte_offset()..])),
            Some(Err(e)) => Err(format!("pcon_2024.json: {e}")),
            None => Err("pcon_2024.json: unexpected end".to_string()),
        }
    }};
}

impl PostcodeTable {
    /// The compiled-in table, decoded on the first call (thread-safe, once per process).
    ///
    /// # Panics
    /// If the compiled-in data were malformed, which the module's tests rule out.
    pub fn embedded() -> &'static PostcodeTable {
        TABLE.get_or_init(|| {
            PostcodeTable::decode(RANGES_JSON, NAMES_JSON)
                .unwrap_or_else(|e| panic!("compiled-in UK postcode data: {e}"))
        })
    }

    /// Everything known about `postcode`: [`Lookup::Exact`] for a full postcode in the data,
    /// else the candidates of its sector, else those of its district (see [`Lookup`]).
    pub fn lookup(&self, postcode: &Postcode) -> Lookup {
        if postcode.is_northern_ireland() {
            return Lookup::NorthernIreland;
        }
        if let Some(c) = self.lookup_full(postcode) {
            return Lookup::Exact(c);
        }
        let sector = postcode.sector();
        for (csv, area) in [
            (SECTORS_CSV, sector),
            (DISTRICTS_CSV, Some(postcode.district())),
        ] {
            if let Some(area) = area {
                let candidates = self.shares(csv, area);
                if !candidates.is_empty() {
                    return Lookup::Candidates {
                        area: area.to_string(),
                        candidates,
                    };
                }
            }
        }
        Lookup::NotFound
    }

    /// The constituency of a full postcode in Great Britain.
    ///
    /// mySociety's range rule: the value of the greatest range start ≤ the postcode (without its
    /// space, read in base 36). As a range table answers for any string between two real
    /// postcodes, the answer is only given if it is one of the constituencies of the postcode's
    /// sector in the Code-Point data. `None` for a sector or district, a `BT` postcode, a
    /// postcode in a sector the data does not have (made up, or new since mid-2023), and the
    /// 868 Code-Point postcodes without coordinates. A postcode that does not exist but lies in
    /// a known sector may still get its neighbours' constituency.
    pub fn lookup_full(&self, postcode: &Postcode) -> Option<Constituency> {
        if postcode.kind() != PostcodeKind::Full || postcode.is_northern_ireland() {
            return None;
        }
        let n = base36(postcode.as_str())?;
        let i = self.keys.partition_point(|&k| k <= n).checked_sub(1)?;
        let c = self.constituencies.get(usize::from(self.values[i]))?;
        let sector = postcode.sector()?;
        rows(SECTORS_CSV, sector)
            .any(|r| r.gss_code == c.gss_code)
            .then(|| c.clone())
    }

    /// The constituencies a sector or district overlaps, with the share of its postcodes in
    /// each (a fraction: 0 < share ≤ 1, together 1 up to rounding), largest share first.
    ///
    /// A full postcode gives the candidates of its sector. Shares count Code-Point Open
    /// postcodes (mid-2023) with coordinates, not people or addresses. Empty for `BT` and for
    /// a sector or district not in the data.
    pub fn candidates(&self, postcode: &Postcode) -> Vec<(Constituency, f64)> {
        if postcode.is_northern_ireland() {
            return Vec::new();
        }
        match postcode.sector() {
            Some(sector) => self.shares(SECTORS_CSV, sector),
            None => self.shares(DISTRICTS_CSV, postcode.district()),
        }
    }

    /// The rows of `area` in `csv` as (constituency, share), largest first.
    fn shares(&self, csv: &str, area: &str) -> Vec<(Constituency, f64)> {
        let found: Vec<(&Constituency, u32)> = rows(csv, area)
            .filter_map(|r| Some((self.by_gss_code(r.gss_code)?, r.postcodes)))
            .collect();
        let total: u32 = found.iter().map(|(_, n)| n).sum();
        let mut out: Vec<(Constituency, f64)> = found
            .into_iter()
            .map(|(c, n)| (c.clone(), f64::from(n) / f64::from(total)))
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.name.cmp(&b.0.name)));
        out
    }

    /// All 650 constituencies (Great Britain and Northern Ireland), sorted by GSS code, with
    /// their Welsh names where they differ.
    pub fn constituencies(&self) -> &[Constituency] {
        &self.constituencies
    }

    fn by_gss_code(&self, code: &str) -> Option<&Constituency> {
        let i = self
            .constituencies
            .binary_search_by(|c| c.gss_code.as_str().cmp(code))
            .ok()?;
        Some(&self.constituencies[i])
    }

    /// Decodes mySociety's range table (`pcon_2024.json`) and constituency list
    /// (`pcon_2024_lookup.json`) as `docs/js/mini_lookup.js` does.
    fn decode(ranges_json: &str, names_json: &str) -> Result<PostcodeTable, String> {
        // The constituencies: every field is a string or null.
        let names: HashMap<String, HashMap<String, Option<String>>> =
            serde_json::from_str(names_json).map_err(|e| format!("pcon_2024_lookup.json: {e}"))?;
        let mut constituencies = Vec::with_capacity(names.len());
        for (key, fields) in &names {
            let field = |f: &str| fields.get(f).cloned().flatten();
            let (Some(name), Some(gss_code)) =
                (field("parlcon_2024_name"), field("parlcon_2024_gss_code"))
            else {
                return Err(format!(
                    "pcon_2024_lookup.json: {key} lacks a name or GSS code"
                ));
            };
            constituencies.push((
                key.as_str(),
                Constituency {
                    name,
                    gss_code,
                    name_cy: field("parlcon_2024_name_cy"),
                },
            ));
        }
        constituencies.sort_by(|a, b| a.1.gss_code.cmp(&b.1.gss_code));
        let index: HashMap<&str, u16> = constituencies
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (*k, i as u16))
            .collect();

        // The range table: {"postcode_keys": [...], "value_key": [...], "value_values": [...]}.
        // The two integer arrays (108,152 numbers) are read by `int_array`, about twice as fast as
        // serde_json; everything else by serde_json.
        let (mut deltas, mut value_key, mut value_values) = (None, None, None);
        let mut rest = ranges_json
            .trim_start()
            .strip_prefix('{')
            .ok_or("pcon_2024.json: not an object")?;
        loop {
            rest = rest.trim_start();
            if rest.starts_with('}') {
                break;
            }
            let (field, after) = json_prefix!(rest, String)?;
            rest = after
                .trim_start()
                .strip_prefix(':')
                .ok_or("pcon_2024.json: expected ':'")?;
            rest = match field.as_str() {
                "postcode_keys" => {
                    let (v, after) = int_array(rest)?;
                    deltas = Some(v);
                    after
                }
                "value_key" => {
                    let (v, after) = int_array(rest)?;
                    let v: Result<Vec<u16>, _> = v.into_iter().map(u16::try_from).collect();
                    value_key = Some(v.map_err(|_| "pcon_2024.json: value_key entry too large")?);
                    after
                }
                "value_values" => {
                    let (v, after) = json_prefix!(rest, Vec<Option<String>>)?;
                    value_values = Some(v);
                    after
                }
                _ => json_prefix!(rest, serde_json::Value)?.1,
            }
            .trim_start();
            if let Some(after) = rest.strip_prefix(',') {
                rest = after;
            } else if !rest.starts_with('}') {
                return Err("pcon_2024.json: expected ',' or '}'".into());
            }
        }
        let (Some(deltas), Some(value_key), Some(value_values)) = (deltas, value_key, value_values)
        else {
            return Err("pcon_2024.json: a field is missing".into());
        };
        if deltas.len() != value_key.len() || deltas.is_empty() {
            return Err("pcon_2024.json: postcode_keys and value_key differ in length".into());
        }

        // Range starts are the running sums of the deltas (computed in place), strictly ascending.
        let mut keys = deltas;
        for i in 1..keys.len() {
            if keys[i] == 0 {
                return Err("pcon_2024.json: range starts not strictly ascending".into());
            }
            keys[i] = keys[i - 1]
                .checked_add(keys[i])
                .ok_or("pcon_2024.json: range start overflows")?;
        }

        // value_key: a 0 after the first two repeats the value two places back; then minus one
        // gives an index into value_values. Out-of-range indices (and null) mean "no value".
        let slots: Vec<u16> = value_values
            .iter()
            .map(|v| match v {
                None => Ok(NONE),
                Some(k) => index
                    .get(k.as_str())
                    .copied()
                    .ok_or_else(|| format!("pcon_2024.json: unknown {k}")),
            })
            .collect::<Result<_, String>>()?;
        let mut raw: Vec<u16> = Vec::with_capacity(value_key.len());
        for (i, &v) in value_key.iter().enumerate() {
            raw.push(if i >= 2 && v == 0 { raw[i - 2] } else { v });
        }
        let values: Box<[u16]> = raw
            .iter()
            .map(|&v| {
                v.checked_sub(1)
                    .and_then(|i| slots.get(usize::from(i)).copied())
                    .unwrap_or(NONE)
            })
            .collect();

        Ok(PostcodeTable {
            keys: keys.into_boxed_slice(),
            values,
            constituencies: constituencies.into_iter().map(|(_, c)| c).collect(),
        })
    }
}

/// Reads a JSON array of non-negative integers (at most 19 digits each) at the start of `s`,
/// after optional whitespace; returns it and the rest of `s`.
fn int_array(s: &str) -> Result<(Vec<u64>, &str), String> {
    let err = |what: &str| format!("pcon_2024.json: {what} in an integer array");
    let b = s.as_bytes();
    let skip_ws = |i: &mut usize| {
        while *i < b.len() && matches!(b[*i], b' ' | b'\n' | b'\r' | b'\t') {
            *i += 1;
        }
    };
    let mut i = 0;
    skip_ws(&mut i);
    if b.get(i) != Some(&b'[') {
        return Err(err("expected '['"));
    }
    i += 1;
    skip_ws(&mut i);
    let mut out = Vec::new();
    if b.get(i) == Some(&b']') {
        return Ok((out, &s[i + 1..]));
    }
    loop {
        let start = i;
        let mut n = 0u64;
        while let Some(d) = b.get(i).map(|c| c.wrapping_sub(b'0')).filter(|&d| d <= 9) {
            // Cannot overflow: at most 19 digits are accepted, and 10^19 < 2^64.
            n = n.wrapping_mul(10).wrapping_add(u64::from(d));
            i += 1;
        }
        if i == start || i - start > 19 {
            return Err(err("expected a number of 1 to 19 digits"));
        }
        out.push(n);
        skip_ws(&mut i);
        match b.get(i) {
            Some(b',') => {
                i += 1;
                skip_ws(&mut i);
            }
            Some(b']') => return Ok((out, &s[i + 1..])),
            _ => return Err(err("expected ',' or ']'")),
        }
    }
}

/// A postcode's range-table key: the postcode without spaces, read in base 36.
fn base36(postcode: &str) -> Option<u64> {
    postcode
        .bytes()
        .filter(|&b| b != b' ')
        .try_fold(0u64, |n, b| {
            n.checked_mul(36)?
                .checked_add(u64::from((b as char).to_digit(36)?))
        })
}

/// One row of the sector or district table.
struct Row<'a> {
    gss_code: &'a str,
    postcodes: u32,
}

/// The rows of `csv` (a header line, then lines sorted by their first field) whose first field
/// is `key`, found by binary search over the text itself. Lines may end in `\r\n` or `\n`.
fn rows<'a>(csv: &'a str, key: &'a str) -> impl Iterator<Item = Row<'a>> + 'a {
    let body = csv.split_once('\n').map_or("", |(_, b)| b);
    let bytes = body.as_bytes();
    let line_start = |pos: usize| {
        bytes[..pos]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
    };
    let line_end = |start: usize| {
        bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| start + i + 1)
    };
    let first_field = |start: usize| {
        let line = &body[start..line_end(start)];
        line.split(',').next().unwrap_or(line)
    };
    // Invariant: lines starting before `lo` have first field < key; those from `hi` on, ≥ key.
    let (mut lo, mut hi) = (0, bytes.len());
    while lo < hi {
        let start = line_start((lo + hi) / 2);
        if first_field(start) < key {
            lo = line_end(start);
        } else {
            hi = start;
        }
    }
    body[lo..]
        .lines()
        .map_while(move |line| {
            let line = line.strip_suffix('\r').unwrap_or(line);
            let (first, rest) = line.split_once(',')?;
            (first == key).then_some(rest)
        })
        .filter_map(|rest| {
            // pcon24_code,pcon24_name (may be quoted and contain commas),postcodes,share,rank,n
            let (gss_code, rest) = rest.split_once(',')?;
            let mut tail = rest.rsplitn(5, ',');
            let (_n, _rank, _share) = (tail.next()?, tail.next()?, tail.next()?);
            let postcodes = tail.next()?.parse().ok()?;
            Some(Row {
                gss_code,
                postcodes,
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> &'static PostcodeTable {
        PostcodeTable::embedded()
    }

    fn full(input: &str) -> Option<Constituency> {
        table().lookup_full(&normalise(input).unwrap())
    }

    #[test]
    fn normalises_the_accepted_shapes() {
        let f = |s: &str| Some(Postcode::new(PostcodeKind::Full, s.into()));
        assert_eq!(normalise("sw1a0aa"), f("SW1A 0AA"));
        assert_eq!(normalise(" SW1A 0AA "), f("SW1A 0AA"));
        assert_eq!(normalise("sw1a  0aa\n"), f("SW1A 0AA"));
        assert_eq!(normalise("SW1A 0 AA"), f("SW1A 0AA"));
        assert_eq!(normalise("\u{a0}m1 1ae"), f("M1 1AE"));
        assert_eq!(normalise("LS6 9ZZ"), f("LS6 9ZZ"));
        assert_eq!(normalise("b336rr"), f("B33 6RR"));
        assert_eq!(normalise("ec1a1bb"), f("EC1A 1BB"));
        assert_eq!(normalise("w1a 0ax"), f("W1A 0AX"));
        assert_eq!(
            normalise("ls6 9"),
            Some(Postcode::new(PostcodeKind::Sector, "LS6 9".into()))
        );
        assert_eq!(
            normalise("LS6"),
            Some(Postcode::new(PostcodeKind::District, "LS6".into()))
        );
        assert_eq!(
            normalise("sw1a"),
            Some(Postcode::new(PostcodeKind::District, "SW1A".into()))
        );
        assert_eq!(
            normalise("LS69"),
            Some(Postcode::new(PostcodeKind::District, "LS69".into()))
        );
        let p = normalise("sw1a 0aa").unwrap();
        assert_eq!(
            (p.district(), p.sector(), p.area()),
            ("SW1A", Some("SW1A 0"), "SW")
        );
        assert_eq!(p.to_string(), "SW1A 0AA");
        let d = normalise("m1").unwrap();
        assert_eq!((d.district(), d.sector(), d.area()), ("M1", None, "M"));
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "",
            "   ",
            "hello",
            "12345",
            "SW1A 0A",
            "SW1A 0AAA",
            "SW1A-0AA",
            "SW1A_0AA",
            "SW1A0A",
            "S",
            "1AA",
            "SWA1 0AA",
            "SW1AA 0AA",
            "ÄB1 1AA",
            "SW1A 0ÄA",
            "LS6 99",
            "LS6 A",
            "GIR 0AA",
            "ASCN 1ZZ",
            "SW1A 0AA x",
            "é",
            "LS6 9ZZ.",
        ] {
            assert_eq!(normalise(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn known_postcodes() {
        let westminster = full("SW1A 0AA").unwrap();
        assert_eq!(westminster.name, "Cities of London and Westminster");
        assert_eq!(westminster.gss_code, "E14001172");
        assert_eq!(
            full("EH99 1SP").unwrap().name,
            "Edinburgh East and Musselburgh"
        );
        let cardiff = full("CF10 1EP").unwrap();
        assert_eq!(cardiff.name, "Cardiff South and Penarth");
        assert!(cardiff.gss_code.starts_with("W07"));
        assert_eq!(cardiff.name_cy.as_deref(), Some("De Caerdydd a Phenarth"));
        // Lower case and no space give the same answers.
        assert_eq!(full("sw1a0aa"), Some(westminster.clone()));
        assert_eq!(full("  eh991sp"), full("EH99 1SP"));
        assert_eq!(
            table().lookup(&normalise("sw1a0aa").unwrap()),
            Lookup::Exact(westminster)
        );
    }

    #[test]
    fn northern_ireland_is_distinct() {
        let bt = normalise("bt1 5gs").unwrap();
        assert_eq!((bt.kind(), bt.as_str()), (PostcodeKind::Full, "BT1 5GS"));
        assert!(bt.is_northern_ireland());
        assert_eq!(table().lookup(&bt), Lookup::NorthernIreland);
        assert_eq!(table().lookup_full(&bt), None);
        assert!(table().candidates(&bt).is_empty());
        assert_eq!(
            table().lookup(&normalise("BT7").unwrap()),
            Lookup::NorthernIreland
        );
        assert!(!normalise("B1 1AY").unwrap().is_northern_ireland());
    }

    #[test]
    fn unknown_postcodes_are_not_guessed() {
        // Well-formed but not in the data: no neighbour's answer from the range table.
        for input in ["ZZ9 9ZZ", "QA1 1AA", "IM1 1AA", "JE2 4WE", "AA1 1AA"] {
            let p = normalise(input).unwrap();
            assert_eq!(table().lookup_full(&p), None, "{input}");
            assert_eq!(table().lookup(&p), Lookup::NotFound, "{input}");
        }
        // Below the first range start (B1 1AY): not exact, but its sector's candidates.
        assert_eq!(full("B1 1AA"), None);
        let p = normalise("B1 1AA").unwrap();
        assert!(matches!(table().lookup(&p), Lookup::Candidates { area, .. } if area == "B1 1"));
        // A Code-Point postcode without coordinates, in a sector with no others: its district's.
        let p = normalise("AB43 1AG").unwrap();
        assert_eq!(table().lookup_full(&p), None);
        assert!(matches!(table().lookup(&p), Lookup::Candidates { area, .. } if area == "AB43"));
    }

    #[test]
    fn district_and_sector_candidates() {
        let t = table();
        for input in ["LS6", "SW1A", "B33", "EH99", "LS6 9", "AB10 1"] {
            let c = t.candidates(&normalise(input).unwrap());
            assert!(!c.is_empty(), "{input}");
            let sum: f64 = c.iter().map(|(_, s)| s).sum();
            assert!((sum - 1.0).abs() < 1e-9, "{input}: {sum}");
            assert!(
                c.windows(2).all(|w| w[0].1 >= w[1].1),
                "{input}: not sorted"
            );
            assert!(c.iter().all(|(_, s)| *s > 0.0 && *s <= 1.0));
        }
        let ls6 = t.candidates(&normalise("ls6").unwrap());
        assert!(ls6.len() >= 2, "{ls6:?}");
        assert_eq!(ls6[0].0.name, "Leeds Central and Headingley");
        // AB10 1: 200 of 205 postcodes in Aberdeen South.
        let ab = t.candidates(&normalise("AB10 1").unwrap());
        assert_eq!(ab[0].0.name, "Aberdeen South");
        assert!((ab[0].1 - 200.0 / 205.0).abs() < 1e-12);
        // A full postcode's candidates are its sector's.
        assert_eq!(t.candidates(&normalise("AB10 1AB").unwrap()), ab);
        match t.lookup(&normalise("LS6").unwrap()) {
            Lookup::Candidates { area, candidates } => {
                assert_eq!((area.as_str(), candidates), ("LS6", ls6))
            }
            other => panic!("{other:?}"),
        }
        // A sector the data lacks falls back to its district.
        assert!(matches!(t.lookup(&normalise("LS6 0").unwrap()),
                Lookup::Candidates { area, .. } if area == "LS6"));
        assert!(t.candidates(&normalise("ZZ9").unwrap()).is_empty());
    }

    #[test]
    fn decoded_table_is_consistent() {
        let t = table();
        assert_eq!(t.keys.len(), 54_076);
        assert_eq!(t.constituencies.len(), 650);
        assert!(t.keys.windows(2).all(|w| w[0] < w[1]));
        let mut used: Vec<u16> = t.values.iter().copied().filter(|&v| v != NONE).collect();
        used.sort_unstable();
        used.dedup();
        assert_eq!(used.len(), 632, "GB constituencies in the range table");
        assert!(
            used.iter()
                .all(|&i| !t.constituencies[usize::from(i)].gss_code.starts_with("N05"))
        );
        assert_eq!(
            t.constituencies
                .iter()
                .filter(|c| c.gss_code.starts_with("N05"))
                .count(),
            18
        );
    }

    /// Every row of both CSV tables is found by the in-place binary search, and names a known
    /// constituency under the same name.
    #[test]
    fn csv_tables_are_searchable() {
        let t = table();
        for (csv, expected_keys) in [(SECTORS_CSV, 10_849), (DISTRICTS_CSV, 2_866)] {
            let mut by_key: Vec<(&str, Vec<(&str, String)>)> = Vec::new();
            for line in csv.lines().skip(1) {
                let line = line.trim_end_matches('\r');
                let (key, rest) = line.split_once(',').unwrap();
                let (code, rest) = rest.split_once(',').unwrap();
                let name = rest.rsplitn(5, ',').nth(4).unwrap();
                let name = name.strip_prefix('"').map_or(name.to_string(), |n| {
                    n.trim_end_matches('"').replace("\"\"", "\"")
                });
                assert_eq!(
                    t.by_gss_code(code).map(|c| c.name.as_str()),
                    Some(name.as_str()),
                    "{line}"
                );
                match by_key.last_mut() {
                    Some((k, v)) if *k == key => v.push((code, name)),
                    _ => by_key.push((key, vec![(code, name)])),
                }
            }
            assert_eq!(by_key.len(), expected_keys);
            for (key, expected) in &by_key {
                let found: Vec<&str> = rows(csv, key).map(|r| r.gss_code).collect();
                let want: Vec<&str> = expected.iter().map(|(c, _)| *c).collect();
                assert_eq!(found, want, "{key}");
            }
            // Keys that sort between or around the real ones find nothing.
            for missing in ["", "A", "AB1", "AB10", "AB10 0", "ZZ", "ZZ99 9", "\u{7f}"] {
                if !by_key.iter().any(|(k, _)| k == &missing) {
                    assert_eq!(rows(csv, missing).count(), 0, "{missing}");
                }
            }
        }
    }

    /// tests/fixtures/uk-postcodes-sample.csv: 200 postcodes sampled from mySociety's table
    /// applied to Code-Point Open (see tests/fixtures/README.md); every one must agree.
    #[test]
    fn sample_fixture_agrees() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/uk-postcodes-sample.csv"
        );
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("postcode,pcon24_code,pcon24_name"));
        let mut checked = 0;
        let mut wrong = Vec::new();
        for line in lines {
            let (postcode, rest) = line.split_once(',').unwrap();
            let (code, name) = rest.split_once(',').unwrap();
            let name = name
                .strip_prefix('"')
                .map_or(name, |n| n.trim_end_matches('"'));
            let p = normalise(postcode).unwrap_or_else(|| panic!("{postcode} does not parse"));
            assert_eq!(p.as_str(), postcode);
            let got = table().lookup_full(&p);
            if got.as_ref().map(|c| (c.gss_code.as_str(), c.name.as_str())) != Some((code, name)) {
                wrong.push(format!("{postcode}: want {code} {name}, got {got:?}"));
            }
            checked += 1;
        }
        assert_eq!(checked, 200);
        assert!(
            wrong.is_empty(),
            "{} of 200 disagree:\n{}",
            wrong.len(),
            wrong.join("\n")
        );
    }

    #[test]
    fn reads_integer_arrays() {
        assert_eq!(
            int_array(" [1, 22 ,333]rest").unwrap(),
            (vec![1, 22, 333], "rest")
        );
        assert_eq!(int_array("[ ]").unwrap(), (vec![], ""));
        assert_eq!(
            int_array("[9999999999999999999]").unwrap().0,
            [9_999_999_999_999_999_999]
        );
        for bad in [
            "",
            "1",
            "[",
            "[1",
            "[1,]",
            "[-1]",
            "[1.5]",
            "[1 2]",
            "[10000000000000000000]",
            "[null]",
        ] {
            assert!(int_array(bad).is_err(), "{bad:?}");
        }
    }

    /// Decoding time, warm: `cargo test --release -- --ignored --nocapture decode_time`.
    #[test]
    #[ignore = "timing, not a check"]
    fn decode_time() {
        let mut times: Vec<_> = (0..30)
            .map(|_| {
                let start = std::time::Instant::now();
                let t = PostcodeTable::decode(RANGES_JSON, NAMES_JSON).unwrap();
                let lookup = t.lookup_full(&normalise("SW1A 0AA").unwrap());
                assert!(lookup.is_some());
                start.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "decode + first lookup: min {:?}, median {:?}",
            times[0], times[15]
        );
    }

    #[test]
    fn attribution_is_complete() {
        for part in [
            "OS data",
            "Royal Mail",
            "National Statistics",
            "mySociety (CC BY 4.0)",
        ] {
            assert!(ATTRIBUTION.contains(part));
        }
        assert_eq!(ATTRIBUTION.split("; ").count(), 4);
    }
}
