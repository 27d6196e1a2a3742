//! Printed letters in every script: right-to-left Hebrew and Arabic-script text laid out
//! right to left and extracting in reading order, Chinese, Japanese and Korean text printed
//! with a CJK font, and a clear stop before writing when no font has a character.
//!
//! The PDFs are read back with lopdf: the text as drawn (through each font's ToUnicode map),
//! and where each glyph lands (a small interpreter of the text operators outcry writes:
//! `Tf`, `Td`, `Tm`, `Tj`, `TJ`, with the widths of each font's `W` array).

use std::collections::HashMap;

use crate::harness::{Test, repo};

/// The test font: a subset of Noto Sans CJK SC (tests/fixtures/fonts/NOTES.md).
fn cjk_font() -> String {
    repo()
        .join("tests/fixtures/fonts/NotoSansCJKsc-Regular-subset.otf")
        .display()
        .to_string()
}

/// A recipient whose name and party are in Hebrew, as `recipients import --from knesset`
/// gives them, with a postal address so the letter is for the post.
const KNESSET: &str = "recipients:
- id: il-mk-test
  name: אביגדור ליברמן
  given_name: אביגדור
  family_name: ליברמן
  honorific: MK
  role: Member of the Knesset
  organisation: Knesset
  body: legislature
  country: IL
  contact:
    postal: [הכנסת, ירושלים 9195015]
";

/// A letter in English, and its translation written in Hebrew, with a Latin name, a number
/// and a web address inside it, a line with no letters, and a line in Uyghur and Arabic.
const ENGLISH_TEMPLATE: &str = "---
id: hebrew-letter
title: Hebrew letter
summary: A letter with a Hebrew translation
audience: [any]
subject: Organ transplants
questions: []
---
{{salutation recipient}},

