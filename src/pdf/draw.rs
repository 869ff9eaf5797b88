//! Writing the laid-out pages as a PDF: printpdf draws the pages and embeds the fonts; lopdf,
//! the object model printpdf writes through, adds what printpdf has no setting for.
//!
//! Owns: the translation of [`Item`]s into printpdf operations (flipping to PDF's bottom-left
//! origin), the marked content that ties text to the structure tree (written by
//! [`super::structure`]), the document information dictionary, the catalog's `/Lang`, the
//! viewer preference to show the title, and a nested outline (bookmarks) of the parts and
//! sections.
//!
//! It also keeps the file small without changing what any page shows (a full audit was
//! 165 KB and is under 100 KB): each face is cut to the document's glyphs
//! ([`super::font::Face::for_embedding`]) and its text rewritten one byte a glyph
//! ([`super::recode`]); operations are only written when they change something (colours,
//! line widths, fonts), shapes go before text so the text is one run, text lines are placed
//! by `Td` moves that land exactly and repeat row after row, a table's column rules are one
//! line each, and the pages are written without needless white space ([`super::tight`]);
//! pages share one resources dictionary; and the file is written by [`super::compact`], which
//! stores objects of one shape (the structure elements) as predictor-compressed rows.
//! Must not touch: layout decisions (see [`super::layout`]) or the report's content.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};
use printpdf::{
    Color, DictItem, FontId, Greyscale, Line as PdfLine, LinePoint, Op, PaintMode, ParsedFont,
    PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, PdfWarnMsg, Point, Polygon,
    PolygonRing, Pt, Rect, Rgb, TextItem, TextMatrix, WindingOrder,
};

use super::compact;
use super::font::{FaceId, Fonts};
use super::layout::{Item, LaidOut, OutlineEntry};
use super::recode;
use super::structure::{self, Mark, StructTree};
use super::style::{Colour, Pattern};
use super::tight;
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
    let used = used_chars(laid);
    let embedded: Vec<(FontId, ParsedFont)> = used
        .iter()
        .map(|(face, chars)| (font_id(*face), fonts.face(*face).for_embedding(chars)))
        .collect();
    for (id, font) in &embedded {
        let font = PdfFont::new(font.clone());
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
                ops: page_ops(&page.items, n, g.height, tree, &mut marks),
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
    let faces: Vec<(&str, &ParsedFont)> = embedded
        .iter()
        .map(|(id, font)| (id.0.as_str(), font))
        .collect();
    recode::one_byte_text(&mut lo, &faces);
    finish_document(&mut lo, meta, &laid.outline, g.height)?;
    structure::write(&mut lo, tree, &marks).map_err(|reason| PdfError::Write { reason })?;
    tidy_pages(&mut lo);
    tight::tighten(&mut lo);
    lo.compress();
    let bytes = compact::save(&lo).map_err(|reason| PdfError::Write { reason })?;
    Ok((bytes, warnings))
}

/// The resource name of a face's font: F1 and F2 for DejaVu Sans and its bold, then one for
/// each script's face.
fn font_id(face: FaceId) -> FontId {
    FontId(match face {
        FaceId::Regular => "F1".to_string(),
        FaceId::Bold => "F2".to_string(),
        FaceId::Script(script) => format!("F{}", 3 + script as usize),
    })
}

/// The characters set in each face on any page (DejaVu Sans and its bold always, so an
/// empty report still names its font).
fn used_chars(laid: &LaidOut) -> Vec<(FaceId, BTreeSet<char>)> {
    let mut used = vec![
        (FaceId::Regular, BTreeSet::new()),
        (FaceId::Bold, BTreeSet::new()),
    ];
    for item in laid.pages.iter().flat_map(|page| &page.items) {
        if let Item::Text { text, face, .. } = item {
            let at = match used.iter().position(|(f, _)| f == face) {
                Some(at) => at,
                None => {
                    used.push((*face, BTreeSet::new()));
                    used.len() - 1
                }
            };
            used[at].1.extend(text.chars());
        }
    }
    used
}

