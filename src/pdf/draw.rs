//! Writing the laid-out pages as a PDF: printpdf draws the pages and embeds the fonts; lopdf,
//! the object model printpdf writes through, adds what printpdf has no setting for.
//!
//! Owns: the translation of [`Item`]s into printpdf operations (flipping to PDF's bottom-left
//! origin), the marked content that ties text to the structure tree (written by
//! [`super::structure`]), the document information dictionary, the catalog's `/Lang`, the
//! viewer preference to show the title, and a nested outline (bookmarks) of the headings.
//! Must not touch: layout decisions (see [`super::layout`]) or the report's content.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};
use printpdf::{
    Color, DictItem, FontId, Line as PdfLine, LinePoint, Op, PaintMode, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, PdfWarnMsg, Point, Polygon, PolygonRing, Pt, Rect, Rgb,
    TextItem, TextMatrix, WindingOrder,
};

use super::compact;
use super::font::{FaceId, Fonts};
use super::layout::{Item, LaidOut, OutlineEntry};
use super::structure::{self, Mark, StructTree};
use super::style::{Colour, Pattern};
use super::PdfError;
use crate::report::Meta;

/// Writes `laid` as PDF bytes, with `meta` in the document information and catalog. Also
/// returns printpdf's warnings (there should be none; the tests check).
pub(crate) fn write_pdf(
    laid: &LaidOut,
    tree: &StructTree,
    fonts: &Fonts,
    meta: &Meta,
) -> Result<(Vec<u8>, Vec<PdfWarnMsg>), PdfError> {
    let mut doc = PdfDocument::new(&meta.title);
    let info = &mut doc.metadata.info;
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.keywords = meta.keywords.clone();
    info.creator = "mhsw-toolkit".to_string();
    info.producer = "mhsw-toolkit with printpdf".to_string();
    // Each face cut down to the glyphs this document uses, under a short resource name (which
    // every line of text repeats).
    let (regular_chars, bold_chars) = used_chars(laid);
    let regular = FontId("F1".to_string());
    let bold = FontId("F2".to_string());
    for (id, face, chars) in [
        (&regular, &fonts.regular, &regular_chars),
        (&bold, &fonts.bold, &bold_chars),
    ] {
        let font = PdfFont::new(face.for_embedding(chars));
        doc.resources.fonts.map.insert(id.clone(), font);
    }

    let g = laid.geometry;
    let mut marks = Vec::new();
    doc.pages = laid
        .pages
        .iter()
        .enumerate()
        .map(|(n, page)| {
            let box_ = Rect::from_wh(Pt(g.width), Pt(g.height));
            PdfPage {
                media_box: box_.clone(),
                trim_box: box_.clone(),
                crop_box: box_,
                ops: page_ops(
                    &page.items,
                    n,
                    g.height,
                    (&regular, &bold),
                    tree,
                    &mut marks,
                ),
            }
        })
        .collect();

    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&options, &mut warnings);
    finish_document(&mut lo, meta, &laid.outline, g.height)?;
    structure::write(&mut lo, tree, &marks).map_err(|reason| PdfError::Write { reason })?;
    lo.compress();
    let mut bytes = Vec::new();
    // Object streams: the structure tree and the outline are thousands of small objects,
    // which compress far better together, in one stream, than in lopdf's default of a stream
    // for each hundred.
    let save = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .max_objects_per_stream(usize::MAX)
        .compression_level(9)
        .build();
    lo.save_with_options(&mut bytes, save)
        .map_err(|e| PdfError::Write {
            reason: e.to_string(),
        })?;
    Ok((compact::compress_xref_stream(bytes), warnings))
}

/// The characters set in each face (regular, bold) on any page.
fn used_chars(laid: &LaidOut) -> (BTreeSet<char>, BTreeSet<char>) {
    let (mut regular, mut bold) = (BTreeSet::new(), BTreeSet::new());
    for item in laid.pages.iter().flat_map(|page| &page.items) {
        if let Item::Text { text, face, .. } = item {
            let set = match face {
                FaceId::Regular => &mut regular,
                FaceId::Bold => &mut bold,
            };
            set.extend(text.chars());
        }
    }
    (regular, bold)
}

