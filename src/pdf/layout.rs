//! The layout engine: rows of wrapped text cells flowed onto pages, and the display list that
//! results.
//!
//! Owns: the flow model ([`Chunk`]s of [`Row`]s), pagination and the per-page display list
//! ([`Item`]s, top-left origin, points). The rules, each pinned by a test:
//!
//! - L1 Nothing is lost: every line of every cell is drawn on some page, in order.
//! - L2 A row that fits on the page is drawn there; one that does not either moves to the next
//!   page or splits between lines, as its [`Split`] says.
//! - L3 A paragraph never leaves fewer than two lines at the foot of a page or carries fewer
//!   than two to the next (no orphans, no widows), unless it is taller than a page.
//! - L4 A chunk marked keep-with-next (headings, captions, table headers) moves to the next page
//!   unless it fits together with the next chunk's first lines.
//! - L5 A table row continued on a new page is preceded by the table's caption, marked
//!   "(continued)", and its header row.
//! - L6 A row taller than a whole page splits between lines, wherever it starts.
//! - L7 Space above a chunk is dropped at the top of a page.
//! - L8 Every page carries the footer text and "Page x of y".
//!
//! Must not touch: the report's content decisions (see [`super::blocks`]) or PDF objects
//! (see [`super::draw`]).

use std::rc::Rc;

use super::font::{FaceId, Fonts};
use super::style::{self, Colour, PageGeometry, Pattern};
use super::wrap::wrap;
use crate::definition::Tone;
use crate::lang::Lang;
use crate::report::words::page_of;

/// One line of text in a cell, already wrapped to the cell's width.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    /// The words (may be empty, for a gap).
    pub(crate) text: String,
    /// The face.
    pub(crate) face: FaceId,
    /// Type size.
    pub(crate) size: f32,
    /// Baseline-to-baseline distance: the height the line takes.
    pub(crate) leading: f32,
    /// Text colour.
    pub(crate) colour: Colour,
    /// The structure element it belongs to, or none for an artifact.
    pub(crate) tag: Option<usize>,
}

/// A column of lines within a row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cell {
    /// Left edge, from the content area's left edge.
    pub(crate) x: f32,
    /// Width the lines were wrapped to.
    pub(crate) width: f32,
    /// Set flush right instead of flush left.
    pub(crate) align_right: bool,
    /// The lines, top to bottom.
    pub(crate) lines: Vec<Line>,
}

/// What is drawn around or beside a row's text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Deco {
    /// Nothing.
    None,
    /// A table row: a grid around cells whose column boundaries are `edges`; a header row is
    /// shaded.
    Table {
        /// Column boundaries, from the content area's left edge, left to right.
        edges: Vec<f32>,
        /// Whether this is the header row.
        header: bool,
    },
    /// A boxed notice across the whole content width.
    Notice,
    /// A quotation: a bar down the left at `x`.
    Quote {
        /// Where the bar is.
        x: f32,
    },
    /// A bar of a bar chart, beside the first line.
    Bar(BarDeco),
    /// A rule under the row.
    Underline {
        /// Its colour.
        colour: Colour,
        /// Its thickness.
        thickness: f32,
    },
    /// A chart's key: swatches before text cells.
    Key(Vec<(f32, Swatch)>),
    /// A band across the top of the cover.
    Band,
}

/// A bar's drawing.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BarDeco {
    /// The track's left edge, from the content area's left edge.
    pub(crate) x: f32,
    /// The track's width (100%).
    pub(crate) width: f32,
    /// The value, 0 to 100, or none (no bar, a dashed empty track).
    pub(crate) percent: Option<f32>,
    /// The band.
    pub(crate) tone: Tone,
    /// A comparison marker, 0 to 100.
    pub(crate) marker: Option<f32>,
}

/// A sample in a chart's key.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Swatch {
    /// A band's fill.
    Tone(Tone),
    /// The comparison marker.
    Marker,
}

