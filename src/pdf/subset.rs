//! Cutting a TrueType font down to the glyphs one document uses, for embedding.
//!
//! Owns: reading the few tables of a `glyf` TrueType font that a PDF needs and writing a new
//! font of just the glyphs asked for (and the parts of composite glyphs), renumbered in the
//! order asked for. Each kept glyph's outline and metrics are copied byte for byte, so it
//! draws exactly as before. The new font has `head`, `hhea`, `maxp`, `hmtx`, `loca` and
//! `glyf` (what ISO 32000 asks of an embedded TrueType program), the hinting tables if there
//! are any, a `cmap` for the characters kept, the original `name`, and a `post` without glyph
//! names.
//!
//! Written here rather than taken from allsorts (already in printpdf's tree): allsorts'
//! subsetter handles every kind of font, and linking it made the PDF worker 185 kB larger
//! gzipped; this handles the one kind the toolkit embeds.
//! Must not touch: layout, PDF objects, or fonts of another kind (`CFF`): for those, and for
//! any font it cannot read, it returns `None` and the caller embeds the whole font.

use std::collections::BTreeMap;

/// A font cut down: its bytes, and each original glyph id's new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cut {
    /// The new font program.
    pub(crate) bytes: Vec<u8>,
    /// Original glyph id to new glyph id, for every glyph kept (asked for or a part).
    pub(crate) new_id: BTreeMap<u16, u16>,
}

/// The font in `font` cut to `glyphs` (original ids; `.notdef`, glyph 0, is always kept
/// first), with a `cmap` mapping each of `chars` (character, original glyph id) to its new
/// glyph. `None` if the font is not a `glyf` TrueType font this can read.
pub(crate) fn cut(font: &[u8], glyphs: &[u16], chars: &[(char, u16)]) -> Option<Cut> {
    let tables = Tables::read(font)?;
    let head = tables.get(b"head")?;
    let hhea = tables.get(b"hhea")?;
    let maxp = tables.get(b"maxp")?;
    let hmtx = tables.get(b"hmtx")?;
    let loca = tables.get(b"loca")?;
    let glyf = tables.get(b"glyf")?;
    if head.len() < 54 || hhea.len() < 36 || maxp.len() < 6 {
        return None;
    }
    let long_loca = be_i16(head, 50)? == 1;
    let glyph_count = usize::from(be_u16(maxp, 4)?);
    let metrics_count = usize::from(be_u16(hhea, 34)?);
    if metrics_count == 0 || metrics_count > glyph_count {
        return None;
    }
    let offset = |gid: usize| -> Option<usize> {
        if long_loca {
            be_u32(loca, gid * 4).map(|o| o as usize)
        } else {
            be_u16(loca, gid * 2).map(|o| usize::from(o) * 2)
        }
    };
    let outline = |gid: u16| -> Option<&[u8]> {
        let gid = usize::from(gid);
        if gid >= glyph_count {
            return None;
        }
        glyf.get(offset(gid)?..offset(gid + 1)?)
    };

    // The glyphs to keep, in order: .notdef, those asked for, then the parts of composites.
    let mut order: Vec<u16> = vec![0];
    let mut new_id: BTreeMap<u16, u16> = BTreeMap::from([(0, 0)]);
    let mut keep = |gid: u16, order: &mut Vec<u16>| -> Option<()> {
        if let std::collections::btree_map::Entry::Vacant(slot) = new_id.entry(gid) {
            slot.insert(u16::try_from(order.len()).ok()?);
            order.push(gid);
        }
        Some(())
    };
    for &gid in glyphs {
        outline(gid)?;
        keep(gid, &mut order)?;
    }
    let mut next = 0;
    while next < order.len() {
        for part in components(outline(order[next])?)? {
            outline(part)?;
            keep(part, &mut order)?;
        }
        next += 1;
    }

    // glyf and loca (long offsets), each outline padded to four bytes, parts renumbered.
    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity((order.len() + 1) * 4);
    for &gid in &order {
        new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());
        let mut data = outline(gid)?.to_vec();
        renumber_components(&mut data, &new_id)?;
        new_glyf.extend_from_slice(&data);
        while new_glyf.len() % 4 != 0 {
            new_glyf.push(0);
        }
    }
    new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());

    // hmtx: a full metric for every kept glyph.
    let mut new_hmtx = Vec::with_capacity(order.len() * 4);
    for &gid in &order {
        let gid = usize::from(gid);
        let advance = be_u16(hmtx, gid.min(metrics_count - 1) * 4)?;
        let lsb = if gid < metrics_count {
            be_u16(hmtx, gid * 4 + 2)?
        } else {
            be_u16(hmtx, metrics_count * 4 + (gid - metrics_count) * 2)?
        };
        new_hmtx.extend_from_slice(&advance.to_be_bytes());
        new_hmtx.extend_from_slice(&lsb.to_be_bytes());
    }
    let count = u16::try_from(order.len()).ok()?;
    let mut new_head = head.to_vec();
    new_head[8..12].copy_from_slice(&[0; 4]);
    new_head[50..52].copy_from_slice(&1i16.to_be_bytes());
    let mut new_hhea = hhea.to_vec();
    new_hhea[34..36].copy_from_slice(&count.to_be_bytes());
    let mut new_maxp = maxp.to_vec();
    new_maxp[4..6].copy_from_slice(&count.to_be_bytes());
    // post version 3: no glyph names, the rest of its header kept.
    let mut new_post = tables
        .get(b"post")
        .map_or_else(|| vec![0; 32], |p| p.to_vec());
    new_post.resize(32, 0);
    new_post[0..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
    let mapped: Vec<(char, u16)> = chars
        .iter()
        .filter_map(|&(c, gid)| Some((c, *new_id.get(&gid)?)))
        .collect();

    let mut out_tables: Vec<([u8; 4], Vec<u8>)> = vec![
        (*b"cmap", cmap_format_4(&mapped)?),
        (*b"glyf", new_glyf),
        (*b"head", new_head),
        (*b"hhea", new_hhea),
        (*b"hmtx", new_hmtx),
        (*b"loca", new_loca),
        (*b"maxp", new_maxp),
        (*b"post", new_post),
    ];
    for tag in [b"cvt ", b"fpgm", b"prep", b"name"] {
        if let Some(data) = tables.get(tag) {
            out_tables.push((*tag, data.to_vec()));
        }
    }
    out_tables.sort_by_key(|table| table.0);
    Some(Cut {
        bytes: write_font(&out_tables)?,
        new_id,
    })
}

