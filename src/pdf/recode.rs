//! One byte for each glyph of text, instead of printpdf's two.
//!
//! Owns: rewriting, after printpdf has written the document, how its two embedded faces'
//! text is encoded. printpdf writes every glyph as a two-byte glyph id in hexadecimal
//! (`<0024003B> Tj`, Identity-H), four characters in the file for each letter of the report.
//! A face cut to one document's glyphs ([`super::font::Face::for_embedding`]) has far fewer
//! than 256, so each glyph gets a one-byte code instead (a letter of Latin-1 keeps its own
//! value, so the content reads as the text it shows), text is written as literal strings
//! (`(Rating) Tj`), and each face gets:
//!
//! - an encoding CMap with one-byte codes, each code its own CID;
//! - a `/CIDToGIDMap` from those CIDs to the glyphs printpdf numbered;
//! - its widths (`/W`) from printpdf's, keyed by the new codes;
//! - a `/ToUnicode` map from the new codes to the text, so copying, searching and screen
//!   readers get the same characters.
//!
//! The glyphs drawn, their widths and so their places are exactly printpdf's: pages look the
//! same to the pixel. Anything not as expected (a face with 256 glyphs or more, a string that
//! is not whole glyph ids, a width missing) leaves the whole document as printpdf wrote it.
//! Must not touch: layout, drawing, or any font but the two named.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use printpdf::ParsedFont;

/// The name of the one-byte encoding CMap.
const CMAP_NAME: &[u8] = b"MHSW-OneByte-Identity";

/// A face's new codes: glyph id to code, and each code's glyph and text.
#[derive(Debug, Clone, PartialEq)]
struct Codes {
    /// printpdf's glyph id to the new one-byte code.
    of_glyph: BTreeMap<u16, u8>,
    /// Each code's glyph id and the character it shows.
    glyph_of: BTreeMap<u8, (u16, char)>,
}

impl Codes {
    /// Codes for every glyph `font` maps a character to, or `None` if there are too many.
    /// Code 0 is the missing glyph; a character of Latin-1 is its own code; the rest take
    /// the codes no Latin-1 character of the face has taken, C1 controls first.
    fn for_font(font: &ParsedFont) -> Option<Self> {
        // Each glyph's character: the first that maps to it (a glyph two characters share,
        // such as a space and a no-break space in some fonts, reads as the first).
        let mut char_of: BTreeMap<u16, char> = BTreeMap::new();
        for (&codepoint, &gid) in &font.codepoint_to_glyph {
            if gid == 0 {
                continue;
            }
            if let Some(c) = char::from_u32(codepoint) {
                char_of.entry(gid).or_insert(c);
            }
        }
        if char_of.len() > 255 {
            return None;
        }
        let mut codes = Self {
            of_glyph: BTreeMap::from([(0, 0)]),
            glyph_of: BTreeMap::from([(0, (0, '\u{FFFD}'))]),
        };
        let mut rest = Vec::new();
        for (&gid, &c) in &char_of {
            match u8::try_from(u32::from(c)) {
                Ok(code) if code != 0 && !codes.glyph_of.contains_key(&code) => {
                    codes.of_glyph.insert(gid, code);
                    codes.glyph_of.insert(code, (gid, c));
                }
                _ => rest.push((gid, c)),
            }
        }
        let mut offered = [false; 256];
        let mut free = (0x80..=0x9F)
            .chain(0x01..=0x1F)
            .chain(0x20..=0xFF)
            .filter(|&code: &u8| !std::mem::replace(&mut offered[usize::from(code)], true))
            .filter(|code| !codes.glyph_of.contains_key(code))
            .collect::<Vec<u8>>()
            .into_iter();
        for (gid, c) in rest {
            let code = free.next()?;
            codes.of_glyph.insert(gid, code);
            codes.glyph_of.insert(code, (gid, c));
        }
        Some(codes)
    }

    /// Two-byte glyph ids as one-byte codes, or `None` if they are not whole ids of this
    /// face's glyphs.
    fn recode(&self, ids: &[u8]) -> Option<Vec<u8>> {
        if !ids.len().is_multiple_of(2) {
            return None;
        }
        ids.chunks(2)
            .map(|pair| {
                self.of_glyph
                    .get(&u16::from_be_bytes([pair[0], pair[1]]))
                    .copied()
            })
            .collect()
    }
}

