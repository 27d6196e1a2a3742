//! Print-ready letters as PDF: page size by country (US Letter in the US, A4 elsewhere), the
//! sender's block, the date, the recipient's address where a window envelope shows it, the
//! letter, space to sign, sources, and page numbers when it runs past one page.
//!
//! Text is set in DejaVu Sans, and in other fonts for the characters it lacks (a CJK font
//! found on the system or named by the writer: [`fonts`]), each embedded as a subset (only the
//! glyphs used) with a Unicode map so the text can be copied out. Right-to-left paragraphs
//! (Hebrew, Arabic, Uyghur...) are set right to left and right-aligned, their letters shaped,
//! and drawn in logical order so that the text extracts as it is read ([`text`]). A letter with a character
//! that no font has is refused ([`Unprintable`]), never printed with a "?" or an empty box.
//! Layout is simple on purpose: paragraphs wrapped by measured glyph widths.
//!
//! May import: [`crate::error`], [`crate::support`], [`crate::conventions`],
//! [`crate::letters`].

mod fonts;
mod text;

pub use fonts::use_font;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};

use std::collections::HashMap;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::letters::Letter;

use fonts::{Face, FontSet, Outlines};
use text::{Line, Typesetter};

const MM: f32 = 72.0 / 25.4;
const BODY_SIZE: f32 = 10.0;
const LEADING: f32 = 12.6;
const SMALL: f32 = 7.5;

/// A page size and the window-envelope position of the address, in points.
struct PageSpec {
    width: f32,
    height: f32,
    /// Left edge and top of the recipient's address (window envelope).
    address_x: f32,
    address_top: f32,
    margin: f32,
}

fn page_spec(letter: &Letter) -> PageSpec {
    let country = letter
        .sender
        .country
        .as_deref()
        .unwrap_or(letter.recipient.country.as_str());
    if matches!(country, "US" | "CA" | "MX") {
        // US Letter; a #10 window envelope shows the address about 2" from the top.
        PageSpec {
            width: 612.0,
            height: 792.0,
            address_x: 63.0,
            address_top: 144.0,
            margin: 63.0,
        }
    } else {
        // A4; DL window envelopes (DIN 5008) show the address 20 mm from the left, 50 mm down.
        PageSpec {
            width: 595.28,
            height: 841.89,
            address_x: 20.0 * MM + 5.0,
            address_top: 50.0 * MM,
            margin: 25.0 * MM,
        }
    }
}

/// Everything a letter's PDF prints, before layout.
struct Printed {
    sender: Vec<String>,
    recipient: Vec<String>,
    date: String,
    subject: String,
    /// Paragraphs separated by blank lines.
    body: String,
    sources_label: String,
    /// One entry per source, with its mark (`[1]` or `-`).
    sources: Vec<String>,
}

impl Printed {
    fn of(letter: &Letter) -> Printed {
        Printed {
            sender: letter.sender_block(),
            recipient: letter.recipient_block(),
            date: letter.date_text(),
            subject: format!("{} {}", letter.subject_label(), letter.subject),
            body: letter.body.clone(),
            sources_label: if letter.source_note {
                "Sources for the facts above (not for publication)".into()
            } else {
                letter.sources_heading()
            },
            sources: letter
                .sources
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let mark = if letter.source_note {
                        "-".to_string()
                    } else {
                        format!("[{}]", i + 1)
                    };
                    format!("{mark} {}", crate::letters::source_line(s))
                })
                .collect(),
        }
    }

    /// Every string it prints, with what it is (for messages).
    fn parts(&self) -> Vec<(&'static str, &str)> {
        let mut parts: Vec<(&'static str, &str)> = Vec::new();
        parts.extend(
            self.sender
                .iter()
                .map(|l| ("your name and address", l.as_str())),
        );
        parts.extend(
            self.recipient
                .iter()
                .map(|l| ("the recipient's name and address", l.as_str())),
        );
        parts.push(("the date", &self.date));
        parts.push(("the subject", &self.subject));
        parts.push(("the letter", &self.body));
        parts.push(("the sources", &self.sources_label));
        parts.extend(self.sources.iter().map(|l| ("the sources", l.as_str())));
        parts
    }
}

