//! Links that open a letter in the user's own mail program or webmail, for people who have no
//! SMTP account set up: `mailto:`, Gmail and Outlook compose addresses.
//!
//! Browsers, mail programs and operating systems cut or refuse links much past 2,000
//! characters (Internet Explorer's 2,083 is the classic limit; Windows' mailto handler and
//! Outlook on the web fail at a similar length), and a full letter percent-encoded is often
//! longer. Such a link would open an empty or truncated message, so [`compose_links`] then
//! gives a link with the address and subject only, and the caller says where the text is.
//!
//! May import: nothing from the crate (std only).

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The longest link outcry prints with the letter's text in it.
pub const MAX_LINK_CHARS: usize = 2000;

/// The three links for a message: (program, link, whether the text is in the link). A link
/// that would pass [`MAX_LINK_CHARS`] carries the address and subject only.
pub fn compose_links(
    to: &[String],
    subject: &str,
    body: &str,
) -> [(&'static str, String, bool); 3] {
    let full = full_links(to, subject, body);
    let short = full_links(to, subject, "");
    let pick = |i: usize| {
        let (name, link) = full[i].clone();
        if link.len() <= MAX_LINK_CHARS {
            (name, link, true)
        } else {
            let (_, link) = short[i].clone();
            // Without a body the `&body=` parameter is only noise.
            let link = link.trim_end_matches("&body=").to_string();
            (name, link, false)
        }
    };
    [pick(0), pick(1), pick(2)]
}

fn full_links(to: &[String], subject: &str, body: &str) -> [(&'static str, String); 3] {
    let to_list = to.join(",");
    // mailto bodies use CRLF line breaks (RFC 6068).
    let crlf = body.replace('\n', "\r\n");
    [
        (
            "mail program",
            format!(
                "mailto:{}?subject={}&body={}",
                encode(&to_list),
                encode(subject),
                encode(&crlf)
            ),
        ),
        (
            "Gmail",
            format!(
                "https://mail.google.com/mail/?view=cm&fs=1&to={}&su={}&body={}",
                encode(&to_list),
                encode(subject),
                encode(body)
            ),
        ),
        (
            "Outlook",
            format!(
                "https://outlook.live.com/mail/0/deeplink/compose?to={}&subject={}&body={}",
                encode(&to_list),
                encode(subject),
                encode(body)
            ),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_utf8_and_reserved() {
        assert_eq!(encode("a b&c=ë"), "a%20b%26c%3D%C3%AB");
        let links = compose_links(&["x@example.org".into()], "Hi", "a\nb");
        assert_eq!(
            links[0].1,
            "mailto:x%40example.org?subject=Hi&body=a%0D%0Ab"
        );
        assert!(links.iter().all(|l| l.2));
    }

    #[test]
    fn long_letters_get_short_links() {
        let body = "Ein langer Brief — ".repeat(200);
        for (_, link, with_text) in compose_links(&["x@example.org".into()], "Hi", &body) {
            assert!(!with_text && link.len() < 200, "{link}");
            assert!(!link.contains("body"), "{link}");
        }
    }
}