/// A colour as printpdf writes it: a grey as one number (`g`, `G`), any other as three, each
/// to three decimals (every one of 256 levels stays the same level; more digits only cost
/// bytes on every line).
fn rgb(c: Colour) -> Color {
    let level = |v: f32| (v.clamp(0.0, 1.0) * 1000.0).round() / 1000.0;
    let (r, g, b) = (level(c.0), level(c.1), level(c.2));
    if r == g && g == b {
        Color::Greyscale(Greyscale {
            percent: r,
            icc_profile: None,
        })
    } else {
        Color::Rgb(Rgb {
            r,
            g,
            b,
            icc_profile: None,
        })
    }
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

/// A number written in the file as viewers read it back: correctly rounded to the nearest
/// `f64` (pdf.js, MuPDF, Rust), and as poppler reads it (the whole part, then each fraction
/// digit times a power of ten it keeps multiplying by 0.1, which can be an `f64` step away).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Read {
    correct: f64,
    poppler: f64,
}

impl std::ops::Add for Read {
    type Output = Read;
    fn add(self, other: Read) -> Read {
        Read {
            correct: self.correct + other.correct,
            poppler: self.poppler + other.poppler,
        }
    }
}

impl Read {
    /// Whether `self` and `other` are the same point: in both readings, or (`loose`) in the
    /// correct one alone.
    fn same(self, other: Read, loose: bool) -> bool {
        self.correct == other.correct && (loose || self.poppler == other.poppler)
    }
}

/// Whether a vertical move need only land exactly as numbers read correctly rounded (see
/// [`Painter::move_to`]).
const VERTICAL_LOOSE: bool = true;

/// Where the current text line is, kept as the PDF's arithmetic has it: the translation of
/// the last `Tm` (zero after `BT`) and the sum of the `Td` moves since, each as read back.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct TextLine {
    /// The text matrix's translation.
    matrix: (Read, Read),
    /// The moves since.
    moved: (Read, Read),
    /// Where the line starts, as the drawing code placed it.
    at: (f32, f32),
}

impl TextLine {
    /// The `f32` whose move (as printpdf writes it, read back) takes this axis from
    /// `matrix + moved` to exactly `to` when added up as ISO 32000 says (`moved + by`, then
    /// the matrix's translation: poppler and pdf.js both do it in that order), in both
    /// readings or (`loose`) the correct one; `None` when no nearby `f32` does.
    fn exact_move(matrix: Read, moved: Read, to: Read, loose: bool) -> Option<f32> {
        let guess = (to.correct - matrix.correct - moved.correct) as f32;
        let lands = |by: f32| (moved + written(by)) + matrix;
        // A tiny move (a correction of the last digit of a sum) costs more than a `Tm`.
        (0..=8u32)
            .flat_map(|n| {
                [
                    guess.to_bits().wrapping_add(n),
                    guess.to_bits().wrapping_sub(n),
                ]
            })
            .map(f32::from_bits)
            .filter(|by| by.is_finite() && (*by == 0.0 || by.abs() >= 1e-3))
            .find(|&by| lands(by).same(to, loose))
    }
}

/// `v` as viewers read it from the file: printpdf writes the shortest decimal that reads
/// back as the same `f32`. The correct reading is worked out as digits over a power of ten,
/// both exact in an `f64`, so the one division rounds correctly (and the PDF worker needs no
/// general decimal parser); NaN, which matches nothing, for the few numbers too small for
/// that.
fn written(v: f32) -> Read {
    const POWERS: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let text = v.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, text.as_str()),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mantissa = format!("{whole}{fraction}").parse::<u64>().ok();
    let correct = match (mantissa, POWERS.get(fraction.len())) {
        (Some(m), Some(power)) if m < 1 << 53 => sign * (m as f64 / power),
        _ => f64::NAN,
    };
    let mut poppler = whole.parse::<u64>().map_or(f64::NAN, |w| w as f64);
    let mut scale = 0.1;
    for digit in fraction.bytes() {
        poppler += scale * f64::from(digit - b'0');
        scale *= 0.1;
    }
    Read {
        correct,
        poppler: sign * poppler,
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

/// The part of the graphics state the painter sets: kept so that each is set only when it
/// changes, and put back after a `Q`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Pen {
    /// Fill colour (text, shapes).
    fill: Option<Colour>,
    /// Stroke colour.
    stroke: Option<Colour>,
    /// Line width.
    width: Option<f32>,
    /// Face and size of text.
    font: Option<(FaceId, f32)>,
}