/// Characters by the part of a letter they are in (`the letter`, `your name and address`...).
pub type ByPart = Vec<(&'static str, Vec<char>)>;

/// The characters of a letter's PDF that no available font has, each once, in the order
/// they appear, by the part of the letter they are in (`your name and address`, `the
/// letter`...). Whitespace, controls and invisible characters need no glyph.
///
/// Errors: the writer's font (`--font`, `OUTCRY_FONT`) cannot be used (exit code 2).
pub fn missing_characters(letter: &Letter) -> Result<ByPart> {
    let mut ts = Typesetter::new(FontSet::get()?);
    let mut found: ByPart = Vec::new();
    for (part, text) in Printed::of(letter).parts() {
        let before = ts.missing.len();
        for c in text.chars() {
            ts.glyph(c);
        }
        let new = &ts.missing[before..];
        if new.is_empty() {
            continue;
        }
        match found.last_mut() {
            Some((last, chars)) if *last == part => chars.extend_from_slice(new),
            _ => found.push((part, new.to_vec())),
        }
    }
    Ok(found)
}

/// Letters that cannot be printed because no font has some of their characters, gathered
/// before anything is written ([`Unprintable::check`]) and reported together.
#[derive(Default)]
pub struct Unprintable {
    /// Who each letter is to (`` `id` (Name) ``) and its missing characters by part.
    letters: Vec<(String, ByPart)>,
    /// Every missing character, once, in the order met.
    chars: Vec<char>,
}

/// Letters listed one by one in the error; the rest are counted.
const LISTED: usize = 10;

impl Unprintable {
    /// Checks one letter and remembers it if some of its characters cannot be printed.
    ///
    /// Errors: the writer's font cannot be used (exit code 2).
    pub fn check(&mut self, letter: &Letter) -> Result<()> {
        let missing = missing_characters(letter)?;
        if !missing.is_empty() {
            for c in missing.iter().flat_map(|(_, chars)| chars) {
                if !self.chars.contains(c) {
                    self.chars.push(*c);
                }
            }
            self.letters.push((
                format!("`{}` ({})", letter.recipient.id, letter.recipient.name),
                missing,
            ));
        }
        Ok(())
    }

    /// Whether every letter checked can be printed.
    pub fn is_empty(&self) -> bool {
        self.letters.is_empty()
    }

    /// Adds what another check found, after what this one found.
    pub fn merge(&mut self, other: Unprintable) {
        for c in other.chars {
            if !self.chars.contains(&c) {
                self.chars.push(c);
            }
        }
        self.letters.extend(other.letters);
    }

    /// The error for the letters that cannot be printed, found before anything was written
    /// (exit code 2), or `Ok`.
    pub fn result(self) -> Result<()> {
        if self.letters.is_empty() {
            Ok(())
        } else {
            Err(self.error("; nothing was written"))
        }
    }

    fn error(self, outcome: &str) -> Error {
        let n = self.letters.len();
        let mut message = format!(
            "no font here has {} needed by {} PDF letter{}{outcome}",
            chars_text(&self.chars, 12),
            n,
            if n == 1 { "" } else { "s" }
        );
        for (to, parts) in self.letters.iter().take(LISTED) {
            let parts: Vec<String> = parts
                .iter()
                .map(|(part, chars)| {
                    format!("{} (in {part})", chars.iter().take(40).collect::<String>())
                })
                .collect();
            message.push_str(&format!("\n  the letter to {to}: {}", parts.join(", ")));
        }
        if n > LISTED {
            message.push_str(&format!("\n  and {} more letters", n - LISTED));
        }
        let cjk = self.chars.iter().any(|&c| is_cjk(c));
        let install = if cjk {
            "install a Chinese, Japanese and Korean font, e.g. Noto Sans CJK (Debian and Ubuntu: `sudo apt install fonts-noto-cjk`; Fedora: `sudo dnf install google-noto-sans-cjk-fonts`), then run the command again"
        } else {
            "install a font that has them, e.g. from the Noto family (Debian and Ubuntu: `sudo apt install fonts-noto-core`), then run the command again"
        };
        Error::usage(message)
            .hint(install)
            .hint("or name a font file that has them: --font FILE, or OUTCRY_FONT=/path/to/font.ttf (.otf and .ttc work too)")
            .hint("or write these letters without PDF, e.g. --format txt")
    }
}

/// Up to `max` characters as `` `王` (U+738B) ``, then how many more.
fn chars_text(chars: &[char], max: usize) -> String {
    let mut parts: Vec<String> = chars
        .iter()
        .take(max)
        .map(|c| format!("`{c}` (U+{:04X})", u32::from(*c)))
        .collect();
    if chars.len() > max {
        parts.push(format!("and {} more", chars.len() - max));
    }
    let list = parts.join(", ");
    if chars.len() == 1 {
        format!("the character {list}")
    } else {
        format!("the characters {list}")
    }
}

/// Characters of the Chinese, Japanese and Korean scripts and their punctuation.
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x11FF | 0x2E80..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// One line of text placed on a page: left-to-right lines start at `x`, right-to-left
/// lines end at `right`.
struct Placed {
    page: usize,
    x: f32,
    right: f32,
    y: f32,
    size: f32,
    text: String,
    rtl: bool,
}

/// Renders a letter as a PDF document.
///
/// Errors: a character that no font has (exit code 2: see [`Unprintable`]), a writer's font
/// that cannot be used (exit code 2), a font that cannot be embedded (exit code 1).
pub fn render(letter: &Letter) -> Result<Vec<u8>> {
    let spec = page_spec(letter);
    let mut ts = Typesetter::new(FontSet::get()?);
    let printed = Printed::of(letter);
    // Paragraphs with no letters (a date, a line of digits) follow the letter's own direction:
    // its language's, or its text's.
    let default_rtl = text::rtl_language(&letter.language) || text::base_rtl(&printed.body, false);
    let dir = |t: &str| text::base_rtl(t, default_rtl);
    let text_width = spec.width - 2.0 * spec.margin;
    let right = spec.width - spec.margin;
    let top = spec.height - 36.0;
    let bottom = 48.0;
    let mut placed: Vec<Placed> = Vec::new();

    // Sender block, top right.
    let sender = &printed.sender;
    let block_width = sender
        .iter()
        .map(|l| ts.width(l, BODY_SIZE, dir(l)))
        .fold(0.0, f32::max);
    let sx = spec.width - spec.margin - block_width;
    for (i, line) in sender.iter().enumerate() {
        placed.push(Placed {
            page: 0,
            x: sx,
            right,
            y: top - 12.0 - i as f32 * LEADING,
            size: BODY_SIZE,
            text: line.clone(),
            rtl: dir(line),
        });
    }
    // The recipient's address where a window envelope shows it.
    let recipient = &printed.recipient;
    let address_right = spec.address_x
        + recipient
            .iter()
            .map(|l| ts.width(l, BODY_SIZE, dir(l)))
            .fold(0.0, f32::max);
    let mut y = spec.height - spec.address_top - BODY_SIZE;
    for line in recipient {
        placed.push(Placed {
            page: 0,
            x: spec.address_x,
            right: address_right,
            y,
            size: BODY_SIZE,
            text: line.clone(),
            rtl: dir(line),
        });
        y -= LEADING;
    }
    let below_sender = top - 12.0 - sender.len() as f32 * LEADING;
    y = y.min(below_sender) - LEADING * 1.5;
    let date = printed.date.clone();
    let date_rtl = dir(&date);
    placed.push(Placed {
        page: 0,
        x: spec.width - spec.margin - ts.width(&date, BODY_SIZE, date_rtl),
        right,
        y,
        size: BODY_SIZE,
        text: date,
        rtl: date_rtl,
    });
    y -= LEADING * 2.0;

    let mut page = 0;
    let put = |placed: &mut Vec<Placed>,
               y: &mut f32,
               page: &mut usize,
               (text, rtl): (String, bool),
               size: f32,
               lead: f32| {
        if *y < bottom {
            *page += 1;
            *y = top - 12.0;
        }
        placed.push(Placed {
            page: *page,
            x: spec.margin,
            right,
            y: *y,
            size,
            text,
            rtl,
        });
        *y -= lead;
    };
    // The subject line runs in the subject's direction (its label may be in another language).
    let subject_rtl = text::base_rtl(&letter.subject, default_rtl);
    for line in ts.wrap(
        &printed.subject,
        BODY_SIZE,
        text_width,
        Some(subject_rtl),
        default_rtl,
    ) {
        put(&mut placed, &mut y, &mut page, line, BODY_SIZE, LEADING);
    }
    y -= LEADING * 0.6;
    let signoff = letter.signoff();
    for paragraph in printed.body.split("\n\n") {
        for line in ts.wrap(paragraph, BODY_SIZE, text_width, None, default_rtl) {
            put(&mut placed, &mut y, &mut page, line, BODY_SIZE, LEADING);
        }
        // Room to sign by hand after the sign-off.
        y -= if paragraph.trim() == signoff {
            LEADING * 3.0
        } else {
            LEADING * 0.6
        };
    }
    if !printed.sources.is_empty() {
        y -= LEADING * 0.6;
        put(
            &mut placed,
            &mut y,
            &mut page,
            (
                printed.sources_label.clone(),
                text::base_rtl(&printed.sources_label, default_rtl),
            ),
            SMALL,
            SMALL * 1.35,
        );
        for source in &printed.sources {
            for line in ts.wrap(source, SMALL, text_width, None, false) {
                put(&mut placed, &mut y, &mut page, line, SMALL, SMALL * 1.35);
            }
        }
    }
    let pages = page + 1;
    if pages > 1 {
        for p in 0..pages {
            let label = format!("Page {} of {pages}", p + 1);
            let x = (spec.width - ts.width(&label, SMALL, false)) / 2.0;
            placed.push(Placed {
                page: p,
                x,
                right,
                y: 30.0,
                size: SMALL,
                text: label,
                rtl: false,
            });
        }
    }

    // Content streams (this also decides which glyphs each subset needs).
    let mut fonts = DocFonts::new(ts.set.dejavu());
    let mut contents: Vec<Content> = (0..pages).map(|_| Content::new()).collect();
    for p in &placed {
        let line = ts.line(&p.text, p.rtl);
        let x = if p.rtl {
            p.right - line.width * p.size / 1000.0
        } else {
            p.x
        };
        let c = &mut contents[p.page];
        if line.shaped {
            fonts.show_shaped(c, ts.set, &line, x, p.y, p.size);
        } else {
            fonts.show(c, ts.set, &line, x, p.y, p.size);
        }
    }
    if !ts.missing.is_empty() {
        // Said by part of the letter, as the check before writing says it.
        let mut unprintable = Unprintable::default();
        unprintable.check(letter)?;
        return Err(unprintable.error(""));
    }

    // The document.
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let first_page = 10;
    let page_refs: Vec<Ref> = (0..pages)
        .map(|i| Ref::new(first_page + 2 * i as i32))
        .collect();
    // DejaVu Sans's five objects come before the pages; any other font's after them.
    let font_refs: Vec<FontRefs> = (0..fonts.slots.len())
        .map(|k| {
            let start = if k == 0 {
                3
            } else {
                first_page + 2 * pages as i32 + 5 * (k as i32 - 1)
            };
            FontRefs::from(start)
        })
        .collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_refs.iter().copied())
        .count(pages as i32);
    for (i, content) in contents.into_iter().enumerate() {
        let content_ref = Ref::new(first_page + 2 * i as i32 + 1);
        let mut pg = pdf.page(page_refs[i]);
        pg.media_box(Rect::new(0.0, 0.0, spec.width, spec.height));
        pg.parent(tree);
        pg.contents(content_ref);
        {
            let mut resources = pg.resources();
            let mut dict = resources.fonts();
            for (k, refs) in font_refs.iter().enumerate() {
                dict.pair(Name(&resource_name(k)), refs.type0);
            }
        }
        pg.finish();
        pdf.stream(content_ref, &content.finish());
    }
    for (slot, refs) in fonts.slots.iter().zip(&font_refs) {
        write_font(&mut pdf, slot, refs)?;
    }
    Ok(pdf.finish())
}

