//! Links that open a letter in the user's own mail program or webmail, for people who have no
//! SMTP account set up: `mailto:`, Gmail and Outlook compose addresses.
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

/// The three links for a message.
pub fn compose_links(to: &[String], subject: &str, body: &str) -> [(&'static str, String); 3] {
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
    }
}
