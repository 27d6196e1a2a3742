//! Bills in the US Congress and who backs them, from the public bill-status files.
//!
//! Owns reading a BILLSTATUS XML file (the format congress.gov and govinfo publish at
//! `https://www.govinfo.gov/bulkdata/BILLSTATUS/{congress}/{type}/BILLSTATUS-{congress}{type}{number}.xml`;
//! schema: the usgpo/bill-status User Guide), keeping the imported bills in `bills.json` in the
//! data folder, and saying which members sponsored or cosponsored which bill, by their bioguide
//! id. Every bill carries the date of its file (`updateDate`): listings always say "bill status
//! of DATE", and an older file never replaces a newer one, so nothing older than the file it
//! came from is ever shown as the current state. It does not fetch anything.
//!
//! May import: [`crate::error`], [`crate::support`].

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// One bill, as its bill-status file describes it on the file's date.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Bill {
    /// The Congress, e.g. 119.
    pub congress: u32,
    /// The bill type as the file writes it, upper-case: `HR`, `S`, `HRES`, `SJRES`, ...
    #[serde(rename = "type")]
    pub kind: String,
    /// The bill number, e.g. `1503`.
    pub number: String,
    /// The display title.
    pub title: String,
    /// The day it was introduced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduced: Option<jiff::civil::Date>,
    /// The date of the file's data (`updateDate`): nothing here is known to be true after it.
    pub as_of: jiff::civil::Date,
    /// The latest action, when the file names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_action: Option<Action>,
    /// The sponsors (usually one).
    #[serde(default)]
    pub sponsors: Vec<Member>,
    /// The cosponsors, including those who withdrew.
    #[serde(default)]
    pub cosponsors: Vec<Cosponsor>,
    /// The file it was imported from, as given.
    pub source: String,
    /// The day it was imported.
    pub imported: jiff::civil::Date,
}

/// An action on a bill.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Action {
    /// When.
    pub date: jiff::civil::Date,
    /// What, as the file says it.
    pub text: String,
}

/// A member of Congress named in a bill-status file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Member {
    /// The bioguide id (e.g. `C001098`), the key recipients carry in `ids.bioguide`.
    pub bioguide: String,
    /// The name as the file writes it, e.g. "Sen. Cruz, Ted [R-TX]".
    pub name: String,
}

/// A cosponsor and when they signed on (or withdrew).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Cosponsor {
    /// Who.
    #[serde(flatten)]
    pub member: Member,
    /// The day they became a cosponsor (`sponsorshipDate`).
    pub date: jiff::civil::Date,
    /// Whether they cosponsored on the day it was introduced.
    #[serde(default)]
    pub original: bool,
    /// The day they withdrew (`sponsorshipWithdrawnDate`), if they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<jiff::civil::Date>,
}

impl Bill {
    /// The bill as people write it: `H.R.1503`, `S.817`, `H.Res.5`, `S.J.Res.8`.
    pub fn label(&self) -> String {
        let prefix = match self.kind.as_str() {
            "HR" | "H" => "H.R.",
            "S" => "S.",
            "HRES" => "H.Res.",
            "SRES" => "S.Res.",
            "HJRES" => "H.J.Res.",
            "SJRES" => "S.J.Res.",
            "HCONRES" => "H.Con.Res.",
            "SCONRES" => "S.Con.Res.",
            other => return format!("{other} {}", self.number),
        };
        format!("{prefix}{}", self.number)
    }

    /// `119-hr-1503`: the key a bill is stored under.
    pub fn key(&self) -> String {
        format!(
            "{}-{}-{}",
            self.congress,
            self.kind.to_lowercase(),
            self.number
        )
    }

    /// The day this Congress ends (3 January of the year after its second session), after
    /// which a bill not passed has lapsed. The 1st Congress began in 1789; each lasts two years.
    pub fn congress_ends(&self) -> Option<jiff::civil::Date> {
        let year = 1789 + 2 * i64::from(self.congress);
        jiff::civil::Date::new(i16::try_from(year).ok()?, 1, 3).ok()
    }
}