/// `F1` for DejaVu Sans, `F2`... for the other fonts of a document.
fn resource_name(slot: usize) -> Vec<u8> {
    format!("F{}", slot + 1).into_bytes()
}

/// The five objects of an embedded font.
struct FontRefs {
    type0: Ref,
    cid: Ref,
    descriptor: Ref,
    file: Ref,
    to_unicode: Ref,
}

impl FontRefs {
    fn from(start: i32) -> FontRefs {
        FontRefs {
            type0: Ref::new(start),
            cid: Ref::new(start + 1),
            descriptor: Ref::new(start + 2),
            file: Ref::new(start + 3),
            to_unicode: Ref::new(start + 4),
        }
    }
}

/// A font as used by one document: its subset so far, the text of each glyph (for the
/// Unicode map) and the widths of the subset's glyphs.
struct Slot {
    face: Arc<Face>,
    remapper: subsetter::GlyphRemapper,
    /// (new glyph id, the text it stands for) for the Unicode map.
    used: Vec<(u16, String)>,
    /// Widths by new glyph id, in 1/1000 em.
    widths: Vec<f32>,
}

impl Slot {
    fn new(face: Arc<Face>) -> Slot {
        let mut remapper = subsetter::GlyphRemapper::new();
        remapper.remap(0); // .notdef stays glyph 0
        Slot {
            face,
            remapper,
            used: Vec::new(),
            widths: vec![0.0],
        }
    }