/// Tracks the graphics state so that colours, line widths and fonts are set only when they
/// change, and the marked content that ties each piece of text to the structure tree.
///
/// Text runs stay in one text object (`BT` … `ET`) for as long as only text follows, whatever
/// structure element each line belongs to (marked content nests inside the text object), and
/// each line is placed relative to the one before (`Td`), so that a cell's lines cost a few
/// bytes each: a long report repeats them thousands of times.
struct Painter<'a> {
    ops: Vec<Op>,
    height: f32,
    in_text: bool,
    pen: Pen,
    /// Where the current text line starts, as a viewer keeps it: `Td` moves from there.
    line: TextLine,
    tree: &'a StructTree,
    page: usize,
    marked: Marked,
    next_mcid: i64,
    marks: &'a mut Vec<Mark>,
}

impl Painter<'_> {
    /// Closes the open marked-content sequence, if any.
    fn end_marked(&mut self) {
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

    /// Starts a text object, closing any marked content opened outside it first (marked
    /// content and text objects must nest).
    fn begin_text(&mut self) {
        if !self.in_text {
            self.end_marked();
            self.ops.push(Op::StartTextSection);
            self.in_text = true;
            self.line = TextLine::default();
        }
    }

    /// Ends the text object, closing the marked content opened inside it first.
    fn end_text(&mut self) {
        if self.in_text {
            self.end_marked();
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    /// Starts a text line at `(x, y)` by `Td` moves from the last line's start: one move
    /// where one lands exactly (the next line of a cell, the next row of a table), else two,
    /// which on each axis that one move would miss first go back to the text object's origin
    /// (minus the written position, so exactly zero) and then out to the new position (the
    /// next cell of a row). A row's moves then repeat row after row and compress to almost
    /// nothing, where a `Tm` would write both coordinates anew.
    ///
    /// "Exactly" is as a reader adds the moves up in `f64`, reading numbers correctly rounded
    /// (pdf.js, MuPDF) and, horizontally, also as poppler reads them (see [`Read`]).
    /// Vertically poppler can land a hundred-billionth of a point away, as it did before for
    /// a cell's later lines; that moves a line by a pixel only where its baseline sits exactly
    /// on a pixel boundary (one line of one page of the finished audit at 60 dpi), while
    /// requiring it there too would cost most of what the moves save.
    fn move_to(&mut self, x: f32, y: f32) {
        let to = (written(x), written(y));
        let TextLine { matrix, moved, at } = self.line;
        let by = (
            TextLine::exact_move(matrix.0, moved.0, to.0, false),
            TextLine::exact_move(matrix.1, moved.1, to.1, VERTICAL_LOOSE),
        );
        let td = |dx: f32, dy: f32| Op::SetTextCursor {
            pos: Point {
                x: Pt(dx),
                y: Pt(dy),
            },
        };
        // Whether each axis can go back to the origin: no `Tm` since `BT`, and the line start
        // where it was written.
        let origin = Read::default();
        let home = matrix.0.same(origin, false)
            && matrix.1.same(origin, false)
            && moved.0.same(written(at.0), false)
            && moved.1.same(written(at.1), VERTICAL_LOOSE);
        match by {
            (Some(dx), Some(dy)) => {
                self.ops.push(td(dx, dy));
                self.line.moved = (moved.0 + written(dx), moved.1 + written(dy));
            }
            (dx, dy) if home => {
                // Back to the origin on the axes one move would miss...
                self.ops.push(td(dx.unwrap_or(-at.0), dy.unwrap_or(-at.1)));
                // ...then out from there.
                self.ops.push(td(
                    if dx.is_some() { 0.0 } else { x },
                    if dy.is_some() { 0.0 } else { y },
                ));
                self.line.moved = (
                    match dx {
                        Some(dx) => moved.0 + written(dx),
                        None => (moved.0 + written(-at.0)) + written(x),
                    },
                    match dy {
                        Some(dy) => moved.1 + written(dy),
                        None => (moved.1 + written(-at.1)) + written(y),
                    },
                );
            }
            _ => {
                self.ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(x), Pt(y)),
                });
                self.line.matrix = to;
                self.line.moved = (Read::default(), Read::default());
            }
        }
        self.line.at = (x, y);
    }

    fn fill(&mut self, colour: Colour) {
        if self.pen.fill != Some(colour) {
            self.ops.push(Op::SetFillColor { col: rgb(colour) });
            self.pen.fill = Some(colour);
        }
    }

    fn stroke(&mut self, colour: Colour, width: f32) {
        if self.pen.stroke != Some(colour) {
            self.ops.push(Op::SetOutlineColor { col: rgb(colour) });
            self.pen.stroke = Some(colour);
        }
        if self.pen.width != Some(width) {
            self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
            self.pen.width = Some(width);
        }
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
        if matches!(item, Item::Text { .. }) {
            self.begin_text();
        } else {
            self.end_text();
        }
        self.mark(match item {
            Item::Text {
                tag: Some(elem), ..
            } => Marked::Elem(*elem),
            _ => Marked::Artifact,
        });
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
                if self.pen.font != Some((*face, *size)) {
                    self.ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font_id(*face)),
                        size: Pt(*size),
                    });
                    self.pen.font = Some((*face, *size));
                }
                self.fill(*colour);
                self.move_to(*x, self.height - baseline);
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
                let saved = self.pen;
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
                self.pen = saved;
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
    tree: &StructTree,
    marks: &mut Vec<Mark>,
) -> Vec<Op> {
    let mut painter = Painter {
        ops: Vec::with_capacity(items.len() * 4),
        height,
        in_text: false,
        pen: Pen::default(),
        line: TextLine::default(),
        tree,
        page,
        marked: Marked::Nothing,
        next_mcid: 0,
        marks,
    };
    // Shapes first, then text, each in their own order: no shape is drawn over text, so the
    // page looks the same, and the text is one run instead of hundreds.
    let (text, shapes): (Vec<&Item>, Vec<&Item>) = items
        .iter()
        .partition(|item| matches!(item, Item::Text { .. }));
    let shapes = join_rules(&shapes);
    for item in shapes.iter().chain(text) {
        painter.item(item);
    }
    painter.end_text();
    painter.end_marked();
    painter.ops
}

