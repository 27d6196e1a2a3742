//! Print-ready letters as PDF: page size by country (US Letter in the US, A4 elsewhere), the
//! sender's block, the date, the recipient's address where a window envelope shows it, the
//! letter, space to sign, sources, and page numbers when it runs past one page.
//!
//! Text is set in DejaVu Sans, embedded as a subset (only the glyphs used) with a Unicode map,
//! so names in Latin, Greek or Cyrillic script print correctly and the text can be copied out.
//! Layout is simple on purpose: paragraphs wrapped by measured glyph widths.
//!
//! May import: [`crate::error`], [`crate::conventions`], [`crate::letters`].

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::error::{Error, Result};
use crate::letters::Letter;

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

/// DejaVu Sans, parsed once per process.
fn face() -> Result<&'static ttf_parser::Face<'static>> {
    static FACE: OnceLock<std::result::Result<ttf_parser::Face<'static>, String>> = OnceLock::new();
    FACE.get_or_init(|| {
        ttf_parser::Face::parse(dejavu::sans::regular(), 0).map_err(|e| e.to_string())
    })
    .as_ref()
    .map_err(|e| Error::failure(format!("the built-in font is unreadable: {e}")))
}

/// A character's glyph in the full font and its advance width in 1/1000 em.
#[derive(Clone, Copy)]
struct Glyph {
    id: u16,
    width: f32,
}

/// The characters whose glyphs are looked up once per process: Latin, Greek, Cyrillic and
/// the other scripts below U+0800, then general punctuation (dashes, curly quotes) and
/// currency signs.
const CACHED: [std::ops::Range<u32>; 2] = [0..0x0800, 0x2000..0x20C0];

fn lookup(face: &ttf_parser::Face, c: char) -> Glyph {
    let id = face
        .glyph_index(c)
        .or_else(|| face.glyph_index('?'))
        .unwrap_or(ttf_parser::GlyphId(0));
    let upem = f32::from(face.units_per_em());
    Glyph {
        id: id.0,
        width: f32::from(face.glyph_hor_advance(id).unwrap_or(0)) * 1000.0 / upem,
    }
}

/// Glyph ids and widths of the [`CACHED`] characters, in order.
fn cached_glyphs(face: &ttf_parser::Face<'static>) -> &'static [Glyph] {
    static GLYPHS: OnceLock<Vec<Glyph>> = OnceLock::new();
    GLYPHS.get_or_init(|| {
        CACHED
            .iter()
            .flat_map(|r| r.clone())
            .map(|u| lookup(face, char::from_u32(u).unwrap_or('?')))
            .collect()
    })
}

/// The font and what has been used of it.
struct Font {
    face: &'static ttf_parser::Face<'static>,
    cached: &'static [Glyph],
    /// Characters outside [`CACHED`], looked up once per letter.
    others: HashMap<char, Glyph>,
    remapper: subsetter::GlyphRemapper,
    /// (new glyph id, character) for the Unicode map.
    used: Vec<(u16, char)>,
    /// Widths by new glyph id, in 1/1000 em.
    widths: Vec<f32>,
}

impl Font {
    fn new() -> Result<Font> {
        let face = face()?;
        let mut remapper = subsetter::GlyphRemapper::new();
        remapper.remap(0); // .notdef stays glyph 0
        Ok(Font {
            face,
            cached: cached_glyphs(face),
            others: HashMap::new(),
            remapper,
            used: Vec::new(),
            widths: vec![0.0],
        })
    }

    /// The glyph of a character (a `?` when the font has none).
    fn glyph(&mut self, c: char) -> Glyph {
        let u = u32::from(c);
        let mut offset = 0;
        for range in &CACHED {
            if range.contains(&u) {
                return self.cached[(offset + u - range.start) as usize];
            }
            offset += range.end - range.start;
        }
        let face = self.face;
        *self.others.entry(c).or_insert_with(|| lookup(face, c))
    }

    /// Width of a string at `size` points.
    fn width(&mut self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph(c).width).sum::<f32>() * size / 1000.0
    }

    /// Encodes a string as 2-byte glyph ids of the subset (Identity-H).
    fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let c = if c == '\t' { ' ' } else { c };
            let glyph = self.glyph(c);
            let new = self.remapper.remap(glyph.id);
            if usize::from(new) >= self.widths.len() {
                self.widths.resize(usize::from(new) + 1, 0.0);
                self.widths[usize::from(new)] = glyph.width;
                self.used.push((new, c));
            }
            out.extend_from_slice(&new.to_be_bytes());
        }
        out
    }
}