/// The table directory of a TrueType font.
struct Tables<'a> {
    font: &'a [u8],
    entries: Vec<([u8; 4], usize, usize)>,
}

impl<'a> Tables<'a> {
    fn read(font: &'a [u8]) -> Option<Self> {
        if be_u32(font, 0)? != 0x0001_0000 {
            return None;
        }
        let count = usize::from(be_u16(font, 4)?);
        let entries = (0..count)
            .map(|i| {
                let at = 12 + i * 16;
                let tag: [u8; 4] = font.get(at..at + 4)?.try_into().ok()?;
                let start = be_u32(font, at + 8)? as usize;
                let len = be_u32(font, at + 12)? as usize;
                font.get(start..start.checked_add(len)?)?;
                Some((tag, start, len))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Self { font, entries })
    }

    fn get(&self, tag: &[u8; 4]) -> Option<&'a [u8]> {
        let &(_, start, len) = self.entries.iter().find(|(t, _, _)| t == tag)?;
        self.font.get(start..start + len)
    }
}

/// A composite glyph's flag: arguments are words, not bytes.
const ARGS_ARE_WORDS: u16 = 0x0001;
/// A simple scale follows.
const HAS_SCALE: u16 = 0x0008;
/// Another component follows.
const MORE_COMPONENTS: u16 = 0x0020;
/// Separate x and y scales follow.
const HAS_XY_SCALE: u16 = 0x0040;
/// A two-by-two transform follows.
const HAS_TWO_BY_TWO: u16 = 0x0080;

