//! The command line as typed: clap types only. Commands turn these into settings; nothing
//! outside `commands` sees clap types. The `///` docs here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::output::Format;

/// Write to your representatives about forced organ harvesting and transplant tourism.
///
/// Run `outcry` in a terminal for a guided letter, or `outcry write --help` to script it.
#[derive(Debug, Parser)]
#[command(name = "outcry", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// Add or override letter templates from this folder (or file); repeatable.
    #[arg(long = "templates", value_name = "DIR", global = true)]
    pub templates: Vec<PathBuf>,
    /// Add recipients from this YAML file; repeatable. A record with a built-in id replaces it.
    #[arg(long = "recipients", value_name = "FILE", global = true)]
    pub recipients: Vec<PathBuf>,
    /// What to do; without one, `outcry` starts the guided letter in a terminal.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write letters: guided in a terminal, or from flags and an answers file.
    Write(Box<WriteArgs>),
    /// List, show and check letter templates.
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Find, list, show, check and import recipients.
    #[command(subcommand)]
    Recipients(RecipientsCommand),
    /// Create or show your sender profile; test your mail account.
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// Send the .eml letters that `write` produced from your own email account (safe by default).
    Send(SendArgs),
    /// List the letters sent by email, from the sent log.
    History {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print a shell completion script, e.g. `outcry completions bash > ~/.local/share/bash-completion/completions/outcry`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// Options of `outcry write`.
#[derive(Debug, Args)]
pub struct WriteArgs {
    /// The template to use (see `outcry templates list`).
    #[arg(long, short = 't', value_name = "ID")]
    pub template: Option<String>,
    /// A recipient id (see `outcry recipients list`); repeatable, or comma-separated.
    #[arg(long = "to", value_name = "ID", value_delimiter = ',')]
    pub to: Vec<String>,
    /// Also write to everyone matching the filters below (or everyone, with no filter).
    #[arg(long)]
    pub all: bool,
    /// With --all: which recipients.
    #[command(flatten, next_help_heading = "Choosing recipients with --all")]
    pub filters: FilterArgs,
    /// Answer a template question: KEY=VALUE; repeatable.
    #[arg(long = "set", short = 's', value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Read answers from a YAML file of `key: value` lines.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Use this sender profile instead of the saved one.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Your name (overrides the profile).
    #[arg(long, value_name = "NAME")]
    pub sender_name: Option<String>,
    /// Your email address (overrides the profile).
    #[arg(long, value_name = "EMAIL")]
    pub sender_email: Option<String>,
    /// One line of your postal address; repeat for each line (overrides the profile).
    #[arg(long, value_name = "LINE")]
    pub sender_address: Vec<String>,
    /// Your country, as an ISO code such as US or GB (overrides the profile).
    #[arg(long, value_name = "CODE")]
    pub sender_country: Option<String>,
    /// Your phone number (overrides the profile).
    #[arg(long, value_name = "PHONE")]
    pub sender_phone: Option<String>,
    /// Folder for the letter files.
    #[arg(long, short = 'o', value_name = "DIR", default_value = "letters")]
    pub out: PathBuf,
    /// File format; repeatable. Default: each recipient's best channels (txt and eml for those
    /// with an email address; pdf, envelope, call script and form text for the others).
    #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
    pub format: Vec<Format>,
    /// After writing, send the .eml letters by email (asks first; see `outcry send`).
    #[arg(long)]
    pub send: bool,
    /// With --send: send without asking for confirmation.
    #[arg(long, short = 'y', requires = "send")]
    pub yes: bool,
    /// With --send: show what would be sent, and send nothing.
    #[arg(long, requires = "send")]
    pub dry_run: bool,
    /// With --send: send at most N letters.
    #[arg(long, value_name = "N", requires = "send")]
    pub limit: Option<usize>,
    /// How to reach them, instead of the automatic choice: email (.eml), post (printable
    /// letter), phone (call script) or form (contact-form text); repeatable.
    #[arg(long, value_enum, value_name = "CHANNEL")]
    pub channel: Vec<crate::output::Channel>,
    /// Print the letters to standard output instead of writing files.
    #[arg(long)]
    pub stdout: bool,
    /// Never prompt; fail with a message naming anything missing.
    #[arg(long)]
    pub no_input: bool,
    /// Replace letter files that already exist.
    #[arg(long)]
    pub force: bool,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
    /// Write without a personal paragraph (not recommended: offices discount form letters).
    #[arg(long)]
    pub no_personal: bool,
    /// Choose the template's alternative wordings with this number, for reproducible letters
    /// (default: derived from your name).
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// The date on the letters (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE", env = "OUTCRY_DATE")]
    pub date: Option<String>,
}

/// Options of `outcry send`.
#[derive(Debug, Args)]
pub struct SendArgs {
    /// Folders or .eml files to send (default: letters).
    pub paths: Vec<PathBuf>,
    /// Show exactly what would be sent, and send nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Send without asking for confirmation.
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Send at most N letters this time.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Send again letters that the sent log says were already sent.
    #[arg(long)]
    pub resend: bool,
    /// Send letters whose earlier attempt was interrupted (they may arrive twice).
    #[arg(long)]
    pub retry_unknown: bool,
    /// Allow `security: none` to a server that is not on this machine.
    #[arg(long)]
    pub insecure: bool,
    /// Print links that open each letter in your mail program, Gmail or Outlook instead.
    #[arg(long)]
    pub links: bool,
    /// Use this profile instead of the saved one.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
}

/// `outcry templates ...`
#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// List the templates.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show a template's questions, sources and text.
    Show {
        /// The template id.
        id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check template files (a file or a folder of *.hbs) and report every problem.
    Check {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

/// `outcry recipients ...`
#[derive(Debug, Subcommand)]
pub enum RecipientsCommand {
    /// List recipients, optionally filtered.
    List(ListArgs),
    /// Find your representatives: from a US ZIP code, a state and district, or a UK
    /// constituency, town or council.
    Find {
        /// A UK constituency, town or council name (e.g. Aldershot).
        place: Option<String>,
        /// A US ZIP code: your two senators and your House member.
        #[arg(long, value_name = "ZIP", conflicts_with = "place")]
        zip: Option<String>,
        /// A US state (two letters), with --district.
        #[arg(long, value_name = "STATE", conflicts_with_all = ["place", "zip"], requires = "district")]
        state: Option<String>,
        /// A US congressional district number (0 for at large), with --state.
        #[arg(long, value_name = "N", requires = "state")]
        district: Option<u32>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show everything known about one recipient.
    Show {
        /// The recipient id.
        id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check a recipients file and report every problem with its line.
    Check {
        /// The files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Convert a public dataset into a recipients file.
    Import {
        /// The dataset format: congress-legislators, uk-mp-lookup, openstates, europarl or csv.
        #[arg(long = "from", value_name = "FORMAT")]
        from: String,
        /// The dataset's files or folder.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the recipients YAML.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The date the data describes (YYYY-MM-DD); default today.
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
        /// For --from csv: fill FIELD from COLUMN (FIELD=COLUMN); repeatable.
        #[arg(long = "map", value_name = "FIELD=COLUMN")]
        map: Vec<String>,
        /// For --from csv: set FIELD to VALUE for every row (e.g. body=legislature); repeatable.
        #[arg(long = "const", value_name = "FIELD=VALUE")]
        constant: Vec<String>,
    },
}

/// Criteria for choosing recipients, shared by `recipients list` and `write --all`.
#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Country (ISO code such as US or GB; UK also works).
    #[arg(long, value_name = "CODE")]
    pub country: Option<String>,
    /// Body: us-senate, us-house, uk-commons, ...
    #[arg(long, value_name = "BODY")]
    pub body: Option<String>,
    /// State or region (e.g. MA, "South East").
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// District or constituency (e.g. 14, Aldershot).
    #[arg(long, value_name = "DISTRICT")]
    pub district: Option<String>,
    /// Party (part of its name).
    #[arg(long, value_name = "PARTY")]
    pub party: Option<String>,
    /// Committee code (e.g. SSFR) or part of its name.
    #[arg(long, value_name = "COMMITTEE")]
    pub committee: Option<String>,
    /// Words that must all appear in the name, place, party or role.
    #[arg(long, value_name = "WORDS")]
    pub search: Option<String>,
}

impl FilterArgs {
    /// Whether any criterion was given.
    pub fn is_empty(&self) -> bool {
        [
            &self.country,
            &self.body,
            &self.region,
            &self.district,
            &self.party,
            &self.committee,
            &self.search,
        ]
        .iter()
        .all(|f| f.is_none())
    }

    /// The filter these flags describe.
    pub fn into_filter(self) -> crate::recipients::Filter {
        crate::recipients::Filter {
            country: self.country,
            body: self.body,
            region: self.region,
            district: self.district,
            party: self.party,
            committee: self.committee,
            search: self.search,
        }
    }
}

/// Filters of `outcry recipients list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Which recipients.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `outcry profile ...`
#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Create or update your profile (asks in a terminal; or give the values as flags).
    Init {
        /// Your name.
        #[arg(long)]
        name: Option<String>,
        /// Your email address.
        #[arg(long)]
        email: Option<String>,
        /// One line of your postal address; repeat for each line.
        #[arg(long = "address", value_name = "LINE")]
        address: Vec<String>,
        /// Your country (ISO code such as US or GB).
        #[arg(long)]
        country: Option<String>,
        /// Your phone number.
        #[arg(long)]
        phone: Option<String>,
        /// Mail server for sending, e.g. smtp.gmail.com.
        #[arg(long, value_name = "HOST")]
        smtp_host: Option<String>,
        /// Mail server port (default 587 for starttls, 465 for tls).
        #[arg(long, value_name = "PORT")]
        smtp_port: Option<u16>,
        /// How the connection is secured.
        #[arg(long, value_enum, value_name = "SECURITY")]
        smtp_security: Option<crate::mail::settings::Security>,
        /// Mail account login name.
        #[arg(long, value_name = "USER")]
        smtp_username: Option<String>,
        /// A command that prints your mail password (e.g. "pass show mail"); never the password itself.
        #[arg(long, value_name = "COMMAND")]
        smtp_password_command: Option<String>,
        /// Never prompt.
        #[arg(long)]
        no_input: bool,
        /// Replace an existing profile.
        #[arg(long)]
        force: bool,
    },
    /// Print your profile and where it is stored.
    Show,
    /// Connect and log in to your mail server without sending anything.
    TestSmtp {
        /// Allow `security: none` to a server that is not on this machine.
        #[arg(long)]
        insecure: bool,
    },
}
