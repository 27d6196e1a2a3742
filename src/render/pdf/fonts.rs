//! The fonts a printed letter can use, and which one prints each character.
//!
//! The order is fixed: DejaVu Sans (built in: Latin, Greek, Cyrillic, Hebrew, Arabic and
//! more), then every face of the font the writer named (`write --font FILE` or `OUTCRY_FONT`),
//! then the system's fonts (fontconfig's folders on Linux, or the folders in
//! `OUTCRY_FONT_DIRS`), read with fontdb only when a character needs them, with the common CJK
//! families first (Noto Sans CJK, Source Han Sans, WenQuanYi...). Each character is printed
//! by the first face that has it, so the choice depends only on the character and the fonts
//! installed, and the same letter always gives the same bytes. This module does not lay out
//! or embed anything; `text` and the document writer do.
//!
//! May import: [`crate::error`], [`crate::support`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use read_fonts::types::{NameId, Tag};
use read_fonts::{FontRef, TableProvider};

use crate::error::{Error, Result};

/// The bytes of a font file (a collection holds several faces).
type Data = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// How a face stores its outlines, which decides how a PDF embeds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Outlines {
    /// `glyf` outlines: a CIDFontType2 with a FontFile2.
    TrueType,
    /// `CFF ` outlines: a CIDFontType0 with the CFF table as FontFile3.
    Cff,
}

/// One font face, parsed, with what a PDF needs to describe it.
pub(super) struct Face {
    /// Its number in the font set; 0 is DejaVu Sans.
    pub id: u16,
    data: Data,
    /// The face's index in its file (0 unless the file is a collection).
    pub index: u32,
    /// For shaping (harfrust) and for the character map and advances.
    pub font: harfrust::Font,
    pub units_per_em: u16,
    pub outlines: Outlines,
    /// The PostScript name, reduced to ASCII letters, digits and `-` (for `BaseFont`).
    pub postscript: String,
    /// The family name and where the face comes from, for messages.
    pub label: String,
    /// `head` bounding box (x_min, y_min, x_max, y_max), in font units.
    pub bbox: [i16; 4],
    /// Ascender, descender and capital height, in font units (as ttf-parser reads them:
    /// OS/2 typographic values when the font asks for them, else `hhea`).
    pub ascender: i16,
    pub descender: i16,
    pub cap_height: Option<i16>,
}

impl Face {
    /// Parses face `index` of `data`; `None` when it is not a font whose outlines a PDF can
    /// embed (TrueType or CFF, with a Unicode character map).
    fn parse(data: Data, index: u32, id: u16, origin: &str) -> Option<Face> {
        let bytes: &[u8] = (*data).as_ref();
        let raw = FontRef::from_index(bytes, index).ok()?;
        let outlines = if raw.table_data(Tag::new(b"glyf")).is_some() {
            Outlines::TrueType
        } else if raw.table_data(Tag::new(b"CFF ")).is_some() {
            Outlines::Cff
        } else {
            return None;
        };
        raw.cmap().ok()?;
        let head = raw.head().ok()?;
        let hhea = raw.hhea().ok()?;
        let os2 = raw.os2().ok();
        let typo = os2
            .as_ref()
            .is_some_and(|o| o.fs_selection().bits() & (1 << 7) != 0);
        let (mut ascender, mut descender) = match &os2 {
            Some(o) if typo => (o.s_typo_ascender(), o.s_typo_descender()),
            _ => (hhea.ascender().to_i16(), hhea.descender().to_i16()),
        };
        if let Some(o) = &os2 {
            if ascender == 0 {
                ascender = match o.s_typo_ascender() {
                    0 => i16::try_from(o.us_win_ascent()).unwrap_or(i16::MAX),
                    v => v,
                };
            }
            if descender == 0 {
                descender = match o.s_typo_descender() {
                    0 => -i16::try_from(o.us_win_descent()).unwrap_or(i16::MAX),
                    v => v,
                };
            }
        }
        let cap_height = os2.as_ref().and_then(|o| o.s_cap_height());
        let family = name(&raw, NameId::TYPOGRAPHIC_FAMILY_NAME)
            .or_else(|| name(&raw, NameId::FAMILY_NAME))
            .unwrap_or_else(|| "font".into());
        let postscript: String = name(&raw, NameId::POSTSCRIPT_NAME)
            .unwrap_or_else(|| family.clone())
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let bbox = [head.x_min(), head.y_min(), head.x_max(), head.y_max()];
        let units_per_em = head.units_per_em();
        let font = harfrust::Font::new(read_fonts::model::Blob::from(data.clone()), index)?;
        Some(Face {
            id,
            data,
            index,
            font,
            units_per_em,
            outlines,
            postscript: if postscript.is_empty() {
                "Font".into()
            } else {
                postscript
            },
            label: if origin.is_empty() {
                family
            } else {
                format!("{family} ({origin})")
            },
            bbox,
            ascender,
            descender,
            cap_height,
        })
    }