/// How a row may be split across pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Split {
    /// Never (headings, captions): it moves to the next page whole.
    Never,
    /// Between lines, leaving at least `min_before` lines of each cell before the break and
    /// carrying at least `min_after` after it (paragraphs, notices, list items).
    Lines {
        /// Fewest lines before a break (orphans).
        min_before: usize,
        /// Fewest lines after a break (widows).
        min_after: usize,
    },
    /// Only when taller than a page (table rows, bars): otherwise it moves whole.
    WhenTallerThanPage,
}

/// A horizontal band of cells: the unit of flow.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    /// The cells.
    pub(crate) cells: Vec<Cell>,
    /// Space inside the row above the lines.
    pub(crate) pad_top: f32,
    /// Space inside the row below the lines.
    pub(crate) pad_bottom: f32,
    /// The least height of the row (for bars, which are taller than a line of small text).
    pub(crate) min_height: f32,
    /// What is drawn around it.
    pub(crate) deco: Deco,
    /// How it splits.
    pub(crate) split: Split,
}

impl Row {
    /// A row of one cell, no decoration.
    pub(crate) fn text(cell: Cell, split: Split) -> Self {
        Self {
            cells: vec![cell],
            pad_top: 0.0,
            pad_bottom: 0.0,
            min_height: 0.0,
            deco: Deco::None,
            split,
        }
    }

    /// Height of the lines `from[c]..to[c]` of each cell, with padding.
    fn span_height(&self, from: &[usize], to: &[usize], first: bool) -> f32 {
        let lines = self
            .cells
            .iter()
            .zip(from.iter().zip(to))
            .map(|(cell, (&a, &b))| cell.lines[a..b].iter().map(|l| l.leading).sum::<f32>())
            .fold(0.0, f32::max);
        let height = self.pad_top + lines + self.pad_bottom;
        if first {
            height.max(self.min_height)
        } else {
            height
        }
    }

    fn starts(&self) -> Vec<usize> {
        vec![0; self.cells.len()]
    }

    fn ends(&self) -> Vec<usize> {
        self.cells.iter().map(|c| c.lines.len()).collect()
    }

    /// The whole row's height.
    pub(crate) fn height(&self) -> f32 {
        self.span_height(&self.starts(), &self.ends(), true)
    }

    /// For each cell, the end of the lines from `from` that fit in `room` (padding included).
    fn fit(&self, from: &[usize], room: f32) -> Vec<usize> {
        let room = room - self.pad_top - self.pad_bottom;
        self.cells
            .iter()
            .zip(from)
            .map(|(cell, &start)| {
                let mut used = 0.0;
                let mut end = start;
                for line in &cell.lines[start..] {
                    if used + line.leading > room + 0.01 {
                        break;
                    }
                    used += line.leading;
                    end += 1;
                }
                end
            })
            .collect()
    }

    /// The least height that must fit for the row to start on a page: all of it, unless it
    /// may split between lines.
    fn least_start(&self, capacity: f32) -> f32 {
        match self.split {
            Split::Lines {
                min_before,
                min_after,
            } if self
                .cells
                .iter()
                .any(|c| c.lines.len() >= min_before + min_after) =>
            {
                let to: Vec<usize> = self
                    .cells
                    .iter()
                    .map(|c| c.lines.len().min(min_before))
                    .collect();
                self.span_height(&self.starts(), &to, true)
            }
            _ => self.height().min(capacity),
        }
    }
}

/// A row in the flow, with its relations to what is around it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Chunk {
    /// The row.
    pub(crate) row: Row,
    /// Space above it (dropped at the top of a page).
    pub(crate) space_before: f32,
    /// Keep on the same page as the start of the next chunk.
    pub(crate) keep_with_next: bool,
    /// Start a new page before it.
    pub(crate) break_before: bool,
    /// Rows to draw first whenever this chunk starts or continues on a new page (a table's
    /// continued caption and header).
    pub(crate) repeat: Option<Rc<[Row]>>,
    /// An entry in the document outline: level and title.
    pub(crate) outline: Option<(u8, String)>,
}

impl Chunk {
    /// A chunk with no relations.
    pub(crate) fn new(row: Row, space_before: f32) -> Self {
        Self {
            row,
            space_before,
            keep_with_next: false,
            break_before: false,
            repeat: None,
            outline: None,
        }
    }
}