    /// Appends a glyph as a 2-byte id of the subset (Identity-H).
    fn encode(&mut self, id: u16, width: f32, text: &str, out: &mut Vec<u8>) {
        let new = self.remapper.remap(id);
        if usize::from(new) >= self.widths.len() {
            self.widths.resize(usize::from(new) + 1, 0.0);
            self.widths[usize::from(new)] = width;
            // One character maps to itself (a tab prints as a space); a cluster drops the
            // invisible characters shaping absorbed into it.
            let mut chars = text.chars();
            let text: String = match (chars.next(), chars.next()) {
                (Some('\t'), None) => " ".into(),
                (Some(_), None) => text.to_string(),
                _ => text.chars().filter(|&c| !fonts::invisible(c)).collect(),
            };
            if !text.is_empty() {
                self.used.push((new, text));
            }
        }
        out.extend_from_slice(&new.to_be_bytes());
    }
}

/// The fonts one document uses: DejaVu Sans first (`F1`), then others as they are met.
struct DocFonts {
    slots: Vec<Slot>,
    by_face: HashMap<u16, usize>,
}

impl DocFonts {
    fn new(dejavu: Arc<Face>) -> DocFonts {
        DocFonts {
            slots: vec![Slot::new(dejavu)],
            by_face: HashMap::from([(0, 0)]),
        }
    }