/// Rewrites the text of the faces named `fonts` (resource name and the font printpdf
/// embedded under it) to one byte a glyph. Returns whether it did; a document it cannot
/// rewrite whole is left exactly as it was.
pub(crate) fn one_byte_text(doc: &mut Document, fonts: &[(&str, &ParsedFont)]) -> bool {
    match plan(doc, fonts) {
        Some(plan) => {
            apply(doc, plan);
            true
        }
        None => false,
    }
}

/// One face to rewrite: its font dictionary, its codes, and each code's width.
struct Face {
    font: ObjectId,
    codes: Codes,
    widths: Vec<(u8, i64)>,
}

/// Everything to change, worked out before anything changes.
struct Plan {
    /// Each content stream's new operations.
    contents: Vec<(ObjectId, Vec<u8>)>,
    /// The faces.
    faces: Vec<Face>,
}

fn plan(doc: &Document, fonts: &[(&str, &ParsedFont)]) -> Option<Plan> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let first = *pages.first()?;
    let font_dict = font_resources(doc, first)?;
    let mut by_name: BTreeMap<Vec<u8>, Codes> = BTreeMap::new();
    let mut faces = Vec::new();
    for &(name, font) in fonts {
        let Ok(Object::Reference(id)) = font_dict.get(name.as_bytes()) else {
            // A face the document does not use.
            continue;
        };
        let codes = Codes::for_font(font)?;
        let widths = new_widths(doc, *id, &codes)?;
        by_name.insert(name.as_bytes().to_vec(), codes.clone());
        faces.push(Face {
            font: *id,
            codes,
            widths,
        });
    }
    let mut contents = Vec::new();
    for page in pages {
        for id in doc.get_page_contents(page) {
            let stream = doc.get_object(id).ok()?.as_stream().ok()?;
            if stream.dict.has(b"Filter") {
                return None;
            }
            let content = recode_content(&stream.content, &by_name)?;
            contents.push((id, content));
        }
    }
    Some(Plan { contents, faces })
}

/// A content stream as printpdf writes it (lopdf's encoding: one operation a line) with the
/// text of the faces in `by_name` recoded: `<0024003B> Tj` becomes `(Ra) Tj`. A text
/// operator of another form in one of those faces means the stream is not as expected.
fn recode_content(content: &[u8], by_name: &BTreeMap<Vec<u8>, Codes>) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(content.len() / 2);
    let mut current: Option<&Codes> = None;
    for (n, line) in content.split(|&b| b == b'\n').enumerate() {
        if n > 0 {
            out.push(b'\n');
        }
        if let Some(operands) = line.strip_suffix(b" Tf") {
            let name = operands.split(|&b| b == b' ').next()?.strip_prefix(b"/")?;
            current = by_name.get(name);
            out.extend_from_slice(line);
            continue;
        }
        let Some(codes) = current else {
            out.extend_from_slice(line);
            continue;
        };
        if let Some(operand) = line.strip_suffix(b" Tj") {
            let hex = operand.strip_prefix(b"<")?.strip_suffix(b">")?;
            literal(&mut out, &codes.recode(&from_hex(hex)?)?);
            out.extend_from_slice(b" Tj");
        } else if [&b" TJ"[..], b" '", b" \""]
            .iter()
            .any(|op| line.ends_with(op))
        {
            return None;
        } else {
            out.extend_from_slice(line);
        }
    }
    Some(out)
}

/// Bytes from hexadecimal digits.
fn from_hex(hex: &[u8]) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    let digit = |d: u8| char::from(d).to_digit(16);
    hex.chunks(2)
        .map(|pair| u8::try_from(digit(pair[0])? * 16 + digit(pair[1])?).ok())
        .collect()
}

/// Writes `bytes` as a literal string: backslash, both parentheses and carriage return are
/// escaped; every other byte stands for itself.
fn literal(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'(');
    for &b in bytes {
        match b {
            b'\\' | b'(' | b')' => out.extend_from_slice(&[b'\\', b]),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
    out.push(b')');
}

/// The page's `/Font` resource dictionary.
fn font_resources(doc: &Document, page: ObjectId) -> Option<&Dictionary> {
    let page = doc.get_dictionary(page).ok()?;
    let resources = deref_dict(doc, page.get(b"Resources").ok()?)?;
    deref_dict(doc, resources.get(b"Font").ok()?)
}

fn deref_dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    match object {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(dict) => Some(dict),
        _ => None,
    }
}

