//! The guided letter's words: one function per message, each a message of the Fluent
//! catalogue `i18n/ui/LANG.ftl` (English in `en.ftl`, the reference; see `i18n/README.md`), so
//! that every sentence the wizard shows can be found, reviewed and translated in one place.
//! A function's arguments are the message's variables; counts are numbers, so a catalogue
//! can choose its plural forms.
//!
//! May import: [`crate::support`].

use crate::support::i18n::{Arg, t, ui};

/// Before the reason a typed answer was refused.
pub fn cannot_use() -> String {
    t("wizard-cannot-use")
}

/// An empty answer to a required question.
pub fn required() -> String {
    t("wizard-required")
}

/// `profile init`: every field is asked with what is there now.
pub fn edit_fields() -> String {
    t("wizard-edit-fields")
}

/// `profile init`: the phone number.
pub fn phone_prompt() -> String {
    t("wizard-phone-prompt")
}

/// The first address line may not be empty.
pub fn address_needed() -> String {
    t("wizard-address-needed")
}

/// The heading of the recipients step.
pub fn whom() -> String {
    t("wizard-whom")
}

/// The menu of ways to find people.
pub fn find_them() -> String {
    t("wizard-find-them")
}

/// Ticking people in a list.
pub fn tick() -> String {
    t("wizard-tick")
}

/// Going back to the recipients: untick whoever should not get a letter.
pub fn keep_whom() -> String {
    t("wizard-keep-whom")
}

/// How to search.
pub fn search_hint() -> String {
    t("wizard-search-hint")
}

/// The search prompt.
pub fn search() -> String {
    t("wizard-search")
}

/// An empty search.
pub fn search_empty() -> String {
    t("wizard-search-empty")
}

/// The place question of "my representatives".
pub fn place() -> String {
    t("wizard-place")
}

/// An empty place.
pub fn place_empty() -> String {
    t("wizard-place-empty")
}

/// Nobody chosen yet.
pub fn no_one_yet() -> String {
    t("wizard-no-one-yet")
}

/// Somebody chosen.
pub fn add_more() -> String {
    t("wizard-add-more")
}

/// The heading of the template step (one letter for everyone).
pub fn what_to_ask() -> String {
    t("wizard-what-to-ask")
}

/// The template menu.
pub fn choose_letter() -> String {
    t("wizard-choose-letter")
}

/// No template is written for everyone chosen.
pub fn no_letter_fits() -> String {
    t("wizard-no-letter-fits")
}

/// The heading when the chosen people need different letters.
pub fn groups_heading() -> String {
    t("wizard-groups-heading")
}

/// Why, and what happens next.
pub fn groups_intro() -> String {
    t("wizard-groups-intro")
}

/// Before the questions of the (first) letter.
pub fn questions() -> String {
    t("wizard-questions")
}

/// Which earlier letter a chase letter follows.
pub fn which_earlier() -> String {
    t("wizard-which-earlier")
}

/// The line between pages of a long letter shown page by page.
pub fn more() -> String {
    t("wizard-more")
}

/// The preview menu.
pub fn what_next() -> String {
    t("wizard-what-next")
}

/// Preview: write.
pub fn write_letters() -> String {
    t("wizard-write-letters")
}

/// Preview: edit.
pub fn edit_letter() -> String {
    t("wizard-edit-letter")
}

/// Preview: the next letter.
pub fn next_letter() -> String {
    t("wizard-next-letter")
}

/// Preview: cancel.
pub fn cancel_letters() -> String {
    t("wizard-cancel-letters")
}

/// The heading of the mail account questions.
pub fn smtp_heading() -> String {
    t("wizard-smtp-heading")
}

/// What sending by email means.
pub fn smtp_intro() -> String {
    t("wizard-smtp-intro")
}

/// Whether to set it up (`profile init`).
pub fn smtp_wanted() -> String {
    t("wizard-smtp-wanted")
}

/// The heading of the inline set-up at the end of the guided letter.
pub fn smtp_inline_heading() -> String {
    t("wizard-smtp-inline-heading")
}

/// What the inline set-up does.
pub fn smtp_inline_intro() -> String {
    t("wizard-smtp-inline-intro")
}