/// `shapes` with each vertical rule that continues an earlier one (the same column edge of
/// the next table row) drawn as part of it: one line down the whole table instead of one a
/// row. Only strokes of the same colour come between the parts, so nothing else is painted
/// in a different order.
fn join_rules(shapes: &[&Item]) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(shapes.len());
    // The rules (their places in `out`) that a later part may still join.
    let mut open: Vec<usize> = Vec::new();
    for &item in shapes {
        if let Item::Line {
            from,
            to,
            colour,
            width,
        } = item
        {
            if from.0 == to.0 {
                let (top, bottom) = (from.1.min(to.1), from.1.max(to.1));
                let joins = |i: &usize| {
                    matches!(&out[*i], Item::Line { from: f, to: t, colour: c, width: w }
                        if f.0 == from.0 && c == colour && w == width
                            && (f.1.max(t.1) - top).abs() < 0.001)
                };
                if let Some(i) = open.iter().copied().find(joins) {
                    if let Item::Line { from: f, to: t, .. } = &mut out[i] {
                        *f = (f.0, f.1.min(t.1));
                        *t = (t.0, bottom);
                    }
                    continue;
                }
                open.push(out.len());
                out.push(item.clone());
                continue;
            }
        }
        // Anything but a stroke of the open rules' colour closes them.
        open.retain(|&i| match (&out[i], item) {
            (Item::Line { colour, .. }, Item::Line { colour: c, .. }) => colour == c,
            (
                Item::Line { colour, .. },
                Item::Rect {
                    fill: None,
                    stroke: Some((c, _)),
                    dash: None,
                    ..
                },
            ) => colour == c,
            _ => false,
        });
        out.push(item.clone());
    }
    out
}