/// The face's descendant font (printpdf writes it inside the font dictionary).
fn descendant(font: &Dictionary) -> Option<&Dictionary> {
    match font.get(b"DescendantFonts").ok()? {
        Object::Array(fonts) => fonts.first()?.as_dict().ok(),
        _ => None,
    }
}

/// printpdf's widths (`/W`, keyed by glyph id), keyed by the new codes.
fn new_widths(doc: &Document, font: ObjectId, codes: &Codes) -> Option<Vec<(u8, i64)>> {
    let dict = doc.get_dictionary(font).ok()?;
    let w = descendant(dict)?.get(b"W").ok()?.as_array().ok()?;
    let mut by_glyph: BTreeMap<u16, i64> = BTreeMap::new();
    let mut items = w.iter();
    while let Some(first) = items.next() {
        let first = u16::try_from(first.as_i64().ok()?).ok()?;
        match items.next()? {
            Object::Array(widths) => {
                for (n, width) in widths.iter().enumerate() {
                    let gid = first.checked_add(u16::try_from(n).ok()?)?;
                    by_glyph.insert(gid, width.as_i64().ok()?);
                }
            }
            last => {
                let last = u16::try_from(last.as_i64().ok()?).ok()?;
                let width = items.next()?.as_i64().ok()?;
                for gid in first..=last {
                    by_glyph.insert(gid, width);
                }
            }
        }
    }
    // Every glyph the text uses has a width; the missing glyph may not.
    codes
        .glyph_of
        .iter()
        .filter_map(|(&code, &(gid, _))| match by_glyph.get(&gid) {
            Some(&width) => Some(Some((code, width))),
            None if gid == 0 => None,
            None => Some(None),
        })
        .collect()
}

fn apply(doc: &mut Document, plan: Plan) {
    for (id, content) in plan.contents {
        if let Ok(stream) = doc.get_object_mut(id).and_then(Object::as_stream_mut) {
            stream.set_content(content);
        }
    }
    if plan.faces.is_empty() {
        return;
    }
    let encoding = doc.add_object(Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"CMap".to_vec())),
            ("CMapName", Object::Name(CMAP_NAME.to_vec())),
            ("CIDSystemInfo", cid_system_info()),
        ]),
        encoding_cmap().into_bytes(),
    ));
    for Face {
        font,
        codes,
        widths,
    } in plan.faces
    {
        let last = codes.glyph_of.keys().next_back().copied().unwrap_or(0);
        let gids: Vec<u8> = (0..=last)
            .flat_map(|code| {
                codes
                    .glyph_of
                    .get(&code)
                    .map_or(0, |&(gid, _)| gid)
                    .to_be_bytes()
            })
            .collect();
        let cid_to_gid = doc.add_object(Stream::new(Dictionary::new(), gids));
        let to_unicode = doc.add_object(Stream::new(
            Dictionary::new(),
            to_unicode_cmap(&codes).into_bytes(),
        ));
        let Ok(dict) = doc.get_dictionary_mut(font) else {
            continue;
        };
        let replaced = dict.get(b"ToUnicode").and_then(Object::as_reference).ok();
        dict.set("Encoding", Object::Reference(encoding));
        dict.set("ToUnicode", Object::Reference(to_unicode));
        if let Ok(Object::Array(fonts)) = dict.get_mut(b"DescendantFonts") {
            if let Some(Object::Dictionary(descendant)) = fonts.first_mut() {
                descendant.set("CIDToGIDMap", Object::Reference(cid_to_gid));
                descendant.set("W", w_array(&widths));
            }
        }
        // printpdf's text map, which nothing refers to now.
        if let Some(old) = replaced {
            doc.objects.remove(&old);
        }
    }
}