/// The provider menu.
pub fn provider() -> String {
    t("wizard-provider")
}

/// The first row of the provider menu.
pub fn another_provider() -> String {
    t("wizard-another-provider")
}

/// Where to find another provider's settings.
pub fn provider_help() -> String {
    t("wizard-provider-help")
}

/// The server.
pub fn smtp_host() -> String {
    t("wizard-smtp-host")
}

/// An empty server.
pub fn smtp_host_empty() -> String {
    t("wizard-smtp-host-empty")
}

/// The security menu.
pub fn security() -> String {
    t("wizard-security")
}

/// The port.
pub fn port() -> String {
    t("wizard-port")
}

/// The server offers no login.
pub fn no_login_needed() -> String {
    t("wizard-no-login-needed")
}

/// The login name.
pub fn login_name() -> String {
    t("wizard-login-name")
}

/// An empty login name.
pub fn no_login() -> String {
    t("wizard-no-login")
}

/// About the password.
pub fn password_command_hint() -> String {
    t("wizard-password-command-hint")
}

/// The password command.
pub fn password_command() -> String {
    t("wizard-password-command")
}

/// Whether to try the server now (`profile init`).
pub fn check_now() -> String {
    t("wizard-check-now")
}

/// The connection test failed.
pub fn no_connection() -> String {
    t("wizard-no-connection")
}

/// What to do then.
pub fn retry() -> String {
    t("wizard-retry")
}

/// The heading after the letters are written.
pub fn road_heading() -> String {
    t("wizard-road-heading")
}

/// The menu after writing.
pub fn road() -> String {
    t("wizard-road")
}

/// Leave.
pub fn road_finish() -> String {
    t("wizard-road-finish")
}

/// Printing: how.
pub fn print_how() -> String {
    t("wizard-print-how")
}

/// Calling: how.
pub fn call_how() -> String {
    t("wizard-call-how")
}

/// Forms: how.
pub fn form_how() -> String {
    t("wizard-form-how")
}

/// Opening an email letter: how.
pub fn mail_program_how() -> String {
    t("wizard-mail-program-how")
}

/// The ways to find people, in the order [`FIND_THEM`] offers them.
pub fn find_ways() -> [String; 4] {
    [
        t("wizard-find-ways-1"),
        t("wizard-find-ways-2"),
        t("wizard-find-ways-3"),
        t("wizard-find-ways-4"),
    ]
}

/// The security choices: STARTTLS, TLS, none.
pub fn security_choices() -> [String; 3] {
    [
        t("wizard-security-choices-1"),
        t("wizard-security-choices-2"),
        t("wizard-security-choices-3"),
    ]
}

/// The choices then: change, keep, skip.
pub fn retry_choices() -> [String; 3] {
    [
        t("wizard-retry-choices-1"),
        t("wizard-retry-choices-2"),
        t("wizard-retry-choices-3"),
    ]
}

/// Under a question whose answer is a paragraph.
pub fn multiline_hint(required: bool) -> String {
    let required = if required { "yes" } else { "no" };
    ui("wizard-multiline-hint", &[("required", Arg::Str(required))])
}

/// Nobody matched a search.
pub fn no_match(query: &str) -> String {
    ui("wizard-no-match", &[("query", Arg::Str(query))])
}

/// A search matched more than can be shown.
pub fn too_many(count: usize, shown: usize) -> String {
    ui(
        "wizard-too-many",
        &[("count", num(count)), ("shown", num(shown))],
    )
}

/// Everyone chosen so far.
pub fn writing_to(names: &[&str]) -> String {
    ui(
        "wizard-writing-to",
        &[("names", Arg::Str(&names.join(", ")))],
    )
}

/// One row of the template menu.
pub fn template_item(title: &str, summary: &str, not_for_all: bool) -> String {
    let args = [("title", Arg::Str(title)), ("summary", Arg::Str(summary))];
    if not_for_all {
        ui("wizard-template-item-not-for-all", &args)
    } else {
        ui("wizard-template-item", &args)
    }
}

/// One group, numbered from 1.
pub fn group_line(n: usize, members: &[String]) -> String {
    ui(
        "wizard-group-line",
        &[("n", num(n)), ("members", Arg::Str(&members.join("; ")))],
    )
}