/// Something drawn on a page. Positions are in points from the page's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    /// A line of text.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline.
        baseline: f32,
        /// The words.
        text: String,
        /// The face.
        face: FaceId,
        /// Size.
        size: f32,
        /// Colour.
        colour: Colour,
        /// The structure element it belongs to, or none for an artifact.
        tag: Option<usize>,
    },
    /// A rectangle, filled and/or outlined.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        width: f32,
        /// Height.
        height: f32,
        /// Fill colour.
        fill: Option<Colour>,
        /// Outline colour and thickness.
        stroke: Option<(Colour, f32)>,
        /// Dash length for a dashed outline.
        dash: Option<f32>,
    },
    /// A straight line.
    Line {
        /// Start.
        from: (f32, f32),
        /// End.
        to: (f32, f32),
        /// Colour.
        colour: Colour,
        /// Thickness.
        width: f32,
    },
    /// A fill pattern clipped to a rectangle.
    Pattern {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        width: f32,
        /// Height.
        height: f32,
        /// The pattern.
        pattern: Pattern,
        /// The lines' colour.
        colour: Colour,
    },
    /// A filled triangle.
    Triangle {
        /// Its corners.
        points: [(f32, f32); 3],
        /// Fill colour.
        colour: Colour,
    },
}

/// One page's display list.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Page {
    /// What is drawn, in painting order.
    pub(crate) items: Vec<Item>,
}

impl Page {
    /// The page's text lines, in drawing order (for tests).
    #[cfg(test)]
    pub(crate) fn texts(&self) -> Vec<&str> {
        self.items
            .iter()
            .filter_map(|item| match item {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// An outline (bookmark) entry.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OutlineEntry {
    /// 1 to 3.
    pub(crate) level: u8,
    /// The heading's words.
    pub(crate) title: String,
    /// Page index, from 0.
    pub(crate) page: usize,
    /// Top of the heading, from the top of the page.
    pub(crate) y: f32,
}

/// A laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LaidOut {
    /// The page size and margins.
    pub(crate) geometry: PageGeometry,
    /// The pages.
    pub(crate) pages: Vec<Page>,
    /// The outline.
    pub(crate) outline: Vec<OutlineEntry>,
}

/// Flows chunks onto pages.
pub(crate) struct Paginator<'a> {
    fonts: &'a Fonts,
    geometry: PageGeometry,
    pages: Vec<Page>,
    outline: Vec<OutlineEntry>,
    /// Top of the free space on the current page.
    y: f32,
    /// Whether anything but repeated table headers is on the current page.
    has_content: bool,
}

impl<'a> Paginator<'a> {
    /// Starts with one empty page.
    pub(crate) fn new(fonts: &'a Fonts, geometry: PageGeometry) -> Self {
        Self {
            fonts,
            geometry,
            pages: vec![Page::default()],
            outline: Vec::new(),
            y: geometry.top,
            has_content: false,
        }
    }

    fn new_page(&mut self, repeat: Option<&Rc<[Row]>>) {
        self.pages.push(Page::default());
        self.y = self.geometry.top;
        self.has_content = false;
        if let Some(rows) = repeat {
            for row in rows.iter() {
                // A repeated header is an artifact: it was read once already.
                self.draw_whole(row, true);
            }
        }
    }

    fn room(&self) -> f32 {
        self.geometry.bottom - self.y
    }

    /// Places every chunk, in order.
    pub(crate) fn flow(&mut self, chunks: &[Chunk]) {
        for (i, chunk) in chunks.iter().enumerate() {
            if chunk.break_before && self.has_content {
                self.new_page(None);
            }
            let space = if self.has_content {
                chunk.space_before
            } else {
                0.0
            };
            // L4: keep with the next chunk's first lines.
            if chunk.keep_with_next && self.has_content {
                let need = space + self.keep_chain(&chunks[i..]);
                if need <= self.geometry.content_height() && need > self.room() {
                    self.new_page(None);
                }
            }
            self.place(chunk);
        }
    }