fn rgb(c: Colour) -> Color {
    Color::Rgb(Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

fn point(x: f32, y: f32, page_height: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(x),
            y: Pt(page_height - y),
        },
        bezier: false,
    }
}

/// The marked-content sequence open in a content stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marked {
    /// None.
    Nothing,
    /// An artifact: drawing, footer or repeated header.
    Artifact,
    /// Content of a structure element.
    Elem(usize),
}

/// Tracks the graphics state so that colours and fonts are set only when they change, and the
/// marked content that ties each piece of text to the structure tree.
struct Painter<'a> {
    ops: Vec<Op>,
    height: f32,
    in_text: bool,
    fill: Option<Colour>,
    font: Option<(FaceId, f32)>,
    regular: &'a FontId,
    bold: &'a FontId,
    tree: &'a StructTree,
    page: usize,
    marked: Marked,
    next_mcid: i64,
    marks: &'a mut Vec<Mark>,
}

impl Painter<'_> {
    /// Closes the open marked-content sequence, if any.
    fn end_marked(&mut self) {
        self.end_text();
        if self.marked != Marked::Nothing {
            self.ops.push(Op::EndMarkedContent);
            self.marked = Marked::Nothing;
        }
    }

    /// Makes `wanted` the open marked-content sequence.
    fn mark(&mut self, wanted: Marked) {
        if self.marked == wanted {
            return;
        }
        self.end_marked();
        match wanted {
            Marked::Nothing => {}
            Marked::Artifact => self.ops.push(Op::BeginMarkedContent {
                tag: "Artifact".to_string(),
            }),
            Marked::Elem(elem) => {
                let mcid = self.next_mcid;
                self.next_mcid += 1;
                self.marks.push(Mark {
                    page: self.page,
                    mcid,
                    elem,
                });
                self.ops.push(Op::BeginMarkedContentWithProperties {
                    tag: self.tree.role(elem).name().to_string(),
                    properties: DictItem::Dict {
                        map: BTreeMap::from([("MCID".to_string(), DictItem::Int(mcid))]),
                    },
                });
            }
        }
        self.marked = wanted;
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    fn fill(&mut self, colour: Colour) {
        if self.fill != Some(colour) {
            self.ops.push(Op::SetFillColor { col: rgb(colour) });
            self.fill = Some(colour);
        }
    }

    fn stroke(&mut self, colour: Colour, width: f32) {
        self.ops.push(Op::SetOutlineColor { col: rgb(colour) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
    }

    fn line(&mut self, from: (f32, f32), to: (f32, f32)) {
        self.ops.push(Op::DrawLine {
            line: PdfLine {
                points: vec![
                    point(from.0, from.1, self.height),
                    point(to.0, to.1, self.height),
                ],
                is_closed: false,
            },
        });
    }

    fn rect(&mut self, x: f32, y: f32, width: f32, height: f32, mode: PaintMode) {
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(self.height - y - height),
                width: Pt(width),
                height: Pt(height),
                mode: Some(mode),
                winding_order: Some(WindingOrder::NonZero),
            },
        });
    }

    fn item(&mut self, item: &Item) {
        self.mark(match item {
            Item::Text {
                tag: Some(elem), ..
            } => Marked::Elem(*elem),
            _ => Marked::Artifact,
        });
        if !matches!(item, Item::Text { .. }) {
            self.end_text();
        }
        match item {
            Item::Text {
                x,
                baseline,
                text,
                face,
                size,
                colour,
                tag: _,
            } => {
                if !self.in_text {
                    self.ops.push(Op::StartTextSection);
                    self.in_text = true;
                    self.font = None;
                }
                if self.font != Some((*face, *size)) {
                    let id = match face {
                        FaceId::Regular => self.regular,
                        FaceId::Bold => self.bold,
                    };
                    self.ops.push(Op::SetFont {
                        font: PdfFontHandle::External(id.clone()),
                        size: Pt(*size),
                    });
                    self.font = Some((*face, *size));
                }
                self.fill(*colour);
                self.ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(*x), Pt(self.height - baseline)),
                });
                self.ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
            }
            Item::Rect {
                x,
                y,
                width,
                height,
                fill,
                stroke,
                dash,
            } => {
                if let Some(colour) = fill {
                    self.fill(*colour);
                }
                if let Some((colour, w)) = stroke {
                    self.stroke(*colour, *w);
                }
                if let Some(d) = dash {
                    self.ops.push(Op::SetLineDashPattern {
                        dash: printpdf::LineDashPattern::new(0.0, &[*d, *d]),
                    });
                }
                let mode = match (fill.is_some(), stroke.is_some()) {
                    (true, true) => PaintMode::FillStroke,
                    (true, false) => PaintMode::Fill,
                    _ => PaintMode::Stroke,
                };
                self.rect(*x, *y, *width, *height, mode);
                if dash.is_some() {
                    self.ops.push(Op::SetLineDashPattern {
                        dash: printpdf::LineDashPattern::solid(),
                    });
                }
            }
            Item::Line {
                from,
                to,
                colour,
                width,
            } => {
                self.stroke(*colour, *width);
                self.line(*from, *to);
            }
            Item::Pattern {
                x,
                y,
                width,
                height,
                pattern,
                colour,
            } => {
                self.ops.push(Op::SaveGraphicsState);
                self.rect(*x, *y, *width, *height, PaintMode::Clip);
                self.stroke(*colour, 0.9);
                let (x, y, w, h) = (*x, *y, *width, *height);
                match pattern {
                    Pattern::Solid => {}
                    Pattern::Diagonal | Pattern::CrossHatch => {
                        let step = if *pattern == Pattern::Diagonal {
                            4.0
                        } else {
                            5.0
                        };
                        let mut o = -h;
                        while o < w {
                            // Rising to the right.
                            self.line((x + o, y + h), (x + o + h, y));
                            if *pattern == Pattern::CrossHatch {
                                self.line((x + o, y), (x + o + h, y + h));
                            }
                            o += step;
                        }
                    }
                    Pattern::Horizontal => {
                        let mut yy = y + 2.0;
                        while yy < y + h {
                            self.line((x, yy), (x + w, yy));
                            yy += 3.0;
                        }
                    }
                }
                self.ops.push(Op::RestoreGraphicsState);
                self.fill = None;
            }
            Item::Triangle { points, colour } => {
                self.fill(*colour);
                self.ops.push(Op::DrawPolygon {
                    polygon: Polygon {
                        rings: vec![PolygonRing {
                            points: points
                                .iter()
                                .map(|&(x, y)| point(x, y, self.height))
                                .collect(),
                        }],
                        mode: PaintMode::Fill,
                        winding_order: WindingOrder::NonZero,
                    },
                });
            }
        }
    }
}