/// Where each component's glyph id is in a composite glyph's data (none for a simple glyph).
fn component_places(data: &[u8]) -> Option<Vec<usize>> {
    if data.len() < 10 || be_i16(data, 0)? >= 0 {
        return Some(Vec::new());
    }
    let mut places = Vec::new();
    let mut at = 10;
    loop {
        let flags = be_u16(data, at)?;
        places.push(at + 2);
        be_u16(data, at + 2)?;
        at += 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        at += if flags & HAS_TWO_BY_TWO != 0 {
            8
        } else if flags & HAS_XY_SCALE != 0 {
            4
        } else if flags & HAS_SCALE != 0 {
            2
        } else {
            0
        };
        if flags & MORE_COMPONENTS == 0 {
            return Some(places);
        }
    }
}

/// The glyph ids a composite glyph is made of.
fn components(data: &[u8]) -> Option<Vec<u16>> {
    component_places(data)?
        .into_iter()
        .map(|at| be_u16(data, at))
        .collect()
}

/// Rewrites a composite glyph's component ids to their new numbers.
fn renumber_components(data: &mut [u8], new_id: &BTreeMap<u16, u16>) -> Option<()> {
    for at in component_places(data)? {
        let new = *new_id.get(&be_u16(data, at)?)?;
        data[at..at + 2].copy_from_slice(&new.to_be_bytes());
    }
    Some(())
}

/// A format 4 `cmap` (Windows, Unicode BMP) for `mapped` (character, new glyph id): one
/// segment for each run of consecutive characters with consecutive glyphs.
fn cmap_format_4(mapped: &[(char, u16)]) -> Option<Vec<u8>> {
    let mut pairs: Vec<(u16, u16)> = mapped
        .iter()
        .filter_map(|&(c, gid)| Some((u16::try_from(u32::from(c)).ok()?, gid)))
        .filter(|&(c, _)| c != 0xFFFF)
        .collect();
    pairs.sort_unstable();
    pairs.dedup_by_key(|p| p.0);
    let mut segments: Vec<(u16, u16, u16)> = Vec::new(); // (start, end, first glyph)
    for (c, gid) in pairs {
        match segments.last_mut() {
            Some((start, end, first))
                if u32::from(*end) + 1 == u32::from(c)
                    && u32::from(*first) + u32::from(c - *start) == u32::from(gid) =>
            {
                *end = c;
            }
            _ => segments.push((c, c, gid)),
        }
    }
    segments.push((0xFFFF, 0xFFFF, 1));
    let count = u16::try_from(segments.len()).ok()?;
    let mut search = 1u16;
    let mut selector = 0u16;
    while search * 2 <= count {
        search *= 2;
        selector += 1;
    }
    let length = 16 + 8 * usize::from(count);
    let mut sub = Vec::with_capacity(length);
    for v in [
        4,
        u16::try_from(length).ok()?,
        0,
        count * 2,
        search * 2,
        selector,
        count * 2 - search * 2,
    ] {
        sub.extend_from_slice(&u16::to_be_bytes(v));
    }
    for &(_, end, _) in &segments {
        sub.extend_from_slice(&end.to_be_bytes());
    }
    sub.extend_from_slice(&[0, 0]);
    for &(start, _, _) in &segments {
        sub.extend_from_slice(&start.to_be_bytes());
    }
    for &(start, _, first) in &segments {
        sub.extend_from_slice(&first.wrapping_sub(start).to_be_bytes());
    }
    for _ in &segments {
        sub.extend_from_slice(&[0, 0]);
    }
    let mut table = vec![0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12];
    table.extend_from_slice(&sub);
    Some(table)
}

/// A font file of `tables` (sorted by tag), with checksums and `head`'s adjustment.
fn write_font(tables: &[([u8; 4], Vec<u8>)]) -> Option<Vec<u8>> {
    let count = u16::try_from(tables.len()).ok()?;
    let mut search = 1u16;
    let mut selector = 0u16;
    while search * 2 <= count {
        search *= 2;
        selector += 1;
    }
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for v in [count, search * 16, selector, count * 16 - search * 16] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut at = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&u32::try_from(at).ok()?.to_be_bytes());
        out.extend_from_slice(&u32::try_from(data.len()).ok()?.to_be_bytes());
        if tag == b"head" {
            head_at = Some(at);
        }
        at += data.len().div_ceil(4) * 4;
    }
    for (_, data) in tables {
        out.extend_from_slice(data);
        while out.len() % 4 != 0 {
            out.push(0);
        }
    }
    let head_at = head_at?;
    let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    out[head_at + 8..head_at + 12].copy_from_slice(&adjustment.to_be_bytes());
    Some(out)
}

