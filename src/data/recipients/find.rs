//! Finding "my" representatives from what a person knows: a US ZIP code, a state and district,
//! or a UK constituency, town or council name (forgiving of typos).
//!
//! The ZIP table is the Census Bureau's ZCTA-to-district relationship for the 119th Congress
//! (via OpenSourceActivismTech/us-zipcodes-congress), compiled in. ZCTAs approximate ZIP codes;
//! a ZIP that spans several districts returns every member and says why. Typos are measured
//! by Levenshtein distance (`strsim`).
//!
//! May import: [`crate::error`], [`crate::support`], its parent [`super`].

use super::{Directory, Recipient, fold};
use crate::error::{Error, Result};

/// ZCTA → district rows: `state_fips,state_abbr,zcta,cd`.
const ZIP_TABLE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/recipients/us-zip-districts.csv"
));

/// What a lookup found.
#[derive(Debug, serde::Serialize)]
pub struct Found<'a> {
    /// The representatives, senators first.
    pub recipients: Vec<&'a Recipient>,
    /// Anything the person should know (several districts, a vacant seat).
    pub notes: Vec<String>,
}

/// The districts of a ZIP code, as (state, district number; 0 = at large).
pub fn zip_districts(zip: &str) -> Result<Vec<(String, u32)>> {
    let zip = zip.trim();
    if zip.len() != 5 || !zip.chars().all(|c| c.is_ascii_digit()) {
        return Err(
            Error::usage(format!("`{zip}` is not a five-digit US ZIP code"))
                .hint("for example: --zip 94110"),
        );
    }
    let mut out = Vec::new();
    for line in ZIP_TABLE.lines().skip(1) {
        let mut f = line.split(',');
        let (_, state, zcta, cd) = (f.next(), f.next(), f.next(), f.next());
        if zcta == Some(zip)
            && let (Some(state), Some(Ok(cd))) = (state, cd.map(|c| c.trim().parse::<u32>()))
        {
            out.push((state.to_string(), cd));
        }
    }
    Ok(out)
}

/// "NY-12", or "VT (at large)".
pub fn seat_name(state: &str, district: u32) -> String {
    if district == 0 {
        format!("{state} (at large)")
    } else {
        format!("{state}-{district}")
    }
}

/// US lookup by state and districts: the state's senators and each district's member.
pub fn by_districts<'a>(dir: &'a Directory, seats: &[(String, u32)]) -> Found<'a> {
    let mut found = Found {
        recipients: Vec::new(),
        notes: Vec::new(),
    };
    let mut states: Vec<&str> = seats.iter().map(|(s, _)| s.as_str()).collect();
    states.dedup();
    for state in &states {
        found.recipients.extend(
            dir.recipients
                .iter()
                .filter(|r| r.body == "us-senate" && r.region.as_deref() == Some(state)),
        );
    }
    for (state, district) in seats {
        let members: Vec<&Recipient> = dir
            .recipients
            .iter()
            .filter(|r| {
                r.body == "us-house"
                    && r.region.as_deref() == Some(state.as_str())
                    && r.district.as_deref().and_then(|d| d.parse::<u32>().ok()) == Some(*district)
            })
            .collect();
        if members.is_empty() {
            found.notes.push(format!(
                "{}: no current member in the data (the seat may be vacant)",
                seat_name(state, *district)
            ));
        }
        found.recipients.extend(members);
    }
    found
}

/// US lookup by ZIP code.
pub fn by_zip<'a>(dir: &'a Directory, zip: &str) -> Result<Found<'a>> {
    let seats = zip_districts(zip)?;
    if seats.is_empty() {
        return Err(Error::usage(format!(
            "no congressional district is known for ZIP code `{}`",
            zip.trim()
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
                "ZIP code {} spans {} congressional districts ({}); your street address decides which is yours, so every member is listed",
                zip.trim(),
                seats.len(),
                names.join(", ")
            ),
        );
    }
    Ok(found)
}

/// UK lookup: a constituency, town or council name, forgiving of case, accents and typos.
pub fn by_place<'a>(dir: &'a Directory, place: &str) -> Result<Found<'a>> {
    let want = fold(place.trim());
    if want.is_empty() {
        return Err(Error::usage(
            "give a constituency, town or council name, or --zip",
        ));
    }
    let mps: Vec<&Recipient> = dir
        .recipients
        .iter()
        .filter(|r| r.body == "uk-commons")
        .collect();
    let district = |r: &Recipient| fold(r.district.as_deref().unwrap_or(""));
    // Best first: the constituency itself, then constituencies containing the words, then
    // councils and areas, then near misses (typos).
    type Tier<'t> = Box<dyn Fn(&Recipient) -> bool + 't>;
    let tiers: [Tier; 4] = [
        Box::new(|r| district(r) == want),
        Box::new(|r| district(r).contains(&want)),
        Box::new(|r| {
            r.areas
                .iter()
                .any(|a| fold(a) == want || fold(a).contains(&want))
        }),
        Box::new(|r| {
            let d = district(r);
            close(&d, &want)
                || d.split([' ', ',', '-']).any(|w| close(w, &want))
                || r.areas.iter().any(|a| close(&fold(a), &want))
        }),
    ];
    for (i, tier) in tiers.iter().enumerate() {
        let hits: Vec<&Recipient> = mps.iter().copied().filter(|r| tier(r)).collect();
        if !hits.is_empty() {
            let mut notes = Vec::new();
            if i == 2 && hits.len() > 1 {
                notes.push(format!(
                    "`{}` is a council or area covered by {} constituenc{}; your address decides which is yours",
                    place.trim(),
                    hits.len(),
                    if hits.len() == 1 { "y" } else { "ies" }
                ));
            }
            if i == 3 {
                notes.push(format!(
                    "nothing matched `{}` exactly; these are the closest names",
                    place.trim()
                ));
            }
            return Ok(Found {
                recipients: hits,
                notes,
            });
        }
    }
    Err(Error::usage(format!(
        "no UK constituency, town or council matches `{}`",
        place.trim()
    ))
    .hint("try the constituency name as on parliament.uk, or your council, e.g. `Rushmoor`")
    .hint("for US representatives use --zip, or --state XX --district N"))
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
        assert_eq!(zip_districts("05401").unwrap(), [("VT".to_string(), 0)]);
        assert_eq!(zip_districts("10001").unwrap().len(), 2);
        assert!(zip_districts("00000").unwrap().is_empty());
        assert!(zip_districts("1234").is_err());
        assert!(close("aldershot", "aldrshot"));
        assert!(close("aldershot", "aldershott"));
    }
}