/// A PDF text string: in PDFDocEncoding, a byte a character, when every character has a
/// byte there (plain text, curly quotes, dashes, accented Latin letters); otherwise UTF-16BE
/// with a byte order mark, so any character survives (Welsh ŵ and ŷ need this).
fn text_string(text: &str) -> Object {
    let bytes = match text.chars().map(pdf_doc_byte).collect::<Option<Vec<u8>>>() {
        Some(bytes) => bytes,
        None => {
            let mut bytes = vec![0xFE, 0xFF];
            for unit in text.encode_utf16() {
                bytes.extend_from_slice(&unit.to_be_bytes());
            }
            bytes
        }
    };
    Object::String(bytes, StringFormat::Literal)
}

/// `c`'s byte in PDFDocEncoding (ISO 32000-1, annex D), for the characters reports use.
fn pdf_doc_byte(c: char) -> Option<u8> {
    match c {
        ' '..='~' => u8::try_from(c).ok(),
        '\u{A1}'..='\u{FF}' if c != '\u{AD}' => u8::try_from(c).ok(),
        '•' => Some(0x80),
        '…' => Some(0x83),
        '—' => Some(0x84),
        '–' => Some(0x85),
        '“' => Some(0x8D),
        '”' => Some(0x8E),
        '‘' => Some(0x8F),
        '’' => Some(0x90),
        '€' => Some(0xA0),
        _ => None,
    }
}