{{#ask}}Will you support a law against transplant tourism?{{/ask}}

{{signoff recipient}}
{{sender.name}}
";
const HEBREW_TEMPLATE: &str = "---
id: hebrew-letter
language: he
title: Hebrew letter
summary: A letter in Hebrew
subject: \"השתלות איברים: בקשה לחקיקה\"
---
{{salutation recipient}},

אני כותבת אליך בנוגע לקצירת איברים בכפייה בסין. לפי דו\"ח הטריבונל (China Tribunal, 2019) יש ראיות ברורות. ראו https://chinatribunal.com/final-judgement/ ועוד 12,345 מקרים.

{{#ask}}האם תתמוך בחוק שיאסור תיירות השתלות?{{/ask}}

ئۇيغۇر تىلى: بۇ بىر سىناق. مرحبا بالعالم.

2019–2026

{{signoff recipient}}
{{sender.name}}
";

/// One glyph as drawn: the text its font's ToUnicode map gives it, where it starts on the
/// page, its advance (points), its font's base name and its glyph id.
#[derive(Debug, Clone)]
struct Drawn {
    text: String,
    x: f32,
    y: f32,
    width: f32,
    font: String,
    code: u16,
}

/// A font of the page: base name, widths by glyph id (1/1000 em), text by glyph id.
struct PageFont {
    name: String,
    widths: HashMap<u16, f32>,
    unicode: HashMap<u16, String>,
}

fn number(o: &lopdf::Object) -> f32 {
    o.as_float()
        .or_else(|_| o.as_i64().map(|i| i as f32))
        .unwrap()
}

/// Reads a Type 0 font: its descendant's `W` array and its ToUnicode map (`bfchar`).
fn page_font(doc: &lopdf::Document, dict: &lopdf::Dictionary) -> PageFont {
    let name =
        String::from_utf8_lossy(dict.get(b"BaseFont").unwrap().as_name().unwrap()).into_owned();
    let descendants = dict.get(b"DescendantFonts").unwrap().as_array().unwrap();
    let cid = doc
        .get_object(descendants[0].as_reference().unwrap())
        .unwrap()
        .as_dict()
        .unwrap();
    let mut widths = HashMap::new();
    let w = cid.get(b"W").unwrap().as_array().unwrap();
    let mut i = 0;
    while i < w.len() {
        let start = w[i].as_i64().unwrap() as u16;
        for (k, width) in w[i + 1].as_array().unwrap().iter().enumerate() {
            widths.insert(start + k as u16, number(width));
        }
        i += 2;
    }
    let cmap = doc
        .get_object(dict.get(b"ToUnicode").unwrap().as_reference().unwrap())
        .unwrap()
        .as_stream()
        .unwrap()
        .decompressed_content()
        .unwrap_or_else(|_| {
            doc.get_object(dict.get(b"ToUnicode").unwrap().as_reference().unwrap())
                .unwrap()
                .as_stream()
                .unwrap()
                .content
                .clone()
        });
    let cmap = String::from_utf8_lossy(&cmap).into_owned();
    let mut unicode = HashMap::new();
    let mut in_bfchar = false;
    for line in cmap.lines() {
        let line = line.trim();
        if line.ends_with("beginbfchar") {
            in_bfchar = true;
        } else if line == "endbfchar" {
            in_bfchar = false;
        } else if in_bfchar {
            let hex: Vec<&str> = line
                .split(['<', '>'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            let code = u16::from_str_radix(hex[0], 16).unwrap();
            let units: Vec<u16> = (0..hex[1].len() / 4)
                .map(|k| u16::from_str_radix(&hex[1][4 * k..4 * k + 4], 16).unwrap())
                .collect();
            unicode.insert(code, String::from_utf16(&units).unwrap());
        }
    }
    PageFont {
        name,
        widths,
        unicode,
    }
}

/// Every glyph drawn on page `page` (1-based), in the order drawn.
fn drawn(doc: &lopdf::Document, page: u32) -> Vec<Drawn> {
    let page_id = *doc.get_pages().get(&page).unwrap();
    let fonts: HashMap<Vec<u8>, PageFont> = doc
        .get_page_fonts(page_id)
        .unwrap()
        .into_iter()
        .map(|(name, dict)| (name, page_font(doc, dict)))
        .collect();
    let content = lopdf::content::Content::decode(&doc.get_page_content(page_id)).unwrap();
    let mut out = Vec::new();
    let (mut font, mut size) = (None::<&PageFont>, 0.0f32);
    let (mut x, mut y, mut line_x, mut line_y) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
    for op in &content.operations {
        let mut show = |bytes: &[u8], x: &mut f32| {
            let f = font.expect("a font is set before text is shown");
            for pair in bytes.chunks(2) {
                let code = u16::from_be_bytes([pair[0], pair[1]]);
                let width = f.widths.get(&code).copied().unwrap_or(0.0) * size / 1000.0;
                out.push(Drawn {
                    text: f.unicode.get(&code).cloned().unwrap_or_default(),
                    x: *x,
                    y,
                    width,
                    font: f.name.clone(),
                    code,
                });
                *x += width;
            }
        };
        match op.operator.as_str() {
            "BT" => (x, y, line_x, line_y) = (0.0, 0.0, 0.0, 0.0),
            "Tf" => {
                font = fonts.get(op.operands[0].as_name().unwrap());
                size = number(&op.operands[1]);
            }
            "Td" => {
                line_x += number(&op.operands[0]);
                line_y += number(&op.operands[1]);
                (x, y) = (line_x, line_y);
            }
            "Tm" => {
                line_x = number(&op.operands[4]);
                line_y = number(&op.operands[5]);
                (x, y) = (line_x, line_y);
            }
            "Tj" => show(op.operands[0].as_str().unwrap(), &mut x),
            "TJ" => {
                for item in op.operands[0].as_array().unwrap() {
                    match item {
                        lopdf::Object::String(bytes, _) => show(bytes, &mut x),
                        other => x -= number(other) * size / 1000.0,
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The glyphs drawn on the baseline of the first glyph whose text is `c`.
fn line_with<'a>(glyphs: &'a [Drawn], c: &str) -> Vec<&'a Drawn> {
    let y = glyphs.iter().find(|g| g.text == c).unwrap().y;
    glyphs.iter().filter(|g| (g.y - y).abs() < 0.01).collect()
}

/// The text of the glyphs in drawing order.
fn text_of(glyphs: &[&Drawn]) -> String {
    glyphs.iter().map(|g| g.text.as_str()).collect()
}

#[test]
fn a_hebrew_letter_prints_right_to_left_and_extracts_in_reading_order() {
    let mut t = Test::new()
        .file("tpl/hebrew-letter.hbs", ENGLISH_TEMPLATE)
        .file("tpl/hebrew-letter.he.hbs", HEBREW_TEMPLATE)
        .file("knesset.yaml", KNESSET)
        .args([
            "--templates",
            "tpl",
            "--recipients",
            "knesset.yaml",
            "write",
            "-t",
            "hebrew-letter",
            "--to",
            "il-mk-test",
            "--language",
            "he",
            "--format",
            "pdf",
            "--sender-name",
            "דנה לוי",
            "--sender-address",
            "רחוב הרצל 1",
            "--sender-address",
            "תל אביב 6100000",
            "--sender-country",
            "IL",
            "--no-input",
            "--out",
            "out",
        ]);
    t.run().ok();
    let doc = lopdf::Document::load(t.path("out/2026-11-28_hebrew-letter_il-mk-test.pdf")).unwrap();
    let glyphs = drawn(&doc, 1);
    assert!(glyphs.iter().all(|g| g.code != 0), "no .notdef is drawn");

    // Drawn in logical order, so that text extraction reads it as it is read.
    let text = doc.extract_text(&[1]).unwrap();
    for needle in [
        "דנה לוי",
        "רחוב הרצל 1",
        "אביגדור ליברמן",
        "השתלות איברים: בקשה לחקיקה",
        "אני כותבת אליך בנוגע לקצירת איברים בכפייה בסין.",
        "(China Tribunal, 2019)",
        "https://chinatribunal.com/final-judgement/",
        "ועוד 12,345 מקרים.",
        "האם תתמוך בחוק שיאסור תיירות השתלות?",
        "مرحبا بالعالم.",
        "ئۇيغۇر تىلى",
    ] {
        assert!(
            text.contains(needle),
            "{needle:?} not in the PDF's text:\n{text}"
        );
    }

    // Placed right to left: the sender's name reads from the right, its first letter
    // rightmost, and the line ends at the right margin (A4: 595.28 - 25 mm).
    let name = line_with(&glyphs, "ד");
    assert_eq!(text_of(&name), "דנה לוי");
    let xs: Vec<f32> = name.iter().map(|g| g.x).collect();
    assert!(
        xs.windows(2).all(|w| w[0] > w[1]),
        "each letter left of the one before: {xs:?}"
    );
    let right = 595.28 - 25.0 * 72.0 / 25.4;
    let end = name[0].x + name[0].width;
    assert!(
        (end - right).abs() < 0.1,
        "right-aligned: ends at {end}, margin at {right}"
    );

    // A line with no letters follows the letter's direction (Hebrew: right to left).
    let years = line_with(&glyphs, "–");
    assert_eq!(text_of(&years), "2019–2026");
    let last = years
        .iter()
        .max_by(|a, b| a.x.partial_cmp(&b.x).unwrap())
        .unwrap();
    let end = last.x + last.width;
    assert!((end - right).abs() < 0.1, "right-aligned: ends at {end}");

    // A paragraph: the question, in Hebrew, right-aligned and right to left.
    let ask = line_with(&glyphs, "?");
    assert_eq!(text_of(&ask), "האם תתמוך בחוק שיאסור תיירות השתלות?");
    let first = ask.iter().find(|g| g.text == "ה").unwrap();
    assert!(
        ask.iter().all(|g| g.x <= first.x),
        "the first letter is rightmost"
    );
    let question = ask.iter().find(|g| g.text == "?").unwrap();
    assert!(
        ask.iter().all(|g| g.x >= question.x),
        "the question mark is leftmost"
    );

    // Latin words and numbers inside stay left to right.
    let body = line_with(&glyphs, "C");
    for word in ["China", "2019"] {
        let at = (0..body.len())
            .find(|&i| text_of(&body[i..i + word.len()]) == word)
            .unwrap_or_else(|| panic!("{word} in {}", text_of(&body)));
        let xs: Vec<f32> = body[at..at + word.len()].iter().map(|g| g.x).collect();
        assert!(
            xs.windows(2).all(|w| w[0] < w[1]),
            "{word} reads left to right: {xs:?}"
        );
    }

    // Arabic letters are shaped: joined forms, not the isolated ones.
    let arabic = line_with(&glyphs, "م");
    let beh = arabic.iter().filter(|g| g.text == "ب").map(|g| g.code);
    let codes: std::collections::HashSet<u16> = beh.collect();
    assert!(
        codes.len() >= 2,
        "ب in different positions of a word takes different forms: {codes:?}"
    );
    let visual: Vec<&str> = {
        let mut by_x = arabic.clone();
        by_x.sort_by(|a, b| b.x.partial_cmp(&a.x).unwrap());
        by_x.iter().map(|g| g.text.as_str()).collect()
    };
    assert!(
        visual.concat().starts_with("ئۇيغۇر"),
        "read from the right, the line starts with its first word: {visual:?}"
    );
}

#[test]
fn cjk_names_and_words_print_with_a_cjk_font() {
    let empty = tempfile::tempdir().unwrap();
    let run = |how: &str| {
        let mut t = crate::harness::write_to("transplant-tourism-law", "uk-mp-alex-baker")
            .args(["--format", "pdf", "--no-input", "--out", "out"])
            .arg("--set=personal=我的家人是中国人。器官移植。东京都さくら 김민준")
            .args([
                "--sender-name",
                "王小明",
                "--sender-address",
                "朝阳区 路 1号",
                "--sender-address",
                "London SW1A 0AA",
                "--sender-country",
                "GB",
            ]);
        t = match how {
            // The font named by the environment, with no system font to fall back on.
            "env" => t
                .env("OUTCRY_FONT", &cjk_font())
                .env("OUTCRY_FONT_DIRS", &empty.path().display().to_string()),
            // The font named on the command line.
            "flag" => t
                .args(["--font", &cjk_font()])
                .env("OUTCRY_FONT_DIRS", &empty.path().display().to_string()),
            // Found in a fonts folder, as on a system with Noto Sans CJK installed.
            _ => t.env(
                "OUTCRY_FONT_DIRS",
                &repo().join("tests/fixtures/fonts").display().to_string(),
            ),
        };
        t.run().ok();
        let bytes =
            std::fs::read(t.path("out/2026-11-28_transplant-tourism-law_uk-mp-alex-baker.pdf"))
                .unwrap();
        (
            bytes,
            lopdf::Document::load_mem(
                &std::fs::read(
                    t.path("out/2026-11-28_transplant-tourism-law_uk-mp-alex-baker.pdf"),
                )
                .unwrap(),
            )
            .unwrap(),
        )
    };
    let mut all = Vec::new();
    for how in ["env", "flag", "folder"] {
        let (bytes, doc) = run(how);
        let glyphs = drawn(&doc, 1);
        assert!(
            glyphs.iter().all(|g| g.code != 0),
            "{how}: no .notdef is drawn"
        );
        let cjk: Vec<&Drawn> = glyphs
            .iter()
            .filter(|g| g.font.contains("NotoSansCJKsc"))
            .collect();
        let cjk_text: String = cjk.iter().map(|g| g.text.as_str()).collect();
        for needle in [
            "王小明",
            "朝阳区",
            "我的家人是中国人。器官移植。东京都さくら",
            "김민준",
        ] {
            assert!(
                cjk_text.contains(needle),
                "{how}: {needle} in the CJK font: {cjk_text}"
            );
        }
        // Latin text stays in DejaVu Sans.
        let name = line_with(&glyphs, "王");
        assert!(name.iter().all(|g| g.font.contains("NotoSansCJKsc")));
        let latin = line_with(&glyphs, "L");
        assert!(latin.iter().any(|g| g.font == "OUTCRY+DejaVuSans"));
        // The glyphs are embedded: a CFF subset of the font.
        assert!(bytes.windows(9).any(|w| w == b"FontFile3"), "{how}");
        assert!(bytes.windows(13).any(|w| w == b"CIDFontType0C"), "{how}");
        let text = doc.extract_text(&[1]).unwrap();
        assert!(text.contains("王小明"), "{how}: {text}");
        all.push(bytes);
    }
    assert!(
        all.windows(2).all(|w| w[0] == w[1]),
        "the same font found three ways gives the same PDF"
    );
}

#[test]
fn no_font_for_a_character_stops_before_anything_is_written() {
    let empty = tempfile::tempdir().unwrap();
    let mut t = crate::harness::write_to(
        "transplant-tourism-law",
        "uk-mp-alex-baker,us-sen-ma-warren",
    )
    .args([
        "--format",
        "pdf",
        "--format",
        "txt",
        "--no-input",
        "--out",
        "out",
    ])
    .arg("--set=personal=My family lives in 北京.")
    .args([
        "--sender-name",
        "王小明",
        "--sender-address",
        "1 Road",
        "--sender-address",
        "London SW1A 0AA",
        "--sender-country",
        "GB",
    ])
    .env("OUTCRY_FONT_DIRS", &empty.path().display().to_string());
    t.run().expect_code(2).stderr_is(
        "error: no font here has the characters `王` (U+738B), `小` (U+5C0F), `明` (U+660E), `北` (U+5317), `京` (U+4EAC) needed by 2 PDF letters; nothing was written
  the letter to `uk-mp-alex-baker` (Alex Baker): 王小明 (in your name and address), 北京 (in the letter)
  the letter to `us-sen-ma-warren` (Elizabeth Warren): 王小明 (in your name and address), 北京 (in the letter)
  hint: install a Chinese, Japanese and Korean font, e.g. Noto Sans CJK (Debian and Ubuntu: `sudo apt install fonts-noto-cjk`; Fedora: `sudo dnf install google-noto-sans-cjk-fonts`), then run the command again
  hint: or name a font file that has them: --font FILE, or OUTCRY_FONT=/path/to/font.ttf (.otf and .ttc work too)
  hint: or write these letters without PDF, e.g. --format txt
",
    );
    assert!(!t.path("out").exists(), "no letter file, not even the .txt");
    assert!(
        !t.path("home/data/ledger.jsonl").exists() && !t.path("data/ledger.jsonl").exists(),
        "nothing recorded"
    );

    // Printing to the terminal stops the same way, before printing anything.
    let out = t
        .with(
            &[
                "write",
                "-t",
                "transplant-tourism-law",
                "--to",
                "uk-mp-alex-baker",
                "--format",
                "pdf",
                "--stdout",
                "--no-input",
                "--sender-name",
                "王小明",
                "--sender-address",
                "1 Road",
                "--sender-country",
                "GB",
                "--set",
                "personal=Because.",
            ],
            &[],
        )
        .run();
    out.expect_code(2)
        .stderr_has("error: no font here has the characters `王` (U+738B), `小` (U+5C0F), `明` (U+660E) needed by 1 PDF letter; nothing was written");
    assert!(out.stdout.is_empty());

    // Text and email need no font.
    t.with(
        &[
            "write",
            "-t",
            "transplant-tourism-law",
            "--to",
            "uk-mp-alex-baker",
            "--format",
            "txt",
            "--no-input",
            "--sender-name",
            "王小明",
            "--sender-address",
            "1 Road",
            "--sender-country",
            "GB",
            "--set",
            "personal=Because.",
            "--out",
            "out",
        ],
        &[],
    )
    .run()
    .ok();
    assert!(
        t.path("out/2026-11-28_transplant-tourism-law_uk-mp-alex-baker.txt")
            .exists()
    );
}

#[test]
fn a_font_file_that_cannot_be_used_is_named() {
    let run = |font: &str| {
        crate::harness::write_to("transplant-tourism-law", "uk-mp-alex-baker")
            .args(["--format", "pdf", "--no-input", "--out", "out"])
            .args([
                "--set",
                "personal=Because.",
                "--sender-name",
                "Ada",
                "--sender-address",
                "1 Row",
            ])
            .env("OUTCRY_FONT", font)
            .run()
    };
    run("/nonexistent/font.ttf").expect_code(2).stderr_is(
        "error: could not read the font `/nonexistent/font.ttf` (OUTCRY_FONT): no such file or folder
  hint: name a TrueType or OpenType font file (.ttf, .otf, .ttc) with --font FILE or OUTCRY_FONT=FILE, e.g. /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
",
    );
    let not_a_font = repo().join("tests/fixtures/fonts/OFL.txt");
    run(&not_a_font.display().to_string()).expect_code(2).stderr_is(&format!(
        "error: the font `{}` (OUTCRY_FONT) has no face outcry can embed in a PDF (TrueType or OpenType outlines with a Unicode character map)
  hint: name a TrueType or OpenType font file (.ttf, .otf, .ttc) with --font FILE or OUTCRY_FONT=FILE, e.g. /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
",
        not_a_font.display()
    ));
}