/// What a member did about a bill, for listings: "cosponsored S.817 on 2025-03-03 (bill
/// status of 2026-03-30)".
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Mark {
    /// `H.R.1503`.
    pub bill: String,
    /// The bill's title.
    pub title: String,
    /// The Congress.
    pub congress: u32,
    /// `sponsor`, `cosponsor`, or `withdrawn` (a cosponsor who withdrew).
    pub role: &'static str,
    /// When they sponsored, cosponsored or withdrew (none for a sponsor whose bill has no
    /// introduction date).
    pub date: Option<jiff::civil::Date>,
    /// The date of the file this comes from.
    pub as_of: jiff::civil::Date,
    /// The day the Congress ended, when it has ended by today (the bill lapsed unless passed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub congress_ended: Option<jiff::civil::Date>,
}

impl Mark {
    /// Whether this is a current cosponsorship (the member signed on and did not withdraw).
    pub fn is_cosponsor(&self) -> bool {
        self.role == "cosponsor"
    }
}

impl std::fmt::Display for Mark {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let verb = match self.role {
            "sponsor" => "sponsored",
            "withdrawn" => "withdrew as a cosponsor of",
            _ => "cosponsored",
        };
        write!(f, "{verb} {}", self.bill)?;
        if let Some(d) = self.date {
            write!(f, " on {d}")?;
        }
        write!(f, " (bill status of {}", self.as_of)?;
        if let Some(end) = self.congress_ended {
            write!(
                f,
                "; the {} Congress ended on {end}",
                ordinal(self.congress)
            )?;
        }
        write!(f, ")")
    }
}

/// `119th`, `121st`, `122nd`.
fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Reads a BILLSTATUS XML file (version 3 as published since 2022, and the older layout with
/// `billNumber` and `billType`).
///
/// Errors (exit code 2): not XML (with `file:line:column`), not a bill-status file, or a
/// required element missing (`congress`, `number`, `type`, `title`, `updateDate`).
pub fn parse(path: &Path, text: &str, today: jiff::civil::Date) -> Result<Bill> {
    let doc = roxmltree::Document::parse(text).map_err(|e| {
        let pos = e.pos();
        Error::usage(format!(
            "{}:{}:{}: not readable XML: {e}",
            path.display(),
            pos.row,
            pos.col
        ))
        .hint("give a BILLSTATUS XML file as govinfo publishes it, e.g. BILLSTATUS-119hr1503.xml")
    })?;
    let root = doc.root_element();
    let bill = (root.has_tag_name("billStatus"))
        .then(|| child(root, "bill"))
        .flatten()
        .ok_or_else(|| {
            Error::usage(format!(
                "`{}` is not a bill-status file: it has no <billStatus><bill>",
                path.display()
            ))
            .hint("download one from https://www.govinfo.gov/bulkdata/BILLSTATUS (e.g. 119/hr/BILLSTATUS-119hr1503.xml)")
        })?;
    let missing = |what: &str, node: roxmltree::Node| {
        let pos = doc.text_pos_at(node.range().start);
        Error::usage(format!(
            "{}:{}: the bill-status file has no <{what}>",
            path.display(),
            pos.row
        ))
    };
    let text_of = |node: roxmltree::Node, names: &[&str]| -> Option<String> {
        names.iter().find_map(|n| {
            child(node, n)
                .and_then(|c| c.text())
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
        })
    };
    let date_of = |node: roxmltree::Node, names: &[&str]| -> Option<jiff::civil::Date> {
        text_of(node, names).and_then(|t| t.get(..10).and_then(|d| d.parse().ok()))
    };
    let congress = text_of(bill, &["congress"])
        .and_then(|c| c.parse::<u32>().ok())
        .ok_or_else(|| missing("congress", bill))?;
    let number = text_of(bill, &["number", "billNumber"]).ok_or_else(|| missing("number", bill))?;
    let kind = text_of(bill, &["type", "billType"])
        .ok_or_else(|| missing("type", bill))?
        .to_uppercase();
    let title = text_of(bill, &["title"]).ok_or_else(|| missing("title", bill))?;
    let as_of = date_of(bill, &["updateDate", "updateDateIncludingText"])
        .ok_or_else(|| missing("updateDate", bill))?;
    let latest_action = child(bill, "latestAction").and_then(|a| {
        Some(Action {
            date: date_of(a, &["actionDate"])?,
            text: text_of(a, &["text"])?,
        })
    });
    let member = |item: roxmltree::Node| -> Option<Member> {
        let bioguide = text_of(item, &["bioguideId"])
            .or_else(|| child(item, "identifiers").and_then(|i| text_of(i, &["bioguideId"])))?;
        let name = text_of(item, &["fullName"]).unwrap_or_else(|| {
            [text_of(item, &["firstName"]), text_of(item, &["lastName"])]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ")
        });
        Some(Member {
            bioguide: bioguide.to_uppercase(),
            name,
        })
    };
    let items = |name: &str| -> Vec<roxmltree::Node> {
        child(bill, name)
            .map(|list| list.children().filter(|c| c.has_tag_name("item")).collect())
            .unwrap_or_default()
    };
    let sponsors = items("sponsors").into_iter().filter_map(member).collect();
    let mut cosponsors = Vec::new();
    for item in items("cosponsors") {
        let Some(m) = member(item) else { continue };
        let date = date_of(item, &["sponsorshipDate"]).ok_or_else(|| {
            let pos = doc.text_pos_at(item.range().start);
            Error::usage(format!(
                "{}:{}: cosponsor `{}` has no <sponsorshipDate>",
                path.display(),
                pos.row,
                m.bioguide
            ))
        })?;
        cosponsors.push(Cosponsor {
            member: m,
            date,
            original: text_of(item, &["isOriginalCosponsor"])
                .is_some_and(|v| v.eq_ignore_ascii_case("true")),
            withdrawn: date_of(item, &["sponsorshipWithdrawnDate"]),
        });
    }
    Ok(Bill {
        congress,
        kind,
        number,
        title,
        introduced: date_of(bill, &["introducedDate"]),
        as_of,
        latest_action,
        sponsors,
        cosponsors,
        source: path.display().to_string(),
        imported: today,
    })
}

/// The first child element of `node` named `name`.
fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.children().find(|c| c.has_tag_name(name))
}