    /// The slot of face `face` of the font set, added on first use.
    fn slot(&mut self, set: &FontSet, face: u16) -> usize {
        if let Some(&k) = self.by_face.get(&face) {
            return k;
        }
        self.slots.push(Slot::new(set.face(face)));
        let k = self.slots.len() - 1;
        self.by_face.insert(face, k);
        k
    }

    /// Shows a simple line (one glyph per character, the fonts' own advances) from `x`.
    fn show(&mut self, c: &mut Content, set: &FontSet, line: &Line, x: f32, y: f32, size: f32) {
        c.begin_text();
        let mut i = 0;
        let mut first = true;
        loop {
            let face = line.glyphs.get(i).map_or(0, |g| g.face);
            let slot = self.slot(set, face);
            c.set_font(Name(&resource_name(slot)), size);
            if first {
                c.next_line(x, y);
                first = false;
            }
            let mut bytes = Vec::new();
            while let Some(g) = line.glyphs.get(i).filter(|g| g.face == face) {
                self.slots[slot].encode(g.id, g.advance, &line.text[g.text.clone()], &mut bytes);
                i += 1;
            }
            c.show(Str(&bytes));
            if i >= line.glyphs.len() {
                break;
            }
        }
        c.end_text();
    }

    /// Shows a shaped line from `x`: its glyphs at their shaped positions, drawn in
    /// logical order (each placed where the layout puts it), so that reading the page's text
    /// in the order it is drawn gives the text as it is read. (`/ActualText` was tried:
    /// pdftotext 22.12 then reverses right-to-left text once more; the drawing order works
    /// with pdftotext, MuPDF, pdfminer and lopdf.)
    fn show_shaped(
        &mut self,
        c: &mut Content,
        set: &FontSet,
        line: &Line,
        x: f32,
        y: f32,
        size: f32,
    ) {
        let scale = size / 1000.0;
        // Where each glyph goes (left to right), then sorted into logical order.
        let mut pen = x;
        let mut placed: Vec<(usize, f32, f32)> = Vec::with_capacity(line.glyphs.len());
        for (i, g) in line.glyphs.iter().enumerate() {
            if g.id != 0 {
                placed.push((i, pen + g.dx * scale, y + g.dy * scale));
            }
            pen += g.advance * scale;
        }
        placed.sort_by_key(|&(i, _, _)| line.glyphs[i].at);
        c.begin_text();
        let mut current = None;
        let mut k = 0;
        while k < placed.len() {
            // A run of glyphs of one font on one baseline: one `Tm` and one `TJ`.
            let (i, x0, y0) = placed[k];
            let face = line.glyphs[i].face;
            let slot = self.slot(set, face);
            if current != Some(slot) {
                c.set_font(Name(&resource_name(slot)), size);
                current = Some(slot);
            }
            c.set_text_matrix([1.0, 0.0, 0.0, 1.0, x0, y0]);
            let mut shown = c.show_positioned();
            let mut items = shown.items();
            let mut bytes = Vec::new();
            // Where the font's own advance leaves the pen after the last glyph shown.
            let mut end = x0;
            let start = k;
            while let Some(&(i, gx, gy)) = placed.get(k) {
                let g = &line.glyphs[i];
                if k > start && (g.face != face || gy != y0) {
                    break;
                }
                // TJ moves the pen left by a positive amount, in 1/1000 em.
                let adjust = (end - gx) / scale;
                if adjust.abs() > 0.001 {
                    if !bytes.is_empty() {
                        items.show(Str(&bytes));
                        bytes.clear();
                    }
                    items.adjust(adjust);
                }
                let nominal = self.slots[slot].face.advance(g.id);
                self.slots[slot].encode(g.id, nominal, &line.text[g.text.clone()], &mut bytes);
                end = gx + nominal * scale;
                k += 1;
            }
            if !bytes.is_empty() {
                items.show(Str(&bytes));
            }
        }
        c.end_text();
    }
}