/// Takes out of each page what says nothing: a crop or trim box the same as the media box
/// (both default to it), an empty list of annotations, and empty resource dictionaries; lets
/// every page share the first page's resources when they are the same.
fn tidy_pages(doc: &mut Document) {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let mut shared: Option<(ObjectId, Dictionary)> = None;
    // Objects nothing refers to once this is done.
    let mut orphans: BTreeSet<ObjectId> = BTreeSet::new();
    for &page in &pages {
        let resources = match doc.get_dictionary(page).and_then(|d| d.get(b"Resources")) {
            Ok(Object::Reference(id)) => Some(*id),
            _ => None,
        };
        if let Some(id) = resources {
            let empty: Vec<(Vec<u8>, Object)> = doc
                .get_dictionary(id)
                .map(|dict| {
                    dict.iter()
                        .filter(|(_, value)| {
                            let inner = match value {
                                Object::Reference(r) => doc.get_dictionary(*r).ok(),
                                Object::Dictionary(d) => Some(d),
                                _ => None,
                            };
                            inner.is_some_and(|d| d.is_empty())
                        })
                        .map(|(key, value)| (key.clone(), value.clone()))
                        .collect()
                })
                .unwrap_or_default();
            if let Ok(dict) = doc.get_dictionary_mut(id) {
                for (key, value) in empty {
                    dict.remove(&key);
                    if let Object::Reference(r) = value {
                        orphans.insert(r);
                    }
                }
            }
        }
        let Ok(dict) = doc.get_dictionary_mut(page) else {
            continue;
        };
        let media = dict.get(b"MediaBox").ok().cloned();
        for key in [&b"CropBox"[..], b"TrimBox"] {
            if dict.get(key).ok().cloned() == media {
                dict.remove(key);
            }
        }
        if matches!(dict.get(b"Annots"), Ok(Object::Array(a)) if a.is_empty()) {
            dict.remove(b"Annots");
        }
        if let Some(id) = resources {
            let same = |doc: &Document, (first, content): &(ObjectId, Dictionary)| {
                *first == id || doc.get_dictionary(id).is_ok_and(|d| d == content)
            };
            match &shared {
                Some(first) if same(doc, first) => {
                    let first = first.0;
                    if first != id {
                        orphans.insert(id);
                    }
                    if let Ok(dict) = doc.get_dictionary_mut(page) {
                        dict.set("Resources", Object::Reference(first));
                    }
                }
                Some(_) => {}
                None => {
                    if let Ok(content) = doc.get_dictionary(id) {
                        shared = Some((id, content.clone()));
                    }
                }
            }
        }
    }
    for id in orphans {
        doc.objects.remove(&id);
    }
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
        // printpdf writes these in UTF-16; most fit PDFDocEncoding, a byte a character.
        for (key, value) in [
            ("Title", meta.title.as_str()),
            ("Author", meta.author.as_str()),
            ("Subject", meta.subject.as_str()),
            ("Creator", "mhsw-toolkit"),
            ("Producer", "mhsw-toolkit with printpdf"),
        ] {
            info.set(key, text_string(value));
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Where each line starts as a reader follows `ops`, in both readings.
    fn line_starts(ops: &[Op]) -> Vec<(Read, Read)> {
        let mut line = TextLine::default();
        let mut starts = Vec::new();
        for op in ops {
            match op {
                Op::SetTextCursor { pos } => {
                    line.moved = (
                        line.moved.0 + written(pos.x.0),
                        line.moved.1 + written(pos.y.0),
                    );
                }
                Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(x, y),
                } => {
                    line.matrix = (written(x.0), written(y.0));
                    line.moved = (Read::default(), Read::default());
                }
                Op::ShowText { .. } => {
                    starts.push((line.moved.0 + line.matrix.0, line.moved.1 + line.matrix.1))
                }
                _ => {}
            }
        }
        starts
    }

    #[test]
    fn table_rows_are_placed_by_moves_that_land_exactly_and_repeat() {
        let tree = StructTree::new();
        let mut marks = Vec::new();
        let mut painter = Painter {
            ops: Vec::new(),
            height: 841.89,
            in_text: false,
            pen: Pen::default(),
            line: TextLine::default(),
            tree: &tree,
            page: 0,
            marked: Marked::Nothing,
            next_mcid: 0,
            marks: &mut marks,
        };
        painter.begin_text();
        let mut wanted = Vec::new();
        let mut y = 772.98004f32;
        for _ in 0..25 {
            // A row header, its value, and the value's second line.
            for (x, y) in [(56.7f32, y), (220.53784, y), (220.53784, y - 16.5)] {
                painter.move_to(x, y);
                painter.ops.push(Op::ShowText {
                    items: vec![TextItem::Text("a".to_string())],
                });
                wanted.push((x, y));
            }
            y -= 41.0;
        }
        let ops = &painter.ops;
        assert!(
            !ops.iter().any(|op| matches!(op, Op::SetTextMatrix { .. })),
            "a Tm was written"
        );
        let starts = line_starts(ops);
        assert_eq!(starts.len(), wanted.len());
        for (start, (x, y)) in starts.iter().zip(&wanted) {
            // Horizontally exactly where a Tm puts it in either reading; vertically in the
            // correct one.
            assert_eq!(start.0, written(*x), "x {x}");
            assert_eq!(start.1.correct, written(*y).correct, "y {y}");
        }
        // The moves of one row are those of the next, but for a few rows where a sum rounds
        // the other way.
        let moves: BTreeSet<String> = ops
            .iter()
            .filter_map(|op| match op {
                Op::SetTextCursor { pos } => Some(format!("{} {}", pos.x.0, pos.y.0)),
                _ => None,
            })
            .collect();
        assert!(
            moves.len() < 25,
            "{} different moves: {moves:?}",
            moves.len()
        );
    }
}
