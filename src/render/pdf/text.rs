//! Lines of text as glyphs: which font prints each character, how wide a word or line is,
//! and, for right-to-left and complex scripts, the visual order and shapes of the glyphs.
//!
//! Lines are broken in logical order (the order the text is typed and read); then each line
//! is laid out on its own. A line of simple left-to-right text (Latin, Greek, Cyrillic, CJK...)
//! is one glyph per character with the font's own advances, as outcry has always printed it.
//! Any other line (a right-to-left paragraph, Hebrew or Arabic letters, combining marks,
//! Indic or Tibetan script) goes through the Unicode Bidirectional Algorithm (unicode-bidi,
//! UAX #9: runs of one direction, reordered for display) and each run is shaped with harfrust
//! (HarfBuzz's shaping: Arabic joining forms, ligatures, mark positioning, mirrored brackets).
//! Each glyph keeps where its text starts in the line, so the document can draw a line's
//! glyphs in logical order (text extraction then gives the text as it is read). In a
//! right-to-left paragraph, web addresses are isolated as left-to-right (U+2066...U+2069), so
//! that a trailing `/` stays at their end.
//!
//! May import: [`crate::error`], [`crate::support`].

use std::collections::HashMap;
use std::sync::Arc;

use super::fonts::{Face, FontSet, Resolved};

/// A character's glyph: the face that prints it (its number in the [`FontSet`]), the glyph
/// id there (0: prints nothing) and its advance in 1/1000 em.
#[derive(Debug, Clone, Copy)]
pub(super) struct Glyph {
    pub face: u16,
    pub id: u16,
    pub width: f32,
}

impl Glyph {
    const NOTHING: Glyph = Glyph {
        face: 0,
        id: 0,
        width: 0.0,
    };
}

/// The characters whose DejaVu Sans glyphs are looked up once per process: Latin, Greek,
/// Cyrillic and the other scripts below U+0800, then general punctuation (dashes, curly
/// quotes) and currency signs.
const CACHED: [std::ops::Range<u32>; 2] = [0..0x0800, 0x2000..0x20C0];

/// DejaVu Sans's glyphs of the [`CACHED`] characters, in order (id 0 where it has none).
fn cached_glyphs(dejavu: &Face) -> &'static [Glyph] {
    static GLYPHS: std::sync::OnceLock<Vec<Glyph>> = std::sync::OnceLock::new();
    GLYPHS.get_or_init(|| {
        CACHED
            .iter()
            .flat_map(|r| r.clone())
            .map(|u| match char::from_u32(u).and_then(|c| dejavu.glyph(c)) {
                Some(id) => Glyph {
                    face: 0,
                    id,
                    width: dejavu.advance(id),
                },
                None => Glyph::NOTHING,
            })
            .collect()
    })
}

/// One glyph set on a line: its face, glyph id, advance and offset from the pen (1/1000 em),
/// and the text it stands for, as a byte range of the line's text (empty for the second
/// glyph of a cluster).
#[derive(Debug, Clone)]
pub(super) struct Set {
    pub face: u16,
    pub id: u16,
    pub advance: f32,
    pub dx: f32,
    pub dy: f32,
    pub text: std::ops::Range<usize>,
    /// Where its cluster starts in the line's text (bytes): sorting by it gives the glyphs
    /// in logical order.
    pub at: usize,
}

/// A line laid out: its glyphs from left to right, its width (1/1000 em) and the text the
/// glyphs' ranges point into. A `shaped` line went through bidi and shaping.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub glyphs: Vec<Set>,
    pub width: f32,
    pub shaped: bool,
    pub text: String,
}

/// The fonts of one document: glyph look-ups, measuring and laying out lines. Characters no
/// font has are collected in `missing` (the document is then refused).
pub(super) struct Typesetter {
    pub set: &'static FontSet,
    dejavu: Arc<Face>,
    cached: &'static [Glyph],
    /// Characters outside [`CACHED`] or missing from DejaVu Sans, looked up once per letter.
    others: HashMap<char, Glyph>,
    /// Characters that no font has, in the order met.
    pub missing: Vec<char>,
}

impl Typesetter {
    pub fn new(set: &'static FontSet) -> Typesetter {
        let dejavu = set.dejavu();
        let cached = cached_glyphs(&dejavu);
        Typesetter {
            set,
            dejavu,
            cached,
            others: HashMap::new(),
            missing: Vec::new(),
        }
    }