    /// The height of a keep-with-next chain from its first chunk to the first lines of the
    /// chunk that ends it.
    fn keep_chain(&self, chunks: &[Chunk]) -> f32 {
        let capacity = self.geometry.content_height();
        let mut need = 0.0;
        for (n, chunk) in chunks.iter().enumerate() {
            if n > 0 {
                need += chunk.space_before;
            }
            if chunk.keep_with_next {
                need += chunk.row.height();
            } else {
                return need + chunk.row.least_start(capacity);
            }
        }
        need
    }

    fn place(&mut self, chunk: &Chunk) {
        let row = &chunk.row;
        let capacity = self.geometry.content_height()
            - chunk
                .repeat
                .iter()
                .flat_map(|rows| rows.iter())
                .map(Row::height)
                .sum::<f32>();
        let mut from = row.starts();
        let ends = row.ends();
        let mut first = true;
        loop {
            let space = if self.has_content && first {
                chunk.space_before
            } else {
                0.0
            };
            let room = self.room() - space;
            let rest = row.span_height(&from, &ends, first);
            if rest <= room + 0.01 {
                self.y += space;
                self.note_outline(chunk, first);
                self.draw_span(row, &from, &ends, first, true, false);
                self.has_content = true;
                return;
            }
            let at_top = !self.has_content;
            match self.split_point(row, &from, room, rest > capacity, at_top) {
                Some(to) => {
                    self.y += space;
                    self.note_outline(chunk, first);
                    self.draw_span(row, &from, &to, first, false, false);
                    from = to;
                    first = false;
                    self.new_page(chunk.repeat.as_ref());
                }
                None => self.new_page(chunk.repeat.as_ref()),
            }
        }
    }

    fn note_outline(&mut self, chunk: &Chunk, first: bool) {
        if let (Some((level, title)), true) = (&chunk.outline, first) {
            self.outline.push(OutlineEntry {
                level: *level,
                title: title.clone(),
                page: self.pages.len() - 1,
                y: self.y,
            });
        }
    }

    /// Where to break `row` (lines from `from`) given `room` on this page, or `None` to move
    /// it to the next page. At the top of a page something is always placed (L1, L6).
    fn split_point(
        &self,
        row: &Row,
        from: &[usize],
        room: f32,
        taller_than_page: bool,
        at_top: bool,
    ) -> Option<Vec<usize>> {
        let mut to = row.fit(from, room);
        let allowed = match row.split {
            Split::Never => false,
            Split::WhenTallerThanPage => taller_than_page,
            Split::Lines {
                min_before,
                min_after,
            } => {
                let mut ok = true;
                for ((cell, &start), end) in row.cells.iter().zip(from).zip(to.iter_mut()) {
                    let total = cell.lines.len();
                    if *end < total && total - *end < min_after {
                        *end = end.saturating_sub(min_after - (total - *end)).max(start);
                    }
                    if *end < total && *end - start < min_before {
                        ok = false;
                    }
                }
                ok
            }
        };
        let progress = to.iter().zip(from).any(|(t, f)| t > f);
        if allowed && progress {
            return Some(to);
        }
        if !at_top {
            return None;
        }
        // Forced: take what fits, and at least one line.
        let mut to = row.fit(from, room);
        if !to.iter().zip(from).any(|(t, f)| t > f) {
            if let Some((i, _)) = row
                .cells
                .iter()
                .enumerate()
                .find(|(i, c)| from[*i] < c.lines.len())
            {
                to[i] += 1;
            }
        }
        Some(to)
    }

    fn draw_whole(&mut self, row: &Row, artifact: bool) {
        let (from, to) = (row.starts(), row.ends());
        self.draw_span(row, &from, &to, true, true, artifact);
    }

