//! Letter-writing conventions that depend on who the letter is to: the salutation, the
//! sign-off, how dates are written, and the name as written on an envelope.
//!
//! Letters, templates (through their helpers) and every renderer use these, so a letter says
//! "Dear Senator Warren" and "Sincerely," the same way in every format. May import:
//! [`crate::error`], [`crate::support`], [`crate::data::recipients`].

use crate::data::recipients::Recipient;

/// How a date is written: "28 November 2026" (`Long`), "November 28, 2026" (`Us`) or
/// "2026-11-28" (`Iso`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// Day month year, British and international usage.
    Long,
    /// Month day, year: American usage.
    Us,
    /// ISO 8601.
    Iso,
}

impl DateStyle {
    /// The style for a style name used in templates (`long`, `us`, `iso`); unknown → `Long`.
    pub fn from_name(name: &str) -> DateStyle {
        match name {
            "us" => DateStyle::Us,
            "iso" => DateStyle::Iso,
            _ => DateStyle::Long,
        }
    }

    /// The style for letters from a writer in `country` (ISO code): US writers date the
    /// American way, everyone else day-month-year.
    pub fn for_country(country: Option<&str>) -> DateStyle {
        if country == Some("US") {
            DateStyle::Us
        } else {
            DateStyle::Long
        }
    }
}

/// A date written in `style`.
pub fn format_date(date: jiff::civil::Date, style: DateStyle) -> String {
    match style {
        DateStyle::Us => date.strftime("%B %-d, %Y").to_string(),
        DateStyle::Iso => date.to_string(),
        DateStyle::Long => date.strftime("%-d %B %Y").to_string(),
    }
}

/// "Dear Senator Warren", "Dear Alex Baker MP", "Dear Dr Lee", "Dear Ms Rivera"; an explicit
/// `salutation` in the recipient's record wins.
pub fn salutation(r: &Recipient) -> String {
    if let Some(s) = &r.salutation {
        return s.clone();
    }
    match (&r.honorific, &r.family_name, &r.post_nominal) {
        (Some(h), Some(f), _) => format!("Dear {h} {f}"),
        (_, _, Some(p)) => format!("Dear {} {p}", r.name),
        (Some(h), None, None) => format!("Dear {h} {}", r.name),
        _ => format!("Dear {}", r.name),
    }
}

/// "Sincerely," for American recipients, "Yours sincerely," elsewhere.
pub fn signoff(r: &Recipient) -> &'static str {
    if r.country == "US" {
        "Sincerely,"
    } else {
        "Yours sincerely,"
    }
}

/// The name as written on an envelope: "Senator Elizabeth Warren", "Alex Baker MP".
pub fn address_name(r: &Recipient) -> String {
    let mut name = match &r.honorific {
        Some(h) if r.family_name.is_some() => format!("{h} {}", r.name),
        _ => r.name.clone(),
    };
    if let Some(p) = &r.post_nominal {
        name = format!("{name} {p}");
    }
    name
}

/// One line describing a recipient in lists: "Senator Elizabeth Warren — United States
/// Senator for Massachusetts, Democrat".
pub fn describe(r: &Recipient) -> String {
    let mut parts = Vec::new();
    if let Some(role) = &r.role {
        parts.push(role.clone());
    }
    if let Some(org) = &r.organisation {
        parts.push(org.clone());
    }
    if let Some(party) = &r.party {
        parts.push(party.clone());
    }
    format!("{} — {}", address_name(r), parts.join(", "))
}