    /// The glyph that prints `c` (a tab prints as a space).
    pub fn glyph(&mut self, c: char) -> Glyph {
        let c = if c == '\t' { ' ' } else { c };
        let u = u32::from(c);
        let mut offset = 0;
        for range in &CACHED {
            if range.contains(&u) {
                let g = self.cached[(offset + u - range.start) as usize];
                if g.id != 0 {
                    return g;
                }
                break;
            }
            offset += range.end - range.start;
        }
        if let Some(g) = self.others.get(&c) {
            return *g;
        }
        let g = match self.set.resolve(c) {
            Resolved::Glyph(face, id) => Glyph {
                face,
                id,
                width: if face == 0 {
                    self.dejavu.advance(id)
                } else {
                    self.set.face(face).advance(id)
                },
            },
            Resolved::Nothing => Glyph::NOTHING,
            Resolved::Missing => {
                self.missing.push(c);
                Glyph::NOTHING
            }
        };
        self.others.insert(c, g);
        g
    }

    /// Width of a one-line string at `size` points, as it will be laid out with base
    /// direction `rtl`.
    pub fn width(&mut self, text: &str, size: f32, rtl: bool) -> f32 {
        if !rtl && text.chars().all(simple) {
            text.chars().map(|c| self.glyph(c).width).sum::<f32>() * size / 1000.0
        } else {
            self.line(text, rtl).width * size / 1000.0
        }
    }

    /// Width of a word in 1/1000 em, added to `start` (character by character for simple
    /// text, so that the sums are those of measuring the whole line).
    fn add_word(&mut self, start: f32, word: &str) -> f32 {
        if word.chars().all(simple) {
            word.chars().fold(start, |sum, c| sum + self.glyph(c).width)
        } else {
            start + self.line(word, base_rtl(word, false)).width
        }
    }

    /// Wraps `text` to `width` points, each of its lines (paragraphs in bidi terms) in its
    /// own direction: from its first strong character, else `default_rtl`, unless `rtl`
    /// forces one. Gives each line with its direction. The width of a line grows word by word.
    pub fn wrap(
        &mut self,
        text: &str,
        size: f32,
        width: f32,
        rtl: Option<bool>,
        default_rtl: bool,
    ) -> Vec<(String, bool)> {
        let space = self.glyph(' ').width;
        let mut lines = Vec::new();
        for raw in text.lines() {
            let dir = rtl.unwrap_or_else(|| base_rtl(raw, default_rtl));
            let mut line = String::new();
            let mut line_units = 0.0f32;
            for word in raw.split(' ') {
                let mut place = |piece: &str, spaced: bool| {
                    let start = match (line.is_empty(), spaced) {
                        (true, _) => 0.0,
                        (false, true) => line_units + space,
                        (false, false) => line_units,
                    };
                    let units = self.add_word(start, piece);
                    if units * size / 1000.0 <= width || line.is_empty() {
                        if !line.is_empty() && spaced {
                            line.push(' ');
                        }
                        line.push_str(piece);
                        line_units = units;
                    } else {
                        lines.push((std::mem::take(&mut line), dir));
                        line.push_str(piece);
                        line_units = self.add_word(0.0, piece);
                    }
                };
                if word.chars().any(breaks_inside) {
                    // Chinese or Japanese may break between characters: the first piece
                    // follows a space, the others follow on directly.
                    for (k, piece) in pieces(word).into_iter().enumerate() {
                        place(piece, k == 0);
                    }
                } else {
                    place(word, true);
                }
            }
            lines.push((line, dir));
        }
        lines
    }

    /// Lays out one line with base direction `rtl`.
    pub fn line(&mut self, text: &str, rtl: bool) -> Line {
        if !rtl && text.chars().all(simple) {
            let mut glyphs = Vec::with_capacity(text.len());
            for (at, c) in text.char_indices() {
                let g = self.glyph(c);
                if g.id != 0 {
                    glyphs.push(Set {
                        face: g.face,
                        id: g.id,
                        advance: g.width,
                        dx: 0.0,
                        dy: 0.0,
                        text: at..at + c.len_utf8(),
                        at,
                    });
                }
            }
            let width = text.chars().map(|c| self.glyph(c).width).sum::<f32>();
            return Line {
                glyphs,
                width,
                shaped: false,
                text: text.to_string(),
            };
        }
        let text = text.replace('\t', " ");
        let text = if rtl { isolate_addresses(&text) } else { text };
        let mut glyphs = Vec::new();
        let level = if rtl {
            unicode_bidi::Level::rtl()
        } else {
            unicode_bidi::Level::ltr()
        };
        let info = unicode_bidi::BidiInfo::new(&text, Some(level));
        for para in &info.paragraphs {
            let (levels, runs) = info.visual_runs(para, para.range.clone());
            for run in runs {
                let run_rtl = levels[run.start].is_rtl();
                let mut pieces = self.itemize(&text[run.clone()], run.start);
                if run_rtl {
                    pieces.reverse();
                }
                for (face, range) in pieces {
                    self.shape(face, &text, range, run_rtl, &mut glyphs);
                }
            }
        }
        let width = glyphs.iter().map(|g| g.advance).sum();
        Line {
            glyphs,
            width,
            shaped: true,
            text,
        }
    }