    /// The whole font file (all faces of a collection).
    pub fn bytes(&self) -> &[u8] {
        (*self.data).as_ref()
    }

    /// The glyph of a character, if the face has one (never `.notdef`).
    pub fn glyph(&self, c: char) -> Option<u16> {
        let id = self.font.charmap().map_unicode(c)?.to_u32();
        u16::try_from(id).ok().filter(|&id| id != 0)
    }

    /// A glyph's advance width, in 1/1000 em.
    pub fn advance(&self, glyph: u16) -> f32 {
        let units = self
            .font
            .glyph_metrics()
            .h_advance(read_fonts::types::GlyphId::new(u32::from(glyph)));
        units * 1000.0 / f32::from(self.units_per_em)
    }
}

/// A string of the `name` table (the Windows Unicode record, as most fonts carry).
fn name(font: &FontRef, id: NameId) -> Option<String> {
    let table = font.name().ok()?;
    table
        .name_record()
        .iter()
        .filter(|r| r.name_id() == id)
        .filter_map(|r| r.string(table.string_data()).ok())
        .map(|s| s.to_string())
        .find(|s| !s.trim().is_empty())
}

/// Families tried before any other system font, in order: the common pan-CJK families
/// (Simplified Chinese first: most writers of Chinese-script names in this campaign use it),
/// then older CJK fonts found on many systems.
const PREFERRED: &[&str] = &[
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans CJK TC",
    "Noto Sans TC",
    "Source Han Sans TC",
    "Source Han Sans TW",
    "Noto Sans CJK HK",
    "Noto Sans CJK JP",
    "Noto Sans JP",
    "Source Han Sans JP",
    "Source Han Sans",
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "Source Han Sans KR",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "Noto Serif CJK SC",
    "AR PL UMing CN",
    "Noto Sans",
];

/// The system's fonts, read on first need.
struct System {
    db: fontdb::Database,
    /// Every face, in the order they are tried.
    order: Vec<fontdb::ID>,
    /// Faces already loaded into the set, by their number there.
    loaded: HashMap<fontdb::ID, u16>,
    /// The face chosen for each character asked about (`None`: no system face has it).
    chosen: HashMap<char, Option<u16>>,
}

impl System {
    fn load(dirs: Option<&[PathBuf]>) -> System {
        let mut db = fontdb::Database::new();
        match dirs {
            Some(dirs) => dirs.iter().for_each(|d| db.load_fonts_dir(d)),
            None => db.load_system_fonts(),
        }
        let rank = |f: &fontdb::FaceInfo| {
            f.families
                .iter()
                .filter_map(|(name, _)| PREFERRED.iter().position(|p| p.eq_ignore_ascii_case(name)))
                .min()
                .unwrap_or(PREFERRED.len())
        };
        let path = |f: &fontdb::FaceInfo| match &f.source {
            fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p.clone(),
            fontdb::Source::Binary(_) => PathBuf::new(),
        };
        let mut faces: Vec<&fontdb::FaceInfo> = db.faces().collect();
        faces.sort_by_cached_key(|f| {
            (
                rank(f),
                f.style != fontdb::Style::Normal,
                f.weight.0.abs_diff(400),
                f.stretch != fontdb::Stretch::Normal,
                f.monospaced,
                f.families
                    .first()
                    .map(|(n, _)| n.clone())
                    .unwrap_or_default(),
                path(f),
                f.index,
            )
        });
        let order = faces.iter().map(|f| f.id).collect();
        System {
            db,
            order,
            loaded: HashMap::new(),
            chosen: HashMap::new(),
        }
    }

