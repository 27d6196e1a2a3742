//! One recipient record, kept small: a campaign list can hold 100,000 of them, and every
//! record of every file loaded stays in memory for the whole run.
//!
//! The schema of a record (field names, kinds, defaults) is [`RecipientFields`] and
//! [`ContactFields`]: what a YAML file holds, what importers build and what `recipients show`
//! prints. In memory a record is a [`Recipient`]: the fields every record has are inline (as
//! [`Text`], which keeps a string of up to 24 bytes without an allocation: most ids, names,
//! bodies, country codes and email addresses), the file-level `source` and `as_of` are
//! shared between the records of a file, and everything else ([`Details`],
//! [`ContactDetails`]) sits in a box that only records with such fields allocate. A record
//! such as `{id, name, body, country, contact: {email}}` takes 168 bytes and no allocation,
//! where the plain struct took about a kilobyte.
//!
//! May import: nothing outside this module's parent.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// A short string kept inline when it has at most 24 bytes (`compact_str`); it dereferences
/// to `str`.
pub type Text = compact_str::CompactString;

/// One person or office a letter can be addressed to (the schema is [`RecipientFields`]).
///
/// The rarer fields are in [`Details`], which a `Recipient` dereferences to: `r.role` reads
/// as a field of the record, and a record without details reads as having none of them.
/// Assigning one (`r.role = Some(..)`) makes the box.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(from = "RecipientFields", into = "RecipientFields")]
pub struct Recipient {
    /// Stable identifier used with `--to` (lower-case letters, digits and dashes).
    pub id: Text,
    /// Display name, e.g. "Elizabeth Warren" or "Alex Baker".
    pub name: Text,
    /// Which body they sit in or belong to; one of [`super::BODIES`].
    pub body: Text,
    /// ISO 3166-1 alpha-2 country code, upper case ("US", "GB").
    pub country: Text,
    /// How to reach them.
    pub contact: Contact,
    /// Where this record came from (dataset, URL); shared with the other records of its file
    /// when it is the file's default.
    pub source: Option<Arc<str>>,
    /// The date the source data was current (YYYY-MM-DD); shared like `source`.
    pub as_of: Option<Arc<str>>,
    /// Everything else, when the record has any of it.
    details: Option<Box<Details>>,
}

/// The fields of a [`Recipient`] that many records lack (see [`RecipientFields`] for each).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Details {
    /// Given (first) name.
    pub given_name: Option<String>,
    /// Family (last) name.
    pub family_name: Option<String>,
    /// Form of address placed before the family name.
    pub honorific: Option<String>,
    /// Letters after the name.
    pub post_nominal: Option<String>,
    /// An explicit salutation that overrides the derived one.
    pub salutation: Option<String>,
    /// `female` or `male`, where the source gives it.
    pub gender: Option<String>,
    /// The language to write to them in (a BCP 47 tag), when not their country's.
    pub language: Option<String>,
    /// What they do.
    pub role: Option<String>,
    /// The organisation they belong to.
    pub organisation: Option<String>,
    /// State, nation or region.
    pub region: Option<String>,
    /// District or constituency.
    pub district: Option<String>,
    /// Local areas the seat covers.
    pub areas: Vec<String>,
    /// Party or group.
    pub party: Option<String>,
    /// Committees.
    pub committees: Vec<String>,
    /// The last day of the current term (YYYY-MM-DD).
    pub term_end: Option<String>,
    /// Identifiers in other datasets.
    pub ids: BTreeMap<String, String>,
}

impl Details {
    /// No details at all: what a record without the box reads as.
    const NONE: Details = Details {
        given_name: None,
        family_name: None,
        honorific: None,
        post_nominal: None,
        salutation: None,
        gender: None,
        language: None,
        role: None,
        organisation: None,
        region: None,
        district: None,
        areas: Vec::new(),
        party: None,
        committees: Vec::new(),
        term_end: None,
        ids: BTreeMap::new(),
    };

    /// The box for these details: none when there are none.
    fn boxed(self) -> Option<Box<Details>> {
        (self != Details::NONE).then(|| Box::new(self))
    }
}

static NO_DETAILS: Details = Details::NONE;

impl std::ops::Deref for Recipient {
    type Target = Details;

    fn deref(&self) -> &Details {
        self.details.as_deref().unwrap_or(&NO_DETAILS)
    }
}

impl std::ops::DerefMut for Recipient {
    fn deref_mut(&mut self) -> &mut Details {
        self.details.get_or_insert_with(Box::default)
    }
}

