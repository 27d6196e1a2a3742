//! UK Parliament: the Members Names Information Service (MNIS) XML with members' addresses
//! (`.../members/query/House=Lords|IsEligible=true/Addresses/`, and the same for the Commons),
//! read with `roxmltree`. Open Parliament Licence v3.0.
//!
//! The Lords file becomes `uk-lords` recipients; the Commons file adds constituency offices and
//! phone numbers to the MPs of `uk-mp-lookup`. The House of Lords publishes one shared enquiry
//! address (`contactholmember@parliament.uk`) for peers with no email of their own, and shared
//! phone lines; those are kept, marked as shared ([`Contact::shared`]), never passed off as the
//! peer's own.
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::data::recipients`], its parent.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::Imported;
use crate::data::recipients::{
    ContactFields, Office, Recipient, RecipientFields, check_email, has_street_line,
};
use crate::error::{Error, Result};
use crate::support::text::slug_or;

/// The House of Lords' shared enquiry address for members.
const LORDS_SHARED_EMAIL: &str = "contactholmember@parliament.uk";

/// One `<Address>` of a member.
#[derive(Debug, Default, Clone)]
pub(super) struct Address {
    pub kind: String,
    pub lines: Vec<String>,
    pub postcode: String,
    pub phone: String,
    pub email: String,
    pub website: String,
}

/// One `<Member>`.
#[derive(Debug, Default)]
pub(super) struct Member {
    pub id: String,
    pub display_as: String,
    pub party: String,
    pub member_from: String,
    pub active: bool,
    pub addresses: Vec<Address>,
}

/// Reads an MNIS members XML file.
///
/// Errors (exit code 2): not XML (`file:line`), or not an MNIS `<Members>` file.
pub(super) fn read_members(path: &Path) -> Result<Vec<Member>> {
    let text = super::read(path)?;
    let doc = roxmltree::Document::parse(&text).map_err(|e| {
        Error::usage(format!(
            "`{}:{}`: not valid XML: {e}",
            path.display(),
            e.pos().row
        ))
        .hint("pass the XML that the MNIS members query returns")
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "Members" {
        return Err(Error::usage(format!(
            "`{}` is not an MNIS members file (its root is <{}>, not <Members>)",
            path.display(),
            root.tag_name().name()
        )));
    }
    let text_of = |node: roxmltree::Node, name: &str| {
        node.children()
            .find(|c| c.has_tag_name(name))
            .and_then(|c| c.text())
            .unwrap_or("")
            .trim()
            .to_string()
    };
    let mut members = Vec::new();
    for m in root.children().filter(|c| c.has_tag_name("Member")) {
        let status = m.children().find(|c| c.has_tag_name("CurrentStatus"));
        let addresses = m
            .children()
            .find(|c| c.has_tag_name("Addresses"))
            .map(|a| {
                a.children()
                    .filter(|c| c.has_tag_name("Address"))
                    .map(|a| Address {
                        kind: text_of(a, "Type"),
                        lines: (1..=5)
                            .map(|i| text_of(a, &format!("Address{i}")))
                            .filter(|l| !l.is_empty())
                            .collect(),
                        postcode: text_of(a, "Postcode"),
                        phone: text_of(a, "Phone"),
                        email: text_of(a, "Email"),
                        website: text_of(a, "Website"),
                    })
                    .collect()
            })
            .unwrap_or_default();
        members.push(Member {
            id: m.attribute("Member_Id").unwrap_or("").to_string(),
            display_as: text_of(m, "DisplayAs"),
            party: text_of(m, "Party"),
            member_from: text_of(m, "MemberFrom"),
            active: status.and_then(|s| s.attribute("IsActive")) == Some("True"),
            addresses,
        });
    }
    Ok(members)
}

/// How a peer is greeted in a letter (Debrett's): "Dear Lord Aberdare", "Dear Baroness Adams"
/// (the territorial designation after "of" is left out), "Dear Lord Kinnoull" for an earl or
/// marquess, "Dear Duke", "Dear Bishop", "Dear Archbishop".
pub fn peer_salutation(display_as: &str) -> String {
    let name = display_as.trim();
    let name = name.strip_prefix("The ").unwrap_or(name);
    if name.starts_with("Lord Archbishop") || name.starts_with("Archbishop") {
        return "Dear Archbishop".into();
    }
    if name.starts_with("Lord Bishop") || name.starts_with("Bishop") {
        return "Dear Bishop".into();
    }
    if name.starts_with("Duke") {
        return "Dear Duke".into();
    }
    let (rank, rest) = name.split_once(' ').unwrap_or((name, ""));
    // "Earl of Kinnoull" → "Kinnoull"; "Lord Hunt of Kings Heath" → "Hunt".
    let title = match rest.strip_prefix("of ") {
        Some(place) => place,
        None => rest.split(" of ").next().unwrap_or(rest),
    };
    let greeting = match rank {
        "Baroness" => "Baroness",
        "Countess" | "Lady" | "Viscountess" | "Marchioness" => "Lady",
        _ => "Lord",
    };
    format!("Dear {greeting} {}", title.trim())
}

/// Imports the members of the House of Lords from the MNIS Lords XML.
pub(super) fn import_lords(paths: &[PathBuf]) -> Result<Imported> {
    let [path] = paths else {
        return Err(Error::usage(
            "uk-lords takes exactly one file: the MNIS Lords members XML",
        ));
    };
    let members = read_members(path)?;
    let mut imported = Imported {
        source: "UK Parliament Members Names Information Service (House of Lords, addresses)"
            .into(),
        licence: "Open Parliament Licence v3.0".into(),
        attribution:
            "Contains Parliamentary information licensed under the Open Parliament Licence v3.0."
                .into(),
        ..Default::default()
    };
    // A phone number published for many peers is a shared line, not theirs.
    let mut phone_count: HashMap<String, usize> = HashMap::new();
    for m in &members {
        for a in m
            .addresses
            .iter()
            .filter(|a| a.kind == "Parliamentary office")
        {
            *phone_count.entry(digits(&a.phone)).or_default() += 1;
        }
    }
    let mut ids = crate::support::text::UniqueIds::new();
    let mut shared_email = 0;
    for m in members {
        if !m.active {
            imported.skipped.push(format!(
                "{}: not an active member of the House",
                m.display_as
            ));
            continue;
        }
        let office = m
            .addresses
            .iter()
            .find(|a| a.kind == "Parliamentary office");
        let external = m
            .addresses
            .iter()
            .find(|a| a.kind == "External or private office" && check_email(&a.email).is_ok());
        let mut contact = ContactFields::default();
        if let Some(o) = office {
            contact.postal = o.lines.clone();
            if !o.postcode.is_empty() {
                contact.postal.push(o.postcode.clone());
            }
            if !has_street_line(&contact.postal) {
                if !contact.postal.is_empty() {
                    imported.fixes.push(format!(
                        "{}: parliamentary office address `{}` has no street or building line; left out",
                        m.display_as,
                        contact.postal.join(", ")
                    ));
                }
                contact.postal.clear();
            }
            if !o.phone.is_empty() {
                contact.phone = Some(o.phone.clone());
                if phone_count.get(&digits(&o.phone)).copied().unwrap_or(0) > 5 {
                    contact.shared.insert(
                        "phone".into(),
                        "a House of Lords line shared by many members".into(),
                    );
                }
            }
            let email = o.email.trim();
            let own = !email.is_empty() && !email.eq_ignore_ascii_case(LORDS_SHARED_EMAIL);
            if own && check_email(email).is_ok() {
                contact.email = Some(email.to_string());
            } else if own {
                // A cell with notes or several addresses: the first parliamentary one.
                let words: Vec<&str> = email
                    .split(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | '/' | '(' | ')'))
                    .filter(|w| check_email(w).is_ok())
                    .collect();
                match words
                    .iter()
                    .find(|w| w.ends_with("@parliament.uk"))
                    .or(words.first())
                {
                    Some(first) => {
                        imported.fixes.push(format!(
                            "{}: email `{email}` repaired to `{first}`",
                            m.display_as
                        ));
                        contact.email = Some(first.to_string());
                    }
                    None => imported.fixes.push(format!(
                        "{}: email `{email}` is not an address; left out",
                        m.display_as
                    )),
                }
            }
        }
        if contact.email.is_none()
            && let Some(e) = external
        {
            contact.email = Some(e.email.clone());
            imported.notes.push(format!(
                "{}: no parliamentary email of their own; using the external office address Parliament publishes ({})",
                m.display_as, e.email
            ));
        }
        if contact.email.is_none()
            && office.is_some_and(|o| o.email.eq_ignore_ascii_case(LORDS_SHARED_EMAIL))
        {
            contact.email = Some(LORDS_SHARED_EMAIL.into());
            contact.shared.insert(
                "email".into(),
                "the House of Lords' shared enquiry address for members, not the peer's own".into(),
            );
            shared_email += 1;
        }
        contact.website = m
            .addresses
            .iter()
            .find(|a| a.kind == "Website" && a.website.starts_with("http"))
            .map(|a| a.website.clone());
        if contact.email.is_none() && contact.postal.is_empty() && contact.phone.is_none() {
            imported.skipped.push(format!(
                "{}: no address, email or phone in the source",
                m.display_as
            ));
            continue;
        }
        let base = format!("uk-peer-{}", slug_or(&m.display_as, &m.id));
        let id = ids.next(&base, &format!("uk-peer-{}", m.id), |_| false);
        let mut other = BTreeMap::new();
        other.insert("parliament_member_id".to_string(), m.id.clone());
        imported.recipients.push(Recipient::from(RecipientFields {
            id,
            salutation: Some(peer_salutation(&m.display_as)),
            name: m.display_as.clone(),
            role: Some(format!(
                "Member of the House of Lords{}",
                if m.member_from.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", m.member_from.to_lowercase())
                }
            )),
            body: "uk-lords".into(),
            country: "GB".into(),
            party: Some(m.party.clone()).filter(|p| !p.is_empty()),
            contact,
            ids: other,
            ..Default::default()
        }));
    }
    imported.notes.push(format!(
        "{shared_email} peers publish no email of their own: they have the House of Lords' shared enquiry address, marked as shared"
    ));
    Ok(imported)
}

/// The digits of a phone number, to compare numbers written differently.
fn digits(phone: &str) -> String {
    phone.chars().filter(char::is_ascii_digit).collect()
}

/// Constituency offices and the phone to call, by member id, from the MNIS Commons XML.
pub(super) type CommonsContacts = HashMap<String, (Vec<Office>, Option<String>)>;

/// Reads the Commons file for `uk-mp-lookup`: each MP's constituency offices and a phone (a
/// constituency office's, else the Westminster one). Offices without a street line are not
/// kept as offices (their phone is); each such repair goes into `fixes`.
pub(super) fn commons_offices(path: &Path, fixes: &mut Vec<String>) -> Result<CommonsContacts> {
    let mut out = HashMap::new();
    for m in read_members(path)? {
        let mut offices = Vec::new();
        let mut phone = None;
        for a in m
            .addresses
            .iter()
            .filter(|a| a.kind.eq_ignore_ascii_case("Constituency office"))
        {
            let mut postal = a.lines.clone();
            if !a.postcode.is_empty() {
                postal.push(a.postcode.clone());
            }
            let office_phone = Some(a.phone.clone()).filter(|p| !p.is_empty());
            if phone.is_none() {
                phone = office_phone.clone();
            }
            if !has_street_line(&postal)
                || postal[0].eq_ignore_ascii_case("constituency office") && postal.len() < 3
            {
                fixes.push(format!(
                    "{}: constituency office `{}` has no street address; {}",
                    m.display_as,
                    postal.join(", "),
                    if office_phone.is_some() {
                        "only its phone is kept"
                    } else {
                        "left out"
                    }
                ));
                continue;
            }
            // The town: the last line that is not the postcode.
            let town = a
                .lines
                .last()
                .cloned()
                .unwrap_or_else(|| a.postcode.clone());
            offices.push(Office {
                name: town,
                postal,
                phone: office_phone,
            });
        }
        if phone.is_none() {
            phone = m
                .addresses
                .iter()
                .find(|a| a.kind == "Parliamentary office" && !a.phone.is_empty())
                .map(|a| a.phone.clone());
        }
        out.insert(m.id.clone(), (offices, phone));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peers_are_greeted_by_title() {
        assert_eq!(peer_salutation("Lord Aberdare"), "Dear Lord Aberdare");
        assert_eq!(
            peer_salutation("Baroness Adams of Craigielea"),
            "Dear Baroness Adams"
        );
        assert_eq!(
            peer_salutation("Lord Hunt of Kings Heath"),
            "Dear Lord Hunt"
        );
        assert_eq!(
            peer_salutation("The Earl of Kinnoull"),
            "Dear Lord Kinnoull"
        );
        assert_eq!(peer_salutation("Earl Howe"), "Dear Lord Howe");
        assert_eq!(peer_salutation("Viscount Hailsham"), "Dear Lord Hailsham");
        assert_eq!(peer_salutation("The Duke of Norfolk"), "Dear Duke");
        assert_eq!(peer_salutation("The Lord Bishop of Leeds"), "Dear Bishop");
        assert_eq!(
            peer_salutation("The Lord Archbishop of York"),
            "Dear Archbishop"
        );
        assert_eq!(peer_salutation("Countess of Mar"), "Dear Lady Mar");
    }
}