    /// Splits a run of one direction into pieces of one face and one script, in logical
    /// order, as byte ranges of the line (`offset` is the run's start). A combining mark or
    /// an invisible character stays with the character before it when that face has it.
    fn itemize(&mut self, run: &str, offset: usize) -> Vec<(u16, std::ops::Range<usize>)> {
        let mut pieces: Vec<(u16, harfrust::Script, std::ops::Range<usize>)> = Vec::new();
        for (i, c) in run.char_indices() {
            let at = offset + i..offset + i + c.len_utf8();
            let script = harfrust::unicode::script(u32::from(c));
            let neutral = neutral_script(script);
            let g = self.glyph(c);
            if let Some(last) = pieces.last_mut() {
                let follows = g.id == 0
                    || (script == harfrust::Script::INHERITED
                        && self.set.face(last.0).glyph(c).is_some());
                let same_face = follows || g.face == last.0;
                if same_face && (neutral || script == last.1) {
                    last.2.end = at.end;
                    continue;
                }
                if same_face && neutral_script(last.1) {
                    last.1 = script;
                    last.2.end = at.end;
                    continue;
                }
            }
            pieces.push((g.face, script, at));
        }
        pieces.into_iter().map(|(f, _, r)| (f, r)).collect()
    }

    /// Shapes `range` of the line `text` with one face in one direction and appends its
    /// glyphs, left to right. Bidi controls take no part (they have done their work).
    fn shape(
        &mut self,
        face: u16,
        text: &str,
        range: std::ops::Range<usize>,
        rtl: bool,
        out: &mut Vec<Set>,
    ) {
        let face = self.set.face(face);
        let shaper = harfrust::ShaperFont::new(&face.font);
        let mut buffer = harfrust::Buffer::new();
        let chars: Vec<(usize, char)> = text[range.clone()]
            .char_indices()
            .map(|(i, c)| (range.start + i, c))
            .filter(|&(_, c)| !bidi_control(c))
            .collect();
        for &(at, c) in &chars {
            buffer.push(u32::from(c), at as u32);
        }
        buffer.set_direction(if rtl {
            harfrust::Direction::RightToLeft
        } else {
            harfrust::Direction::LeftToRight
        });
        buffer.guess_segment_properties();
        // Joiners and other invisible characters shape their neighbours, then leave no glyph.
        buffer.set_flags(harfrust::BufferFlags::REMOVE_DEFAULT_IGNORABLES);
        if harfrust::shape(&shaper, &mut buffer, harfrust::ShapeOptions::new()).is_err() {
            // A font harfrust cannot shape with: one glyph per character, in order.
            let order: Box<dyn Iterator<Item = &(usize, char)>> = if rtl {
                Box::new(chars.iter().rev())
            } else {
                Box::new(chars.iter())
            };
            for &(at, c) in order {
                let g = self.glyph(c);
                if g.id != 0 {
                    out.push(Set {
                        face: g.face,
                        id: g.id,
                        advance: g.width,
                        dx: 0.0,
                        dy: 0.0,
                        text: at..at + c.len_utf8(),
                        at,
                    });
                }
            }
            return;
        }
        let scale = 1000.0 / f32::from(face.units_per_em);
        let infos = buffer.glyph_infos();
        let positions = buffer.glyph_positions();
        // Each cluster's text runs from its start to the next cluster's start.
        let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
        starts.sort_unstable();
        starts.dedup();
        let mut named: Vec<usize> = Vec::new();
        for (info, pos) in infos.iter().zip(positions) {
            let start = info.cluster as usize;
            let cluster_text = if named.contains(&start) {
                start..start
            } else {
                named.push(start);
                let end = starts
                    .iter()
                    .find(|&&s| s > start)
                    .copied()
                    .unwrap_or(range.end);
                start..end
            };
            let id = u16::try_from(info.glyph_id).unwrap_or(0);
            out.push(Set {
                face: face.id,
                // .notdef only stands for characters that print as nothing (letters with
                // missing characters are refused), so it is never drawn; its advance counts.
                id,
                advance: pos.x_advance as f32 * scale,
                dx: pos.x_offset as f32 * scale,
                dy: pos.y_offset as f32 * scale,
                text: cluster_text,
                at: start,
            });
        }
    }
}