/// The imported bills, kept in `bills.json` in the data folder.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Bills {
    /// Every bill, by key order.
    pub bills: Vec<Bill>,
    #[serde(skip)]
    path: PathBuf,
}

/// What [`Bills::add`] did.
#[derive(Debug, PartialEq)]
pub enum Added {
    /// The bill was new.
    New,
    /// It replaced the copy from this older date.
    Updated(jiff::civil::Date),
    /// The stored copy is newer (its date); nothing changed.
    KeptNewer(jiff::civil::Date),
}

impl Bills {
    /// The default location: `bills.json` in the data folder.
    pub fn default_path() -> PathBuf {
        crate::support::env::data_dir().join("bills.json")
    }

    /// Reads the imported bills (none when the file does not exist).
    ///
    /// Errors: the file cannot be read or is not the JSON outcry wrote (exit code 2, with
    /// `file:line`).
    pub fn load(path: &Path) -> Result<Bills> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Bills {
                    bills: Vec::new(),
                    path: path.to_path_buf(),
                });
            }
            Err(e) => return Err(Error::io("read", path, &e)),
        };
        let mut bills: Bills = serde_json::from_str(&text).map_err(|e| {
            Error::usage(format!(
                "{}:{}: the imported bills cannot be read: {e}",
                path.display(),
                e.line()
            ))
            .hint("import the bill-status files again (outcry bills import FILE), after moving this file aside")
        })?;
        bills.path = path.to_path_buf();
        Ok(bills)
    }

    /// Adds or updates a bill; a file older than the stored copy is refused unless `force`.
    pub fn add(&mut self, bill: Bill, force: bool) -> Added {
        match self.bills.iter_mut().find(|b| b.key() == bill.key()) {
            Some(old) if old.as_of > bill.as_of && !force => Added::KeptNewer(old.as_of),
            Some(old) => {
                let was = old.as_of;
                *old = bill;
                Added::Updated(was)
            }
            None => {
                self.bills.push(bill);
                self.bills
                    .sort_by_key(|b| (b.congress, b.kind.clone(), b.number.clone()));
                Added::New
            }
        }
    }

    /// Writes the bills back, atomically.
    pub fn save(&self) -> Result<()> {
        let text = serde_json::to_string_pretty(self)
            .map_err(|e| Error::failure(format!("could not write the bills: {e}")))?;
        crate::support::fs::write_atomic(&self.path, format!("{text}\n").as_bytes(), true)
    }

    /// What the member with this bioguide id did about each imported bill, newest bill first;
    /// `today` decides whether a Congress has ended.
    pub fn marks(&self, bioguide: &str, today: jiff::civil::Date) -> Vec<Mark> {
        let mut out = Vec::new();
        for b in self.bills.iter().rev() {
            let ended = b.congress_ends().filter(|end| *end <= today);
            let mark = |role, date| Mark {
                bill: b.label(),
                title: b.title.clone(),
                congress: b.congress,
                role,
                date,
                as_of: b.as_of,
                congress_ended: ended,
            };
            if b.sponsors
                .iter()
                .any(|s| s.bioguide.eq_ignore_ascii_case(bioguide))
            {
                out.push(mark("sponsor", b.introduced));
            }
            for c in b
                .cosponsors
                .iter()
                .filter(|c| c.member.bioguide.eq_ignore_ascii_case(bioguide))
            {
                out.push(match c.withdrawn {
                    Some(w) => mark("withdrawn", Some(w)),
                    None => mark("cosponsor", Some(c.date)),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> jiff::civil::Date {
        s.parse().unwrap()
    }

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<billStatus><version>3.0.0</version><bill>
  <number>1503</number><updateDate>2026-03-30T22:42:00Z</updateDate><type>HR</type>
  <introducedDate>2025-02-21</introducedDate><congress>119</congress>
  <relatedBills><item><title>Not this title</title></item></relatedBills>
  <sponsors><item><bioguideId>S000522</bioguideId><fullName>Rep. Example [R-NJ-4]</fullName></item></sponsors>
  <cosponsors>
    <item><bioguideId>A000001</bioguideId><fullName>Rep. A</fullName><sponsorshipDate>2025-02-21</sponsorshipDate><isOriginalCosponsor>True</isOriginalCosponsor></item>
    <item><identifiers><bioguideId>b000002</bioguideId></identifiers><firstName>Bea</firstName><lastName>B</lastName><sponsorshipDate>2025-04-01</sponsorshipDate><isOriginalCosponsor>False</isOriginalCosponsor><sponsorshipWithdrawnDate>2025-05-01</sponsorshipWithdrawnDate></item>
  </cosponsors>
  <title>Stop Forced Organ Harvesting Act of 2025</title>
  <latestAction><actionDate>2025-05-07</actionDate><text>Passed House.</text></latestAction>
</bill></billStatus>"#;

    #[test]
    fn reads_the_bill_and_only_its_own_title() {
        let b = parse(Path::new("b.xml"), SAMPLE, date("2026-11-28")).unwrap();
        assert_eq!(b.label(), "H.R.1503");
        assert_eq!(b.title, "Stop Forced Organ Harvesting Act of 2025");
        assert_eq!(b.as_of, date("2026-03-30"));
        assert_eq!(b.cosponsors.len(), 2);
        assert_eq!(b.cosponsors[1].member.bioguide, "B000002");
        assert_eq!(b.cosponsors[1].member.name, "Bea B");
        assert_eq!(b.cosponsors[1].withdrawn, Some(date("2025-05-01")));
        assert_eq!(b.congress_ends(), Some(date("2027-01-03")));
    }

    #[test]
    fn marks_say_what_and_as_of_when() {
        let mut bills = Bills::default();
        let b = parse(Path::new("b.xml"), SAMPLE, date("2026-11-28")).unwrap();
        assert_eq!(bills.add(b.clone(), false), Added::New);
        let m = bills.marks("a000001", date("2026-11-28"));
        assert_eq!(
            m[0].to_string(),
            "cosponsored H.R.1503 on 2025-02-21 (bill status of 2026-03-30)"
        );
        let m = bills.marks("B000002", date("2027-02-01"));
        assert_eq!(
            m[0].to_string(),
            "withdrew as a cosponsor of H.R.1503 on 2025-05-01 (bill status of 2026-03-30; the 119th Congress ended on 2027-01-03)"
        );
        let older = Bill {
            as_of: date("2026-01-01"),
            ..b
        };
        assert_eq!(
            bills.add(older, false),
            Added::KeptNewer(date("2026-03-30"))
        );
    }

    #[test]
    fn bad_files_are_usage_errors_with_a_line() {
        let e = parse(Path::new("x.xml"), "<billStatus><bill>", date("2026-11-28")).unwrap_err();
        assert!(e.message().starts_with("x.xml:1:"), "{}", e.message());
        let e = parse(Path::new("x.xml"), "<other/>", date("2026-11-28")).unwrap_err();
        assert!(e.message().contains("not a bill-status file"));
        assert_eq!(ordinal(121), "121st");
        assert_eq!(ordinal(112), "112th");
    }
}