fn cid_system_info() -> Object {
    Object::Dictionary(Dictionary::from_iter([
        (
            "Registry",
            Object::String(b"Adobe".to_vec(), StringFormat::Literal),
        ),
        (
            "Ordering",
            Object::String(b"Identity".to_vec(), StringFormat::Literal),
        ),
        ("Supplement", Object::Integer(0)),
    ]))
}

/// The encoding: one-byte codes, each its own CID.
fn encoding_cmap() -> String {
    let name = String::from_utf8_lossy(CMAP_NAME);
    format!(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n\
         /CMapName /{name} def\n/CMapType 1 def\n\
         1 begincodespacerange\n<00> <FF>\nendcodespacerange\n\
         1 begincidrange\n<00> <FF> 0\nendcidrange\n\
         endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    )
}

/// The text each code shows, for copying, searching and screen readers. Runs of codes that
/// show consecutive characters (most of Latin-1 keeps its order) are written as ranges.
fn to_unicode_cmap(codes: &Codes) -> String {
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<00> <FF>\nendcodespacerange\n",
    );
    // Runs of codes showing consecutive characters: (first code, first character, length).
    // A range counts up the last byte of one UTF-16 unit, so it stays within 256 of them.
    let mut runs: Vec<(u8, u32, u32)> = Vec::new();
    for (&code, &(_, c)) in codes.glyph_of.iter().filter(|(&code, _)| code != 0) {
        let form = super::arabic::is_form(c);
        let c = u32::from(c);
        let extends = !form
            && runs.last().is_some_and(|&(first, start, len)| {
                u32::from(first) + len == u32::from(code)
                    && start + len == c
                    && char::from_u32(start).is_some_and(|s| !super::arabic::is_form(s))
                    && c < 0xD800
                    && (start & 0xFF) + len <= 0xFF
            });
        match runs.last_mut() {
            Some(run) if extends => run.2 += 1,
            _ => runs.push((code, c, 1)),
        }
    }
    // An Arabic letter's joined form reads as the letter typed. A lam-alef ligature reads as
    // both letters in the order they are drawn (alef on the left), like every other glyph of a
    // right-to-left run, which is written in visual order: extraction (pdftotext) reverses
    // the run, ligature included, back to the order typed.
    let unit = |c: u32| -> String {
        super::arabic::typed(char::from_u32(c).unwrap_or('\u{FFFD}'))
            .into_iter()
            .rev()
            .flat_map(|c| {
                let mut units = [0; 2];
                let n = c.encode_utf16(&mut units).len();
                units.into_iter().take(n)
            })
            .map(|u| format!("{u:04X}"))
            .collect()
    };
    let (ranges, singles): (Vec<_>, Vec<_>) = runs.into_iter().partition(|&(_, _, len)| len > 1);
    for chunk in ranges.chunks(100) {
        out.push_str(&format!("{} beginbfrange\n", chunk.len()));
        for &(first, start, len) in chunk {
            let last = u32::from(first) + len - 1;
            out.push_str(&format!("<{first:02X}> <{last:02X}> <{}>\n", unit(start)));
        }
        out.push_str("endbfrange\n");
    }
    for chunk in singles.chunks(100) {
        out.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for &(code, c, _) in chunk {
            out.push_str(&format!("<{code:02X}> <{}>\n", unit(c)));
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

/// `/W` for the codes: runs of consecutive codes share one array.
fn w_array(widths: &[(u8, i64)]) -> Object {
    let mut out = Vec::new();
    let mut run: Option<(u8, Vec<Object>)> = None;
    let mut previous: Option<u8> = None;
    for &(code, width) in widths {
        let continues = previous.is_some_and(|p| u16::from(p) + 1 == u16::from(code));
        if !continues {
            if let Some((first, list)) = run.take() {
                out.push(Object::Integer(i64::from(first)));
                out.push(Object::Array(list));
            }
            run = Some((code, Vec::new()));
        }
        if let Some((_, list)) = run.as_mut() {
            list.push(Object::Integer(width));
        }
        previous = Some(code);
    }
    if let Some((first, list)) = run {
        out.push(Object::Integer(i64::from(first)));
        out.push(Object::Array(list));
    }
    Object::Array(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font(chars: &[(char, u16)]) -> ParsedFont {
        let mut font = crate::pdf::font::Fonts::load()
            .expect("fonts")
            .regular
            .parsed;
        font.codepoint_to_glyph = chars.iter().map(|&(c, g)| (u32::from(c), g)).collect();
        font
    }

    #[test]
    fn latin_1_letters_keep_their_values_and_others_take_free_codes() {
        let codes = Codes::for_font(&font(&[('A', 5), ('ŵ', 9), ('’', 7), ('é', 3)])).unwrap();
        assert_eq!(codes.of_glyph[&5], b'A');
        assert_eq!(codes.of_glyph[&3], 0xE9);
        assert_eq!(codes.of_glyph[&0], 0);
        let (w, quote) = (codes.of_glyph[&9], codes.of_glyph[&7]);
        assert!((0x80..=0x9F).contains(&w) && (0x80..=0x9F).contains(&quote) && w != quote);
        assert_eq!(codes.glyph_of[&w], (9, 'ŵ'));
        assert_eq!(codes.recode(&[0, 5, 0, 9, 0, 3]), Some(vec![b'A', w, 0xE9]));
        // Not whole glyph ids, or a glyph the face does not have: no recoding.
        assert_eq!(codes.recode(&[0, 5, 0]), None);
        assert_eq!(codes.recode(&[0, 42]), None);
    }

    #[test]
    fn a_face_with_too_many_glyphs_is_left_alone() {
        let many: Vec<(char, u16)> = (0..300u16)
            .map(|n| (char::from_u32(0x100 + u32::from(n)).unwrap(), n + 1))
            .collect();
        assert_eq!(Codes::for_font(&font(&many)), None);
        let enough: Vec<(char, u16)> = many[..255].to_vec();
        let codes = Codes::for_font(&font(&enough)).expect("255 glyphs fit");
        assert_eq!(codes.glyph_of.len(), 256);
    }

    #[test]
    fn text_in_the_named_faces_is_recoded_and_the_rest_left_as_it_was() {
        let codes = Codes::for_font(&font(&[('A', 5), ('(', 6), ('\\', 7)])).unwrap();
        let by_name = BTreeMap::from([(b"F1".to_vec(), codes)]);
        let content = b"/P <</MCID 0>> BDC\nBT\n/F1 11 Tf\n<00050006000500070005> Tj\n\
                        /F9 11 Tf\n<0005> Tj\nET\nEMC";
        let out = recode_content(content, &by_name).expect("recoded");
        assert_eq!(
            String::from_utf8_lossy(&out),
            "/P <</MCID 0>> BDC\nBT\n/F1 11 Tf\n(A\\(A\\\\A) Tj\n/F9 11 Tf\n<0005> Tj\nET\nEMC"
        );
        // Forms printpdf does not write for these faces, or glyphs they lack: not recoded.
        for odd in [
            &b"/F1 11 Tf\n[<0005>] TJ"[..],
            b"/F1 11 Tf\n<00050> Tj",
            b"/F1 11 Tf\n<0099> Tj",
            b"/F1 11 Tf\n(A) Tj",
        ] {
            assert_eq!(recode_content(odd, &by_name), None, "{odd:?}");
        }
    }

    #[test]
    fn widths_run_over_consecutive_codes() {
        let w = w_array(&[(1, 500), (2, 600), (5, 700)]);
        assert_eq!(
            w,
            Object::Array(vec![
                Object::Integer(1),
                Object::Array(vec![Object::Integer(500), Object::Integer(600)]),
                Object::Integer(5),
                Object::Array(vec![Object::Integer(700)]),
            ])
        );
    }

    #[test]
    fn the_text_map_says_what_each_code_shows() {
        let codes =
            Codes::for_font(&font(&[('A', 5), ('B', 6), ('C', 7), ('E', 8), ('ŵ', 9)])).unwrap();
        let cmap = to_unicode_cmap(&codes);
        // A, B, C as one range; E and ŵ one by one.
        assert!(
            cmap.contains("1 beginbfrange\n<41> <43> <0041>\n"),
            "{cmap}"
        );
        assert!(cmap.contains("<45> <0045>"), "{cmap}");
        let w = codes.of_glyph[&9];
        assert!(cmap.contains(&format!("<{w:02X}> <0175>")), "{cmap}");
        assert!(cmap.contains("2 beginbfchar"), "{cmap}");
    }
}