/// Scripts that take the script of the text around them (punctuation, digits, marks).
fn neutral_script(script: harfrust::Script) -> bool {
    matches!(
        script,
        harfrust::Script::COMMON | harfrust::Script::INHERITED | harfrust::Script::UNKNOWN
    )
}

/// The explicit directional formatting characters of UAX #9 (embeddings, overrides,
/// isolates) and the implicit marks.
fn bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Wraps each web address (`http://`, `https://`, `www.` up to the next space) in a
/// left-to-right isolate, so that in a right-to-left paragraph its punctuation stays with it.
fn isolate_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = word.to_ascii_lowercase();
        let start = ["http://", "https://", "www."]
            .iter()
            .filter_map(|p| lower.find(p))
            .min();
        match start {
            Some(at) => {
                // Sentence punctuation after the address stays outside it.
                let end = word
                    .trim_end_matches(['.', ',', ';', ':', ')', '!', '?'])
                    .len();
                let end = end.max(at);
                out.push_str(&word[..at]);
                out.push('\u{2066}');
                out.push_str(&word[at..end]);
                out.push('\u{2069}');
                out.push_str(&word[end..]);
            }
            None => out.push_str(word),
        }
    }
    out
}

/// A word cut where a line may break inside it (UAX #14, by ICU4X's rule-based segmenter):
/// between Chinese and Japanese characters, but not before a closing mark such as `。`.
/// Only words with such a character are cut (a URL is never cut at its `/` or `-`).
fn pieces(word: &str) -> Vec<&str> {
    static SEGMENTER: icu_segmenter::LineSegmenterBorrowed<'static> =
        icu_segmenter::LineSegmenter::new_for_non_complex_scripts(
            icu_segmenter::options::LineBreakOptions::default(),
        );
    let mut out = Vec::new();
    let mut last = 0;
    for at in SEGMENTER.segment_str(word) {
        if at > last {
            out.push(&word[last..at]);
            last = at;
        }
    }
    if last < word.len() {
        out.push(&word[last..]);
    }
    out
}

/// Characters of scripts written without spaces between words, where UAX #14 allows a break
/// next to them: CJK ideographs, kana, CJK punctuation, full-width forms.
fn breaks_inside(c: char) -> bool {
    matches!(u32::from(c),
        0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x3100..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Whether a character sets as one glyph with its font's advance, left to right, needing
/// no bidi and no shaping: Latin, Greek, Cyrillic, Armenian, punctuation and symbols, and
/// the CJK blocks (ideographs, kana, Hangul syllables, full-width forms).
pub(super) fn simple(c: char) -> bool {
    matches!(u32::from(c),
        0x0000..=0x02FF | 0x0370..=0x0482 | 0x048A..=0x058F | 0x1E00..=0x1FFF
        | 0x2000..=0x200A | 0x2010..=0x2029 | 0x202F..=0x205F | 0x2070..=0x2BFF
        | 0x2E80..=0x3098 | 0x309B..=0x9FFF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Whether a paragraph runs right to left: from its first strong character (rule P2 of
/// UAX #9), or `default` when it has none (only digits and punctuation).
pub(super) fn base_rtl(text: &str, default: bool) -> bool {
    match unicode_bidi::get_base_direction(text) {
        unicode_bidi::Direction::Rtl => true,
        unicode_bidi::Direction::Ltr => false,
        unicode_bidi::Direction::Mixed => default,
    }
}

/// Whether a language (a BCP 47 tag such as `he` or `ug-CN`) is written right to left:
/// Arabic, Hebrew, Persian, Urdu, Uyghur, Yiddish, Pashto, Sindhi, Kurdish (Sorani),
/// Dhivehi, Syriac.
pub(super) fn rtl_language(tag: &str) -> bool {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        primary.as_str(),
        "ar" | "he" | "iw" | "fa" | "ur" | "ug" | "yi" | "ps" | "sd" | "ckb" | "dv" | "syr"
    )
}