impl PartialEq for Recipient {
    /// Records are equal when their fields are, whether or not an empty box was made.
    fn eq(&self, other: &Recipient) -> bool {
        self.id == other.id
            && self.name == other.name
            && self.body == other.body
            && self.country == other.country
            && self.contact == other.contact
            && self.source == other.source
            && self.as_of == other.as_of
            && **self == **other
    }
}

/// The channels by which a recipient can be reached (the schema is [`ContactFields`]). The
/// email address is inline; the rest is in [`ContactDetails`], which a `Contact`
/// dereferences to like a [`Recipient`] to its [`Details`].
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(from = "ContactFields", into = "ContactFields")]
pub struct Contact {
    /// A published email address.
    pub email: Option<Text>,
    /// Every other channel, when there is one.
    details: Option<Box<ContactDetails>>,
}

/// The channels of a [`Contact`] other than email (see [`ContactFields`] for each).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContactDetails {
    /// Postal address lines, postcode included.
    pub postal: Vec<String>,
    /// Office phone number.
    pub phone: Option<String>,
    /// URL of a web contact form.
    pub contact_form: Option<String>,
    /// Official website.
    pub website: Option<String>,
    /// Local (district or constituency) offices.
    pub offices: Vec<Office>,
    /// Channels that reach a shared office rather than the person: channel → whose office.
    pub shared: BTreeMap<String, String>,
}

impl ContactDetails {
    const NONE: ContactDetails = ContactDetails {
        postal: Vec::new(),
        phone: None,
        contact_form: None,
        website: None,
        offices: Vec::new(),
        shared: BTreeMap::new(),
    };
}

static NO_CONTACT_DETAILS: ContactDetails = ContactDetails::NONE;

impl std::ops::Deref for Contact {
    type Target = ContactDetails;

    fn deref(&self) -> &ContactDetails {
        self.details.as_deref().unwrap_or(&NO_CONTACT_DETAILS)
    }
}

impl std::ops::DerefMut for Contact {
    fn deref_mut(&mut self) -> &mut ContactDetails {
        self.details.get_or_insert_with(Box::default)
    }
}

impl PartialEq for Contact {
    fn eq(&self, other: &Contact) -> bool {
        self.email == other.email && **self == **other
    }
}

/// A local office of a representative.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// Where it is (a town), for choosing one.
    pub name: String,
    /// Postal address lines.
    pub postal: Vec<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// One recipient record as a file holds it: the schema (documented in the README), in the
/// order `recipients show` prints it. Importers build these; [`Recipient::from`] makes the
/// compact record.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RecipientFields {
    /// Stable identifier used with `--to` (lower-case letters, digits and dashes).
    pub id: String,
    /// Display name, e.g. "Elizabeth Warren" or "Alex Baker".
    pub name: String,
    /// Given (first) name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// Family (last) name, used in salutations such as "Dear Senator Warren".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    /// Form of address placed before the family name: "Senator", "Representative", "Dr".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub honorific: Option<String>,
    /// Letters after the name, e.g. "MP" or "MEP".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_nominal: Option<String>,
    /// An explicit salutation that overrides the derived one ("Dear Sir or Madam").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salutation: Option<String>,
    /// `female` or `male`, where the source gives it (the Knesset's `GenderDesc`, the
    /// Assemblée's civility): languages whose salutations are gendered use it ("Madame la
    /// Députée", "Sehr geehrter Herr ..."). Never guessed from a name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// The language to write to them in, a BCP 47 tag (`fr`, `he`), when it is not the one
    /// their country gives (see `conventions::letter_language`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// What they do, e.g. "United States Senator for Massachusetts".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The organisation they belong to, for recipients outside a legislature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Which body they sit in or belong to; one of [`super::BODIES`].
    pub body: String,
    /// ISO 3166-1 alpha-2 country code, upper case ("US", "GB").
    pub country: String,
    /// State, nation or region ("MA", "South East").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// District or constituency ("14", "Aldershot").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// Local areas (councils, towns) the seat covers, for finding "my" representative.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
    /// Party or group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// Committees, as "CODE: Name" or plain names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub committees: Vec<String>,
    /// How to reach them.
    #[serde(default)]
    pub contact: ContactFields,
    /// Where this record came from (dataset, URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The date the source data was current (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// The last day of the current term (YYYY-MM-DD), where the source gives one. From that day
    /// on the person is not presented as current (see [`super::Directory::current`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term_end: Option<String>,
    /// Identifiers in other datasets (bioguide, member_id, ...).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ids: BTreeMap<String, String>,
}