/// Writes one embedded font: the Type 0 font, its CID font, descriptor, subset and Unicode map.
fn write_font(pdf: &mut Pdf, slot: &Slot, refs: &FontRefs) -> Result<()> {
    let face = &slot.face;
    let name = format!("OUTCRY+{}", face.postscript);
    let base = Name(name.as_bytes());
    pdf.type0_font(refs.type0)
        .base_font(base)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(refs.cid)
        .to_unicode(refs.to_unicode);
    let system_info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    {
        let mut c = pdf.cid_font(refs.cid);
        c.subtype(match face.outlines {
            Outlines::TrueType => CidFontType::Type2,
            Outlines::Cff => CidFontType::Type0,
        });
        c.base_font(base);
        c.system_info(system_info);
        c.font_descriptor(refs.descriptor);
        if face.outlines == Outlines::TrueType {
            c.cid_to_gid_map_predefined(Name(b"Identity"));
        }
        c.widths().consecutive(0, slot.widths.iter().copied());
    }
    let scale = 1000.0 / f32::from(face.units_per_em);
    let [x_min, y_min, x_max, y_max] = face.bbox;
    {
        let mut d = pdf.font_descriptor(refs.descriptor);
        d.name(base)
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(
                f32::from(x_min) * scale,
                f32::from(y_min) * scale,
                f32::from(x_max) * scale,
                f32::from(y_max) * scale,
            ))
            .italic_angle(0.0)
            .ascent(f32::from(face.ascender) * scale)
            .descent(f32::from(face.descender) * scale)
            .cap_height(f32::from(face.cap_height.unwrap_or(face.ascender)) * scale)
            .stem_v(80.0);
        match face.outlines {
            Outlines::TrueType => d.font_file2(refs.file),
            Outlines::Cff => d.font_file3(refs.file),
        };
    }
    let subset = subsetter::subset(face.bytes(), face.index, &slot.remapper).map_err(|e| {
        Error::failure(format!(
            "could not embed the font {} in the PDF: {e:?}",
            face.label
        ))
    })?;
    match face.outlines {
        Outlines::TrueType => {
            let compressed = deflate(&subset);
            pdf.stream(refs.file, &compressed)
                .filter(Filter::FlateDecode)
                .pair(Name(b"Length1"), subset.len() as i32);
        }
        Outlines::Cff => {
            // A bare CFF program (CIDFontType0C), the form every PDF reader knows.
            let cff = read_fonts::FontRef::new(&subset)
                .ok()
                .and_then(|f| f.table_data(read_fonts::types::Tag::new(b"CFF ")))
                .ok_or_else(|| {
                    Error::failure(format!(
                        "could not embed the font {} in the PDF: its subset has no CFF table",
                        face.label
                    ))
                })?;
            let compressed = deflate(cff.as_bytes());
            pdf.stream(refs.file, &compressed)
                .filter(Filter::FlateDecode)
                .pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
        }
    }
    let mut cmap = UnicodeCmap::new(Name(b"OUTCRY-UCS"), system_info);
    for (gid, text) in &slot.used {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => {
                cmap.pair(*gid, c);
            }
            _ => {
                cmap.pair_with_multiple(*gid, text.chars());
            }
        }
    }
    pdf.cmap(refs.to_unicode, &cmap.finish());
    Ok(())
}

/// zlib-compresses data (for the embedded fonts).
fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}