/// One line of text placed on a page.
struct Placed {
    page: usize,
    x: f32,
    y: f32,
    size: f32,
    text: String,
}

/// Wraps `text` to `width` points. The width of a line grows word by word (the same sums, in
/// the same order, as measuring each candidate line whole).
fn wrap(font: &mut Font, text: &str, size: f32, width: f32) -> Vec<String> {
    let space = font.glyph(' ').width;
    let mut lines = Vec::new();
    for raw in text.lines() {
        let mut line = String::new();
        let mut line_units = 0.0f32;
        for word in raw.split(' ') {
            let start = if line.is_empty() {
                0.0
            } else {
                line_units + space
            };
            let units = word.chars().fold(start, |sum, c| sum + font.glyph(c).width);
            if units * size / 1000.0 <= width || line.is_empty() {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_units = units;
            } else {
                lines.push(std::mem::take(&mut line));
                line.push_str(word);
                line_units = word.chars().fold(0.0, |sum, c| sum + font.glyph(c).width);
            }
        }
        lines.push(line);
    }
    lines
}

/// Renders a letter as a PDF document.
pub fn render(letter: &Letter) -> Result<Vec<u8>> {
    let spec = page_spec(letter);
    let mut font = Font::new()?;
    let text_width = spec.width - 2.0 * spec.margin;
    let top = spec.height - 36.0;
    let bottom = 48.0;
    let mut placed: Vec<Placed> = Vec::new();

    // Sender block, top right.
    let sender = letter.sender_block();
    let block_width = sender
        .iter()
        .map(|l| font.width(l, BODY_SIZE))
        .fold(0.0, f32::max);
    let sx = spec.width - spec.margin - block_width;
    for (i, line) in sender.iter().enumerate() {
        placed.push(Placed {
            page: 0,
            x: sx,
            y: top - 12.0 - i as f32 * LEADING,
            size: BODY_SIZE,
            text: line.clone(),
        });
    }
    // The recipient's address where a window envelope shows it.
    let mut y = spec.height - spec.address_top - BODY_SIZE;
    for line in letter.recipient_block() {
        placed.push(Placed {
            page: 0,
            x: spec.address_x,
            y,
            size: BODY_SIZE,
            text: line,
        });
        y -= LEADING;
    }
    let below_sender = top - 12.0 - sender.len() as f32 * LEADING;
    y = y.min(below_sender) - LEADING * 1.5;
    let date = letter.date_text();
    placed.push(Placed {
        page: 0,
        x: spec.width - spec.margin - font.width(&date, BODY_SIZE),
        y,
        size: BODY_SIZE,
        text: date,
    });
    y -= LEADING * 2.0;

    let mut page = 0;
    let put = |placed: &mut Vec<Placed>,
               y: &mut f32,
               page: &mut usize,
               text: String,
               size: f32,
               lead: f32| {
        if *y < bottom {
            *page += 1;
            *y = top - 12.0;
        }
        placed.push(Placed {
            page: *page,
            x: spec.margin,
            y: *y,
            size,
            text,
        });
        *y -= lead;
    };
    for line in wrap(
        &mut font,
        &format!("{} {}", letter.subject_label(), letter.subject),
        BODY_SIZE,
        text_width,
    ) {
        put(&mut placed, &mut y, &mut page, line, BODY_SIZE, LEADING);
    }
    y -= LEADING * 0.6;
    let signoff = letter.signoff();
    for paragraph in letter.body.split("\n\n") {
        for line in wrap(&mut font, paragraph, BODY_SIZE, text_width) {
            put(&mut placed, &mut y, &mut page, line, BODY_SIZE, LEADING);
        }
        // Room to sign by hand after the sign-off.
        y -= if paragraph.trim() == signoff {
            LEADING * 3.0
        } else {
            LEADING * 0.6
        };
    }
    if !letter.sources.is_empty() {
        y -= LEADING * 0.6;
        put(
            &mut placed,
            &mut y,
            &mut page,
            if letter.source_note {
                "Sources for the facts above (not for publication)".into()
            } else {
                letter.sources_heading()
            },
            SMALL,
            SMALL * 1.35,
        );
        for (i, s) in letter.sources.iter().enumerate() {
            let mark = if letter.source_note {
                "-".to_string()
            } else {
                format!("[{}]", i + 1)
            };
            for line in wrap(
                &mut font,
                &format!("{mark} {}", crate::letters::source_line(s)),
                SMALL,
                text_width,
            ) {
                put(&mut placed, &mut y, &mut page, line, SMALL, SMALL * 1.35);
            }
        }
    }
    let pages = page + 1;
    if pages > 1 {
        for p in 0..pages {
            let label = format!("Page {} of {pages}", p + 1);
            let x = (spec.width - font.width(&label, SMALL)) / 2.0;
            placed.push(Placed {
                page: p,
                x,
                y: 30.0,
                size: SMALL,
                text: label,
            });
        }
    }

    // Content streams (this also decides which glyphs the subset needs).
    let mut contents: Vec<Content> = (0..pages).map(|_| Content::new()).collect();
    for p in &placed {
        let encoded = font.encode(&p.text);
        let c = &mut contents[p.page];
        c.begin_text();
        c.set_font(Name(b"F1"), p.size);
        c.next_line(p.x, p.y);
        c.show(Str(&encoded));
        c.end_text();
    }

    // The document.
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let type0 = Ref::new(3);
    let cid = Ref::new(4);
    let descriptor = Ref::new(5);
    let font_file = Ref::new(6);
    let to_unicode = Ref::new(7);
    let first_page = 10;
    let page_refs: Vec<Ref> = (0..pages)
        .map(|i| Ref::new(first_page + 2 * i as i32))
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
        pg.resources().fonts().pair(Name(b"F1"), type0);
        pg.finish();
        pdf.stream(content_ref, &content.finish());
    }
    let base = Name(b"OUTCRY+DejaVuSans");
    pdf.type0_font(type0)
        .base_font(base)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(to_unicode);
    let system_info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    {
        let mut c = pdf.cid_font(cid);
        c.subtype(CidFontType::Type2);
        c.base_font(base);
        c.system_info(system_info);
        c.font_descriptor(descriptor);
        c.cid_to_gid_map_predefined(Name(b"Identity"));
        c.widths().consecutive(0, font.widths.iter().copied());
    }
    let face = &font.face;
    let scale = 1000.0 / f32::from(face.units_per_em());
    let bbox = face.global_bounding_box();
    pdf.font_descriptor(descriptor)
        .name(base)
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(
            f32::from(bbox.x_min) * scale,
            f32::from(bbox.y_min) * scale,
            f32::from(bbox.x_max) * scale,
            f32::from(bbox.y_max) * scale,
        ))
        .italic_angle(0.0)
        .ascent(f32::from(face.ascender()) * scale)
        .descent(f32::from(face.descender()) * scale)
        .cap_height(f32::from(face.capital_height().unwrap_or(face.ascender())) * scale)
        .stem_v(80.0)
        .font_file2(font_file);
    let subset = subsetter::subset(dejavu::sans::regular(), 0, &font.remapper)
        .map_err(|e| Error::failure(format!("could not embed the font: {e:?}")))?;
    let compressed = deflate(&subset);
    pdf.stream(font_file, &compressed)
        .filter(Filter::FlateDecode)
        .pair(Name(b"Length1"), subset.len() as i32);
    let mut cmap = UnicodeCmap::new(Name(b"OUTCRY-UCS"), system_info);
    for (gid, c) in &font.used {
        cmap.pair(*gid, *c);
    }
    pdf.cmap(to_unicode, &cmap.finish());
    Ok(pdf.finish())
}

/// zlib-compresses data (for the embedded font).
fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}