    /// Whether a system face has a usable glyph for `c` (read from the file, not loaded).
    fn covers(&self, id: fontdb::ID, c: char) -> bool {
        self.db
            .with_face_data(id, |data, index| {
                let Ok(font) = FontRef::from_index(data, index) else {
                    return false;
                };
                let outlines = font.table_data(Tag::new(b"glyf")).is_some()
                    || font.table_data(Tag::new(b"CFF ")).is_some();
                outlines
                    && font
                        .cmap()
                        .ok()
                        .and_then(|cmap| cmap.map_codepoint(c))
                        .is_some_and(|g| g.to_u32() != 0 && g.to_u32() <= u32::from(u16::MAX))
            })
            .unwrap_or(false)
    }
}

/// Every font a printed letter can use: DejaVu Sans, the writer's font, the system's.
pub(super) struct FontSet {
    /// Faces by number: 0 is DejaVu Sans, then the writer's font, then system faces as they
    /// are loaded.
    faces: RwLock<Vec<Arc<Face>>>,
    /// How many faces the writer's font has (numbers 1 to `user`).
    user: usize,
    /// Where system fonts are looked for (`None`: the system's own folders).
    dirs: Option<Vec<PathBuf>>,
    system: Mutex<Option<System>>,
}

/// A font file named with `write --font`, which wins over `OUTCRY_FONT`.
static CHOSEN_FONT: OnceLock<PathBuf> = OnceLock::new();

/// Uses `path` as the writer's font for the rest of the process (`write --font FILE`); it is
/// read when the first PDF is checked or made. Errors (an unreadable or unusable file) come
/// then, from [`FontSet::get`].
pub fn use_font(path: &Path) {
    let _ = CHOSEN_FONT.set(path.to_path_buf());
}

/// The hint for a font file that cannot be used.
const FONT_FILE_HINT: &str = "name a TrueType or OpenType font file (.ttf, .otf, .ttc) with --font FILE or OUTCRY_FONT=FILE, e.g. /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