/// The operations that draw page `page` (from 0), recording its marked content in `marks`.
fn page_ops(
    items: &[Item],
    page: usize,
    height: f32,
    (regular, bold): (&FontId, &FontId),
    tree: &StructTree,
    marks: &mut Vec<Mark>,
) -> Vec<Op> {
    let mut painter = Painter {
        ops: Vec::with_capacity(items.len() * 4),
        height,
        in_text: false,
        fill: None,
        font: None,
        regular,
        bold,
        tree,
        page,
        marked: Marked::Nothing,
        next_mcid: 0,
        marks,
    };
    for item in items {
        painter.item(item);
    }
    painter.end_marked();
    painter.ops
}

/// A PDF text string: UTF-16BE with a byte order mark, so any character survives.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Adds what printpdf cannot set: the language, showing the title, a tidy information
/// dictionary (no 1970 dates: the core has no clock) and the outline.
fn finish_document(
    doc: &mut Document,
    meta: &Meta,
    outline: &[OutlineEntry],
    page_height: f32,
) -> Result<(), PdfError> {
    doc.version = "1.7".to_string();
    let info_id = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .map_err(|e| PdfError::Write {
            reason: format!("no information dictionary: {e}"),
        })?;
    if let Ok(info) = doc.get_dictionary_mut(info_id) {
        for key in [
            &b"CreationDate"[..],
            b"ModDate",
            b"GTS_PDFXVersion",
            b"Identifier",
        ] {
            info.remove(key);
        }
        info.set("Keywords", text_string(&meta.keywords.join(", ")));
    }

    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let outlines = if outline.is_empty() {
        None
    } else {
        Some(build_outline(doc, outline, &pages, page_height))
    };

    let catalog = doc.catalog_mut().map_err(|e| PdfError::Write {
        reason: format!("no catalog: {e}"),
    })?;
    let language = if meta.language.trim().is_empty() {
        "en-GB"
    } else {
        meta.language.trim()
    };
    catalog.set("Lang", text_string(language));
    let mut preferences = Dictionary::new();
    preferences.set("DisplayDocTitle", true);
    catalog.set("ViewerPreferences", preferences);
    if let Some(id) = outlines {
        catalog.set("Outlines", id);
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    Ok(())
}

/// Builds the outline tree (headings nested by level) and returns the root's id.
fn build_outline(
    doc: &mut Document,
    entries: &[OutlineEntry],
    pages: &[ObjectId],
    page_height: f32,
) -> ObjectId {
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| doc.new_object_id()).collect();
    // The parent of each entry: the nearest earlier entry of a lower level.
    let mut parents: Vec<Option<usize>> = Vec::with_capacity(entries.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        while stack
            .last()
            .is_some_and(|&top| entries[top].level >= entry.level)
        {
            stack.pop();
        }
        parents.push(stack.last().copied());
        stack.push(i);
    }
    let children = |parent: Option<usize>| -> Vec<usize> {
        (0..entries.len())
            .filter(|&i| parents[i] == parent)
            .collect()
    };
    let mut dicts: Vec<Dictionary> = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let mut d = Dictionary::new();
        d.set("Title", text_string(&entry.title));
        d.set(
            "Parent",
            parents[i].map_or(Object::Reference(root), |p| Object::Reference(ids[p])),
        );
        if let Some(&page) = pages.get(entry.page) {
            d.set(
                "Dest",
                vec![
                    Object::Reference(page),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Null,
                    Object::Real(page_height - entry.y + 4.0),
                    Object::Null,
                ],
            );
        }
        dicts.push(d);
    }
    let link = |list: &[usize], dicts: &mut Vec<Dictionary>| {
        for (n, &i) in list.iter().enumerate() {
            if n > 0 {
                dicts[i].set("Prev", Object::Reference(ids[list[n - 1]]));
            }
            if let Some(&next) = list.get(n + 1) {
                dicts[i].set("Next", Object::Reference(ids[next]));
            }
        }
    };
    let top = children(None);
    link(&top, &mut dicts);
    for i in 0..entries.len() {
        let kids = children(Some(i));
        if let (Some(&first), Some(&last)) = (kids.first(), kids.last()) {
            dicts[i].set("First", Object::Reference(ids[first]));
            dicts[i].set("Last", Object::Reference(ids[last]));
            // Negative: closed, so the outline shows the parts first.
            dicts[i].set("Count", -(kids.len() as i64));
        }
        link(&kids, &mut dicts);
    }
    for (id, d) in ids.iter().zip(dicts) {
        doc.set_object(*id, d);
    }
    let mut outlines = Dictionary::new();
    outlines.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(&first), Some(&last)) = (top.first(), top.last()) {
        outlines.set("First", Object::Reference(ids[first]));
        outlines.set("Last", Object::Reference(ids[last]));
    }
    outlines.set("Count", top.len() as i64);
    doc.set_object(root, outlines);
    root
}