/// The channels by which a recipient can be reached, as a file holds them. Any may be
/// missing; never guessed.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ContactFields {
    /// A published email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Postal address lines, postcode included.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub postal: Vec<String>,
    /// Office phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// URL of a web contact form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_form: Option<String>,
    /// Official website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Local (district or constituency) offices; a letter to one often arrives sooner.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offices: Vec<Office>,
    /// Channels that reach a shared office rather than the person: channel (`email`, `postal`,
    /// `phone` or `contact_form`) → whose office it is, e.g. `email: House of Lords members'
    /// enquiry address`. Shown with the channel wherever it is listed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub shared: BTreeMap<String, String>,
}

impl From<RecipientFields> for Recipient {
    fn from(f: RecipientFields) -> Recipient {
        let details = Details {
            given_name: f.given_name,
            family_name: f.family_name,
            honorific: f.honorific,
            post_nominal: f.post_nominal,
            salutation: f.salutation,
            gender: f.gender,
            language: f.language,
            role: f.role,
            organisation: f.organisation,
            region: f.region,
            district: f.district,
            areas: f.areas,
            party: f.party,
            committees: f.committees,
            term_end: f.term_end,
            ids: f.ids,
        };
        Recipient {
            id: f.id.into(),
            name: f.name.into(),
            body: f.body.into(),
            country: f.country.into(),
            contact: f.contact.into(),
            source: f.source.map(Arc::from),
            as_of: f.as_of.map(Arc::from),
            details: details.boxed(),
        }
    }
}

impl From<Recipient> for RecipientFields {
    fn from(r: Recipient) -> RecipientFields {
        let d = r.details.map(|d| *d).unwrap_or_default();
        RecipientFields {
            id: r.id.into(),
            name: r.name.into(),
            given_name: d.given_name,
            family_name: d.family_name,
            honorific: d.honorific,
            post_nominal: d.post_nominal,
            salutation: d.salutation,
            gender: d.gender,
            language: d.language,
            role: d.role,
            organisation: d.organisation,
            body: r.body.into(),
            country: r.country.into(),
            region: d.region,
            district: d.district,
            areas: d.areas,
            party: d.party,
            committees: d.committees,
            contact: r.contact.into(),
            source: r.source.map(|s| s.to_string()),
            as_of: r.as_of.map(|s| s.to_string()),
            term_end: d.term_end,
            ids: d.ids,
        }
    }
}

impl From<ContactFields> for Contact {
    fn from(f: ContactFields) -> Contact {
        let details = ContactDetails {
            postal: f.postal,
            phone: f.phone,
            contact_form: f.contact_form,
            website: f.website,
            offices: f.offices,
            shared: f.shared,
        };
        Contact {
            email: f.email.map(Text::from),
            details: (details != ContactDetails::NONE).then(|| Box::new(details)),
        }
    }
}

impl From<Contact> for ContactFields {
    fn from(c: Contact) -> ContactFields {
        let d = c.details.map(|d| *d).unwrap_or_default();
        ContactFields {
            email: c.email.map(String::from),
            postal: d.postal,
            phone: d.phone,
            contact_form: d.contact_form,
            website: d.website,
            offices: d.offices,
            shared: d.shared,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_record_is_small_and_reads_like_the_schema() {
        // What a record costs in a list of 100,000: this, and nothing on the heap for short
        // values.
        assert!(std::mem::size_of::<Recipient>() <= 168);
        let yaml = "id: bench-000001\nname: Bench Recipient 1\nbody: other\ncountry: NZ\ncontact: {email: bench1@example.org}\n";
        let r: Recipient = serde_yaml::from_str(yaml).unwrap();
        assert!(r.details.is_none() && r.contact.details.is_none());
        assert!(!r.id.is_heap_allocated() && !r.name.is_heap_allocated());
        assert_eq!(r.role, None);
        assert!(r.contact.postal.is_empty());
        assert_eq!(
            serde_yaml::to_string(&r).unwrap(),
            yaml.replace(
                " {email: bench1@example.org}",
                "\n  email: bench1@example.org"
            )
        );

        let mut more = r.clone();
        more.role = Some("Campaigner".into());
        more.contact.phone = Some("+64 4 000 0000".into());
        assert_ne!(more, r);
        let back: Recipient = serde_yaml::from_str(&serde_yaml::to_string(&more).unwrap()).unwrap();
        assert_eq!(back, more);
        assert_eq!(back.role.as_deref(), Some("Campaigner"));

        // An empty box is no difference.
        let mut touched = r.clone();
        let _ = &mut touched.ids;
        assert_eq!(touched, r);
    }
}