/// The heading before choosing the letter for group `n` of `of`.
pub fn letter_for(n: usize, of: usize, names: &[&str]) -> String {
    ui(
        "wizard-letter-for",
        &[
            ("n", num(n)),
            ("of", num(of)),
            ("names", Arg::Str(&names.join(", "))),
        ],
    )
}

/// Answers taken from an earlier letter of the same run.
pub fn shared_answers(prompts: &[&str]) -> String {
    ui(
        "wizard-shared-answers",
        &[("prompts", Arg::Str(&prompts.join("; ")))],
    )
}

/// Before the questions of a later letter of the same run.
pub fn questions_for(names: &[&str]) -> String {
    ui(
        "wizard-questions-for",
        &[("names", Arg::Str(&names.join(", ")))],
    )
}

/// The heading above each letter.
pub fn preview_heading(n: usize, of: usize, name: &str) -> String {
    ui(
        "wizard-preview-heading",
        &[("n", num(n)), ("of", num(of)), ("name", Arg::Str(name))],
    )
}

/// What a preset needs to log in.
pub fn provider_login(name: &str, login: &str) -> String {
    ui(
        "wizard-provider-login",
        &[("name", Arg::Str(name)), ("login", Arg::Str(login))],
    )
}

/// Trying the server.
pub fn checking(host: &str, port: u16) -> String {
    ui(
        "wizard-checking",
        &[
            ("host", Arg::Str(host)),
            ("port", Arg::Str(&port.to_string())),
        ],
    )
}

/// The server answered.
pub fn connected(host: &str, port: u16) -> String {
    ui(
        "wizard-connected",
        &[
            ("host", Arg::Str(host)),
            ("port", Arg::Str(&port.to_string())),
        ],
    )
}

/// Where the mail settings went.
pub fn saved_to(path: &str) -> String {
    ui("wizard-saved-to", &[("path", Arg::Str(path))])
}

/// Whether to keep the settings.
pub fn save_smtp(path: &str) -> String {
    ui("wizard-save-smtp", &[("path", Arg::Str(path))])
}

/// Send the email letters now.
pub fn road_send(count: usize) -> String {
    ui("wizard-road-send", &[("count", num(count))])
}

/// Set up the account, then send.
pub fn road_set_up(count: usize) -> String {
    ui("wizard-road-set-up", &[("count", num(count))])
}

/// The email letters in the writer's mail program.
pub fn road_mail_program(count: usize) -> String {
    ui("wizard-road-mail-program", &[("count", num(count))])
}

/// The letters for the post.
pub fn road_print(count: usize) -> String {
    ui("wizard-road-print", &[("count", num(count))])
}

/// The call scripts.
pub fn road_call(count: usize) -> String {
    ui("wizard-road-call", &[("count", num(count))])
}

/// The contact forms.
pub fn road_form(count: usize) -> String {
    ui("wizard-road-form", &[("count", num(count))])
}

/// One recipient's files in a list: the name, then each file and detail on its own line.
pub fn road_entry(name: &str, files: &[String], details: &[String]) -> String {
    let mut out = format!("  {name}");
    for line in files.iter().chain(details) {
        out.push_str("\n    ");
        out.push_str(line);
    }
    out
}

/// A phone number in a list.
pub fn phone(number: &str, office: &str) -> String {
    ui(
        "wizard-phone",
        &[("number", Arg::Str(number)), ("office", Arg::Str(office))],
    )
}

/// A form's address in a list.
pub fn form_address(url: &str) -> String {
    ui("wizard-form-address", &[("url", Arg::Str(url))])
}

/// A postal address in a list.
pub fn postal(lines: &[String]) -> String {
    ui("wizard-postal", &[("address", Arg::Str(&lines.join(", ")))])
}

/// After posting, calling or using a form.
pub fn record_it(flag: &str, file: &str) -> String {
    ui(
        "wizard-record-it",
        &[("flag", Arg::Str(flag)), ("file", Arg::Str(file))],
    )
}

/// A count as a Fluent number (it selects the plural form).
fn num(n: usize) -> Arg<'static> {
    Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
}