    /// Draws lines `from..to` of each cell at the current position and moves down; as an
    /// artifact (untagged), when `artifact`.
    fn draw_span(
        &mut self,
        row: &Row,
        from: &[usize],
        to: &[usize],
        first: bool,
        last: bool,
        artifact: bool,
    ) {
        let height = row.span_height(from, to, first);
        let left = self.geometry.margin_x;
        let top = self.y;
        let width = self.geometry.content_width();
        let mut items = Vec::new();
        draw_deco(&mut items, row, left, top, width, height, first, last);
        for ((cell, &a), &b) in row.cells.iter().zip(from).zip(to) {
            let mut y = top + row.pad_top;
            for line in &cell.lines[a..b] {
                if !line.text.is_empty() {
                    let x = if cell.align_right {
                        left + cell.x + cell.width
                            - self
                                .fonts
                                .face(line.face)
                                .width(line.text.trim_end(), line.size)
                    } else {
                        left + cell.x
                    };
                    items.push(Item::Text {
                        x,
                        baseline: baseline(y, line),
                        text: line.text.clone(),
                        face: line.face,
                        size: line.size,
                        colour: line.colour,
                        tag: if artifact { None } else { line.tag },
                    });
                }
                y += line.leading;
            }
        }
        if let Some(page) = self.pages.last_mut() {
            page.items.extend(items);
        }
        self.y += height;
    }