impl FontSet {
    /// The font set of this process, made on first use: DejaVu Sans and the writer's font
    /// (`--font`, else `OUTCRY_FONT`). System fonts are read later, only if a character
    /// needs them.
    ///
    /// Errors: the writer's font cannot be read, or holds no face a PDF can embed (exit
    /// code 2).
    pub fn get() -> Result<&'static FontSet> {
        static SET: OnceLock<std::result::Result<FontSet, String>> = OnceLock::new();
        SET.get_or_init(FontSet::load)
            .as_ref()
            .map_err(|message| Error::usage(message.clone()).hint(FONT_FILE_HINT))
    }

    fn load() -> std::result::Result<FontSet, String> {
        let dejavu: Data = Arc::new(dejavu::sans::regular());
        let dejavu = Face::parse(dejavu, 0, 0, "")
            .ok_or_else(|| "the built-in font (DejaVu Sans) is unreadable".to_string())?;
        let mut faces = vec![Arc::new(dejavu)];
        let env = crate::support::env::get();
        let (path, source) = match CHOSEN_FONT.get() {
            Some(p) => (Some(p.clone()), "--font"),
            None => (env.font.clone(), "OUTCRY_FONT"),
        };
        if let Some(path) = path {
            let bytes = std::fs::read(&path).map_err(|e| {
                format!(
                    "could not read the font `{}` ({source}): {}",
                    path.display(),
                    crate::error::io_reason(&e)
                )
            })?;
            let count = read_fonts::model::Format::new(&bytes)
                .map(|f| f.num_fonts())
                .unwrap_or(0);
            let data: Data = Arc::new(bytes);
            let origin = path.display().to_string();
            for index in 0..count {
                let id = u16::try_from(faces.len()).map_err(|_| "too many font faces")?;
                if let Some(face) = Face::parse(data.clone(), index, id, &origin) {
                    faces.push(Arc::new(face));
                }
            }
            if faces.len() == 1 {
                return Err(format!(
                    "the font `{}` ({source}) has no face outcry can embed in a PDF (TrueType or OpenType outlines with a Unicode character map)",
                    path.display()
                ));
            }
        }
        let user = faces.len() - 1;
        Ok(FontSet {
            faces: RwLock::new(faces),
            user,
            dirs: env.font_dirs.clone(),
            system: Mutex::new(None),
        })
    }

    /// Face number `id` (as given by [`FontSet::find`]).
    pub fn face(&self, id: u16) -> Arc<Face> {
        let faces = self.faces.read().unwrap_or_else(|e| e.into_inner());
        faces[usize::from(id)].clone()
    }

    /// DejaVu Sans.
    pub fn dejavu(&self) -> Arc<Face> {
        self.face(0)
    }

    /// How `c` prints: DejaVu Sans's glyph when it has one; nothing for a control or an
    /// invisible character ([`invisible`]); else the first other face that has it; a space
    /// for a space no font has; else it is missing.
    pub fn resolve(&self, c: char) -> Resolved {
        let dejavu = self.dejavu();
        if let Some(g) = dejavu.glyph(c) {
            return Resolved::Glyph(0, g);
        }
        if invisible(c) {
            return Resolved::Nothing;
        }
        if let Some((face, g)) = self.find(c) {
            return Resolved::Glyph(face, g);
        }
        match dejavu.glyph(' ') {
            Some(space) if c.is_whitespace() => Resolved::Glyph(0, space),
            _ => Resolved::Missing,
        }
    }

    /// The first face that has `c`, and its glyph there; `None` when no font has it.
    pub fn find(&self, c: char) -> Option<(u16, u16)> {
        {
            let faces = self.faces.read().unwrap_or_else(|e| e.into_inner());
            for face in faces.iter().take(1 + self.user) {
                if let Some(g) = face.glyph(c) {
                    return Some((face.id, g));
                }
            }
        }
        let id = self.system_face(c)?;
        Some((id, self.face(id).glyph(c)?))
    }

    /// The system face chosen for `c`, loading the system's font list and then the face on
    /// first need.
    fn system_face(&self, c: char) -> Option<u16> {
        let mut guard = self.system.lock().unwrap_or_else(|e| e.into_inner());
        let system = guard.get_or_insert_with(|| System::load(self.dirs.as_deref()));
        if let Some(chosen) = system.chosen.get(&c) {
            return *chosen;
        }
        let mut chosen = None;
        for i in 0..system.order.len() {
            let db_id = system.order[i];
            if let Some(&id) = system.loaded.get(&db_id) {
                if self.face(id).glyph(c).is_some() {
                    chosen = Some(id);
                    break;
                }
                continue;
            }
            if !system.covers(db_id, c) {
                continue;
            }
            let mut faces = self.faces.write().unwrap_or_else(|e| e.into_inner());
            let Ok(id) = u16::try_from(faces.len()) else {
                break;
            };
            let origin = match system.db.face_source(db_id) {
                Some((fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _), _)) => {
                    p.display().to_string()
                }
                _ => String::new(),
            };
            let face = system.db.with_face_data(db_id, |data, index| {
                Face::parse(Arc::new(data.to_vec()), index, id, &origin)
            });
            if let Some(Some(face)) = face
                && face.glyph(c).is_some()
            {
                faces.push(Arc::new(face));
                system.loaded.insert(db_id, id);
                chosen = Some(id);
                break;
            }
        }
        system.chosen.insert(c, chosen);
        chosen
    }
}

/// How a character prints ([`FontSet::resolve`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Resolved {
    /// With this glyph (face number, glyph id).
    Glyph(u16, u16),
    /// As nothing: it is invisible.
    Nothing,
    /// No font has it.
    Missing,
}

/// Characters that print as nothing and need no glyph: controls (a tab prints as a space)
/// and Unicode's default-ignorable characters (joiners, direction marks, variation
/// selectors...), from DerivedCoreProperties.txt.
pub(super) fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(u32::from(c),
            0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
            | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
            | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF)
}