/// The TrueType checksum: the sum of big-endian words, the last padded with zeros.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

fn be_u16(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn be_i16(data: &[u8], at: usize) -> Option<i16> {
    Some(i16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn be_u32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::font::Fonts;
    use printpdf::ParsedFont;

    #[test]
    fn a_cut_font_keeps_each_glyph_outline_and_metric_and_maps_its_characters() {
        let fonts = Fonts::load().expect("fonts");
        let full = &fonts.regular.parsed;
        let text = "Gŵyl ŷd, Nhŵr y Dŵr: 12% £5 – “quoted” é Å";
        let chars: Vec<(char, u16)> = text
            .chars()
            .map(|c| (c, full.lookup_glyph_index(u32::from(c)).expect("in font")))
            .collect();
        let mut glyphs: Vec<u16> = chars.iter().map(|&(_, g)| g).collect();
        glyphs.sort_unstable();
        glyphs.dedup();
        let cut = cut(&full.original_bytes, &glyphs, &chars).expect("cuts");
        assert!(cut.bytes.len() * 3 < full.original_bytes.len());
        let mut warnings = Vec::new();
        let reparsed = ParsedFont::from_bytes(&cut.bytes, 0, &mut warnings).expect("parses");
        let old = Tables::read(&full.original_bytes).unwrap();
        let new = Tables::read(&cut.bytes).unwrap();
        let outline = |t: &Tables, gid: usize| -> Vec<u8> {
            let head = t.get(b"head").unwrap();
            let loca = t.get(b"loca").unwrap();
            let (a, b) = if be_i16(head, 50) == Some(1) {
                (
                    be_u32(loca, gid * 4).unwrap() as usize,
                    be_u32(loca, gid * 4 + 4).unwrap() as usize,
                )
            } else {
                (
                    usize::from(be_u16(loca, gid * 2).unwrap()) * 2,
                    usize::from(be_u16(loca, gid * 2 + 2).unwrap()) * 2,
                )
            };
            t.get(b"glyf").unwrap()[a..b].to_vec()
        };
        for &(c, old_gid) in &chars {
            let new_gid = cut.new_id[&old_gid];
            assert_eq!(
                reparsed.lookup_glyph_index(u32::from(c)),
                Some(new_gid),
                "{c}"
            );
            assert_eq!(
                reparsed.get_glyph_width(new_gid),
                full.get_glyph_width(old_gid),
                "{c}"
            );
            let (a, b) = (
                outline(&old, usize::from(old_gid)),
                outline(&new, usize::from(new_gid)),
            );
            if components(&a).unwrap().is_empty() {
                // A simple glyph is copied byte for byte (the new one padded to four bytes).
                assert_eq!(&b[..a.len()], &a[..], "{c}");
            } else {
                // A composite's parts are renumbered, and kept.
                let parts: Vec<u16> = components(&a)
                    .unwrap()
                    .iter()
                    .map(|p| cut.new_id[p])
                    .collect();
                assert_eq!(components(&b).unwrap(), parts, "{c}");
            }
        }
        assert_eq!(reparsed.lookup_glyph_index(u32::from('Q')), None);
        // The checksum adjustment makes the whole font sum to the magic number.
        assert_eq!(checksum(&cut.bytes), 0xB1B0_AFBA);
    }

    #[test]
    fn a_font_it_cannot_read_is_not_cut() {
        assert_eq!(cut(b"OTTO not a TrueType font", &[1], &[]), None);
        assert_eq!(cut(&[0, 1, 0, 0, 0, 0], &[1], &[]), None);
        let fonts = Fonts::load().expect("fonts");
        // A glyph the font does not have.
        assert_eq!(
            cut(&fonts.regular.parsed.original_bytes, &[60_000], &[]),
            None
        );
    }
}