    /// Adds the footer to every page and returns the document (L8). Footer text is cleaned by
    /// the caller.
    pub(crate) fn finish(mut self, footer: &str, lang: Lang) -> LaidOut {
        let g = self.geometry;
        let total = self.pages.len();
        let ty = style::FOOTER;
        let numbers_width = self
            .fonts
            .regular
            .width(&page_of(lang, total, total), ty.size);
        let mut footer_lines = wrap(
            &self.fonts.regular,
            ty.size,
            g.content_width() - numbers_width - 24.0,
            footer,
        );
        if footer_lines.len() > 2 {
            footer_lines.truncate(2);
            footer_lines[1] = format!("{}…", footer_lines[1].trim_end());
        }
        for (n, page) in self.pages.iter_mut().enumerate() {
            let rule = g.footer_rule();
            page.items.push(Item::Line {
                from: (g.margin_x, rule),
                to: (g.width - g.margin_x, rule),
                colour: style::RULE,
                width: 0.75,
            });
            for (i, text) in footer_lines.iter().enumerate() {
                page.items.push(Item::Text {
                    x: g.margin_x,
                    baseline: g.footer_baseline() + i as f32 * ty.leading,
                    text: text.clone(),
                    face: FaceId::Regular,
                    size: ty.size,
                    colour: style::INK_SOFT,
                    tag: None,
                });
            }
            let numbers = page_of(lang, n + 1, total);
            let w = self.fonts.regular.width(&numbers, ty.size);
            page.items.push(Item::Text {
                x: g.width - g.margin_x - w,
                baseline: g.footer_baseline(),
                text: numbers,
                face: FaceId::Regular,
                size: ty.size,
                colour: style::INK_SOFT,
                tag: None,
            });
        }
        LaidOut {
            geometry: g,
            pages: self.pages,
            outline: self.outline,
        }
    }
}

/// The baseline of `line` whose box starts at `top`: capitals centred in the leading.
fn baseline(top: f32, line: &Line) -> f32 {
    top + line.leading / 2.0 + line.size * 0.36
}

#[allow(clippy::too_many_arguments)]
fn draw_deco(
    items: &mut Vec<Item>,
    row: &Row,
    left: f32,
    top: f32,
    width: f32,
    height: f32,
    first: bool,
    last: bool,
) {
    match &row.deco {
        Deco::None => {}
        Deco::Table { edges, header } => {
            let (x0, x1) = (
                edges.first().copied().unwrap_or(0.0),
                edges.last().copied().unwrap_or(width),
            );
            items.push(Item::Rect {
                x: left + x0,
                y: top,
                width: x1 - x0,
                height,
                fill: header.then_some(style::HEADER_FILL),
                stroke: Some((style::GRID, if *header { 0.9 } else { 0.6 })),
                dash: None,
            });
            for &x in &edges[1..edges.len().saturating_sub(1)] {
                items.push(Item::Line {
                    from: (left + x, top),
                    to: (left + x, top + height),
                    colour: style::GRID,
                    width: 0.6,
                });
            }
        }
        Deco::Notice => {
            items.push(Item::Rect {
                x: left,
                y: top,
                width,
                height,
                fill: Some(style::NOTICE_FILL),
                stroke: Some((style::ACCENT, 0.75)),
                dash: None,
            });
            items.push(Item::Rect {
                x: left,
                y: top,
                width: 5.0,
                height,
                fill: Some(style::ACCENT),
                stroke: None,
                dash: None,
            });
        }
        Deco::Quote { x } => items.push(Item::Rect {
            x: left + x,
            y: top + 2.0,
            width: 3.0,
            height: (height - 4.0).max(0.0),
            fill: Some(style::QUOTE_BAR),
            stroke: None,
            dash: None,
        }),
        Deco::Bar(bar) if first => {
            let line = row
                .cells
                .iter()
                .find_map(|c| c.lines.first())
                .map_or(style::BAR_HEIGHT, |l| l.leading);
            let y = top + row.pad_top + (line - style::BAR_HEIGHT) / 2.0;
            draw_bar(items, bar, left, y);
        }
        Deco::Bar(_) => {}
        Deco::Underline { colour, thickness } if last => items.push(Item::Line {
            from: (left, top + height - thickness / 2.0),
            to: (left + width, top + height - thickness / 2.0),
            colour: *colour,
            width: *thickness,
        }),
        Deco::Underline { .. } => {}
        Deco::Key(swatches) => {
            let line = row
                .cells
                .first()
                .and_then(|c| c.lines.first())
                .map_or(14.0, |l| l.leading);
            let y = top + row.pad_top + (line - 10.0) / 2.0;
            for &(x, swatch) in swatches {
                match swatch {
                    Swatch::Tone(tone) => filled_box(items, left + x, y, 16.0, 10.0, tone),
                    Swatch::Marker => marker(items, left + x + 8.0, y - 1.0, 12.0),
                }
            }
        }
        Deco::Band => items.push(Item::Rect {
            x: left,
            y: top,
            width,
            height: 8.0,
            fill: Some(style::ACCENT),
            stroke: None,
            dash: None,
        }),
    }
}

/// A box filled in a tone's colour and pattern, outlined.
fn filled_box(items: &mut Vec<Item>, x: f32, y: f32, width: f32, height: f32, tone: Tone) {
    let s = style::tone_style(tone);
    items.push(Item::Rect {
        x,
        y,
        width,
        height,
        fill: Some(s.fill),
        stroke: None,
        dash: None,
    });
    if s.pattern != Pattern::Solid {
        items.push(Item::Pattern {
            x,
            y,
            width,
            height,
            pattern: s.pattern,
            colour: s.ink,
        });
    }
    items.push(Item::Rect {
        x,
        y,
        width,
        height,
        fill: None,
        stroke: Some((style::OUTLINE, 0.75)),
        dash: None,
    });
}

/// A comparison marker: a vertical line with a triangle on top, centred on `x`, from `y` down
/// `height`.
fn marker(items: &mut Vec<Item>, x: f32, y: f32, height: f32) {
    items.push(Item::Line {
        from: (x, y + 3.0),
        to: (x, y + height),
        colour: style::INK,
        width: 2.0,
    });
    items.push(Item::Triangle {
        points: [(x - 4.0, y - 2.0), (x + 4.0, y - 2.0), (x, y + 4.0)],
        colour: style::INK,
    });
}

fn draw_bar(items: &mut Vec<Item>, bar: &BarDeco, left: f32, y: f32) {
    let x = left + bar.x;
    let h = style::BAR_HEIGHT;
    items.push(Item::Rect {
        x,
        y,
        width: bar.width,
        height: h,
        fill: Some(style::TRACK_FILL),
        stroke: Some((style::GRID, 0.5)),
        dash: bar.percent.is_none().then_some(2.0),
    });
    for quarter in [0.25, 0.5, 0.75] {
        items.push(Item::Line {
            from: (x + bar.width * quarter, y),
            to: (x + bar.width * quarter, y + h),
            colour: style::RULE,
            width: 0.5,
        });
    }
    if let Some(p) = bar.percent {
        let w = bar.width * p.clamp(0.0, 100.0) / 100.0;
        if w > 0.0 {
            filled_box(items, x, y, w, h, bar.tone);
        }
    }
    if let Some(m) = bar.marker {
        marker(
            items,
            x + bar.width * m.clamp(0.0, 100.0) / 100.0,
            y - 4.0,
            h + 8.0,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Orientation;

    fn fonts() -> Fonts {
        Fonts::load().expect("fonts")
    }

    fn lines(n: usize, tag: &str) -> Vec<Line> {
        (0..n)
            .map(|i| Line {
                text: format!("{tag} {i}"),
                face: FaceId::Regular,
                size: 11.0,
                leading: 16.5,
                colour: style::INK,
                tag: None,
            })
            .collect()
    }

    fn cell(n: usize, tag: &str) -> Cell {
        Cell {
            x: 0.0,
            width: 400.0,
            align_right: false,
            lines: lines(n, tag),
        }
    }

    fn paragraph(n: usize, tag: &str) -> Chunk {
        Chunk::new(
            Row::text(
                cell(n, tag),
                Split::Lines {
                    min_before: 2,
                    min_after: 2,
                },
            ),
            9.0,
        )
    }

    fn heading(tag: &str) -> Chunk {
        let mut chunk = Chunk::new(Row::text(cell(1, tag), Split::Never), 16.0);
        chunk.keep_with_next = true;
        chunk.outline = Some((1, tag.to_string()));
        chunk
    }

    fn lay_out(chunks: &[Chunk]) -> LaidOut {
        let fonts = fonts();
        let mut p = Paginator::new(&fonts, PageGeometry::a4(Orientation::Portrait));
        p.flow(chunks);
        p.finish("Footer", Lang::En)
    }

    /// The body lines on each page (footer left out).
    fn body(doc: &LaidOut) -> Vec<Vec<String>> {
        doc.pages
            .iter()
            .map(|p| {
                p.texts()
                    .into_iter()
                    .filter(|t| *t != "Footer" && !t.starts_with("Page "))
                    .map(str::to_string)
                    .collect()
            })
            .collect()
    }

    /// Lines per A4 portrait page at 16.5 pt.
    fn per_page() -> usize {
        (PageGeometry::a4(Orientation::Portrait).content_height() / 16.5) as usize
    }

    #[test]
    fn l1_a_long_paragraph_continues_across_pages_without_loss() {
        let doc = lay_out(&[paragraph(200, "p")]);
        let all: Vec<String> = body(&doc).concat();
        assert_eq!(all, (0..200).map(|i| format!("p {i}")).collect::<Vec<_>>());
        assert_eq!(doc.pages.len(), 200usize.div_ceil(per_page()));
    }

    #[test]
    fn l2_l3_no_orphan_line_at_the_foot_and_no_widow_at_the_head() {
        let n = per_page();
        // Fill all but one line, then a three-line paragraph: it must move whole.
        let doc = lay_out(&[paragraph(n - 1, "a"), paragraph(3, "b")]);
        let pages = body(&doc);
        assert_eq!(pages[1], ["b 0", "b 1", "b 2"]);
        // Fill all but two lines, then a three-line paragraph: it must not leave one line.
        let doc = lay_out(&[paragraph(n - 3, "a"), paragraph(3, "b")]);
        let pages = body(&doc);
        assert!(pages[0].iter().all(|l| l.starts_with('a')));
        // Fill all but three lines, then four lines: two and two.
        let doc = lay_out(&[paragraph(n - 4, "a"), paragraph(4, "b")]);
        let pages = body(&doc);
        assert_eq!(pages[0].iter().filter(|l| l.starts_with('b')).count(), 2);
        assert_eq!(pages[1], ["b 2", "b 3"]);
    }

    #[test]
    fn l4_a_heading_is_never_left_alone_at_the_foot_of_a_page() {
        let n = per_page();
        for fill in n - 4..n {
            let doc = lay_out(&[paragraph(fill, "a"), heading("H"), paragraph(6, "b")]);
            for page in body(&doc) {
                if let Some(i) = page.iter().position(|l| l == "H 0") {
                    assert!(
                        page.len() >= i + 3,
                        "heading with fewer than two lines after it: {page:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn l4_a_chain_of_headings_moves_together() {
        let n = per_page();
        let doc = lay_out(&[
            paragraph(n - 4, "a"),
            heading("H1"),
            heading("H2"),
            paragraph(5, "b"),
        ]);
        let pages = body(&doc);
        assert_eq!(&pages[1][..3], ["H1 0", "H2 0", "b 0"]);
        assert_eq!(doc.outline[0].page, 1);
    }

    #[test]
    fn l5_table_rows_after_a_break_follow_the_repeated_header() {
        let header = Row {
            cells: vec![cell(1, "HEAD")],
            pad_top: 4.0,
            pad_bottom: 4.0,
            min_height: 0.0,
            deco: Deco::Table {
                edges: vec![0.0, 400.0],
                header: true,
            },
            split: Split::WhenTallerThanPage,
        };
        let repeat: Rc<[Row]> = Rc::from(vec![header.clone()]);
        let mut chunks = vec![Chunk::new(header, 9.0)];
        chunks[0].keep_with_next = true;
        for i in 0..80 {
            let mut row = Chunk::new(
                Row {
                    cells: vec![cell(2, &format!("r{i}"))],
                    pad_top: 4.0,
                    pad_bottom: 4.0,
                    min_height: 0.0,
                    deco: Deco::Table {
                        edges: vec![0.0, 400.0],
                        header: false,
                    },
                    split: Split::WhenTallerThanPage,
                },
                0.0,
            );
            row.repeat = Some(repeat.clone());
            chunks.push(row);
        }
        let doc = lay_out(&chunks);
        let pages = body(&doc);
        assert!(pages.len() > 2);
        for page in &pages {
            assert_eq!(page[0], "HEAD 0");
            // Rows are never split: both lines of a row are on the same page.
            assert_eq!((page.len() - 1) % 2, 0, "{page:?}");
        }
    }

    #[test]
    fn l6_a_row_taller_than_a_page_splits() {
        let mut row = Row::text(cell(150, "t"), Split::WhenTallerThanPage);
        row.cells.push(Cell {
            x: 200.0,
            ..cell(3, "u")
        });
        let doc = lay_out(&[paragraph(5, "a"), Chunk::new(row, 9.0)]);
        let pages = body(&doc);
        assert!(pages.len() >= 3);
        // It starts on the first page, straight after the paragraph.
        assert!(pages[0].contains(&"t 0".to_string()));
        let all: Vec<String> = pages.concat();
        assert_eq!(all.iter().filter(|l| l.starts_with("t ")).count(), 150);
    }

    #[test]
    fn l7_space_above_is_dropped_at_the_top_of_a_page() {
        let n = per_page();
        let doc = lay_out(&[paragraph(n, "a"), paragraph(2, "b")]);
        let top_of_b = doc.pages[1]
            .items
            .iter()
            .find_map(|i| match i {
                Item::Text { text, baseline, .. } if text == "b 0" => Some(*baseline),
                _ => None,
            })
            .expect("b on page 2");
        let top_of_a = doc.pages[0]
            .items
            .iter()
            .find_map(|i| match i {
                Item::Text { text, baseline, .. } if text == "a 0" => Some(*baseline),
                _ => None,
            })
            .expect("a on page 1");
        assert_eq!(top_of_a, top_of_b);
    }

    #[test]
    fn l8_every_page_has_the_footer_and_page_x_of_y() {
        let doc = lay_out(&[paragraph(150, "p")]);
        let total = doc.pages.len();
        for (n, page) in doc.pages.iter().enumerate() {
            let texts = page.texts();
            assert!(texts.contains(&"Footer"));
            assert!(texts.contains(&format!("Page {} of {total}", n + 1).as_str()));
        }
    }

    #[test]
    fn nothing_is_drawn_below_the_content_area() {
        let doc = lay_out(&[paragraph(130, "p"), heading("H"), paragraph(40, "q")]);
        let g = doc.geometry;
        for page in &doc.pages {
            for item in &page.items {
                if let Item::Text { baseline, text, .. } = item {
                    if text != "Footer" && !text.starts_with("Page ") {
                        assert!(*baseline <= g.bottom, "{text} at {baseline}");
                    }
                }
            }
        }
    }
}
