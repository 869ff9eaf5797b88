//! Turning the report's blocks into rows for the layout engine: which face and size each piece
//! of text is set in, how wide its columns are, and what keeps with what.
//!
//! Owns: the mapping from [`crate::report::Block`] (and the cover) to [`Chunk`]s. Every string
//! passes through [`Fonts::clean`] exactly once here, so replaced characters are counted once,
//! each where it is ([`Tally`]: under which heading, in which part).
//! Must not touch: pagination (see [`super::layout`]) or PDF objects.

use std::rc::Rc;

use super::font::{FaceId, Fonts};
use super::layout::{BarDeco, Cell, Chunk, Deco, Line, Row, Split, Swatch};
use super::structure::{Role, StructTree, ROOT};
use super::style::{self, Colour, PageGeometry, Type};
use super::unshown::{Field, Tally};
use super::wrap::{natural_width, widest_piece, wrap};
use crate::definition::Tone;
use crate::lang::Lang;
use crate::report::words;
use crate::report::{BarChart, Block, Cover, Fact, Report, Table, TextStyle};

/// How a piece of text is set, and the structure element it belongs to.
#[derive(Debug, Clone, Copy)]
struct Set {
    face: FaceId,
    ty: Type,
    colour: Colour,
    tag: Option<usize>,
}

impl Set {
    /// Untagged (an artifact) until [`Builder::tag`] gives its lines an element.
    const fn new(face: FaceId, ty: Type, colour: Colour) -> Self {
        Self {
            face,
            ty,
            colour,
            tag: None,
        }
    }
}

/// Paragraph-like splitting: no orphans, no widows.
const PARAGRAPH: Split = Split::Lines {
    min_before: 2,
    min_after: 2,
};

/// Builds the flow for one report.
pub(crate) struct Builder<'a> {
    fonts: &'a Fonts,
    /// The content area's width.
    width: f32,
    /// The content area's height.
    height: f32,
    /// Characters replaced so far.
    pub(crate) replaced: usize,
    /// Where they are.
    tally: Tally,
    /// The words of the last heading, which the text that follows sits under.
    under: Option<String>,
    /// The part of the report being cleaned now.
    field: Field,
    /// Whether the cover is being built (everything on it is [`Field::Cover`]).
    on_cover: bool,
    chunks: Vec<Chunk>,
    break_next: bool,
    /// The structure tree, built in reading order.
    tree: StructTree,
    /// The report's language, for the words the renderer adds ("(continued)").
    lang: Lang,
}

impl<'a> Builder<'a> {
    /// A builder for pages of `geometry`.
    pub(crate) fn new(fonts: &'a Fonts, geometry: &PageGeometry) -> Self {
        Self {
            fonts,
            width: geometry.content_width(),
            height: geometry.content_height(),
            replaced: 0,
            tally: Tally::default(),
            under: None,
            field: Field::Text,
            on_cover: false,
            chunks: Vec::new(),
            break_next: false,
            tree: StructTree::new(),
            lang: Lang::En,
        }
    }

    /// The cover (if any) and every block, in order; returns the chunks, the structure tree,
    /// the number of replaced characters and where they are.
    pub(crate) fn report(mut self, report: &Report) -> (Vec<Chunk>, StructTree, usize, Tally) {
        self.lang = words::lang_of_tag(&report.meta.language);
        if let Some(cover) = &report.cover {
            self.on_cover = true;
            self.cover(cover);
            self.on_cover = false;
        }
        for block in &report.blocks {
            self.block(block);
        }
        (self.chunks, self.tree, self.replaced, self.tally)
    }

    /// Says that the text cleaned next belongs to `field` (under the last heading).
    fn at(&mut self, field: Field) {
        self.field = field;
    }

    /// Cleans a string for the fonts, counting replacements and noting where they are.
    pub(crate) fn clean(&mut self, text: &str) -> String {
        let mut replaced = 0;
        let clean = self.fonts.clean(text, &mut replaced);
        let field = if self.on_cover {
            &Field::Cover
        } else {
            &self.field
        };
        self.tally.add(self.under.as_deref(), field, replaced);
        self.replaced += replaced;
        clean
    }

    fn push(&mut self, mut chunk: Chunk) {
        chunk.break_before |= std::mem::take(&mut self.break_next);
        self.chunks.push(chunk);
    }

    /// Lines of `text` (already clean) wrapped to `width`.
    fn lines(&self, text: &str, set: Set, width: f32) -> Vec<Line> {
        wrap(self.fonts.face(set.face), set.ty.size, width, text)
            .into_iter()
            .map(|text| Line {
                text,
                face: set.face,
                size: set.ty.size,
                leading: set.ty.leading,
                colour: set.colour,
                tag: set.tag,
            })
            .collect()
    }

    /// A cell holding `text` (cleaned here).
    fn cell(&mut self, x: f32, width: f32, text: &str, set: Set) -> Cell {
        let text = self.clean(text);
        Cell {
            x,
            width,
            align_right: false,
            lines: self.lines(&text, set, width),
        }
    }

    /// Adds a structure element under `parent`.
    fn elem(&mut self, parent: usize, role: Role) -> usize {
        self.tree.add(parent, role)
    }

    /// Makes `lines` the content of a new `role` element under `parent`; returns it.
    fn tag(&mut self, lines: &mut [Line], parent: usize, role: Role) -> usize {
        let elem = self.elem(parent, role);
        for line in lines {
            line.tag = Some(elem);
        }
        elem
    }

    fn block(&mut self, block: &Block) {
        if let Block::Heading { text, .. } = block {
            self.under = Some(text.trim().to_owned());
        }
        self.at(match block {
            Block::Heading { .. } => Field::Heading,
            Block::Paragraph {
                style: TextStyle::Quote,
                ..
            } => Field::Quote,
            Block::Notice { .. } => Field::Notice,
            Block::Bullets(_) | Block::Warnings(_) => Field::List,
            Block::BarChart(_) => Field::Chart,
            // Facts and tables say which of their parts each text is as they go.
            Block::Paragraph { .. } | Block::Facts(_) | Block::Table(_) | Block::PageBreak => {
                Field::Text
            }
        });
        match block {
            Block::Heading { level, text } => self.heading(*level, text),
            Block::Paragraph { text, style } => self.paragraph(text, *style),
            Block::Notice { title, text } => self.notice(title, text),
            Block::Facts(facts) => self.facts(facts, style::BLOCK_SPACE),
            Block::Bullets(items) => self.bullets(items, "•", FaceId::Regular),
            Block::Warnings(items) => self.bullets(items, "!", FaceId::Bold),
            Block::BarChart(chart) => self.bar_chart(chart),
            Block::Table(table) => self.table(table),
            Block::PageBreak => self.break_next = true,
        }
    }

    fn heading(&mut self, level: u8, text: &str) {
        let index = usize::from(level.clamp(1, 3)) - 1;
        let ty = style::HEADINGS[index];
        let mut cell = self.cell(
            0.0,
            self.width,
            text,
            Set::new(FaceId::Bold, ty, style::INK),
        );
        if cell.lines.is_empty() {
            return;
        }
        self.tag(&mut cell.lines, ROOT, Role::heading(index + 1));
        // A line that ended at a space keeps it (see `wrap`); one broken after a hyphen or
        // slash joins the next directly.
        let title = cell
            .lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<String>()
            .trim_end()
            .to_string();
        let mut row = Row::text(cell, Split::Never);
        if index == 0 {
            row.pad_bottom = 5.0;
            row.deco = Deco::Underline {
                colour: style::ACCENT,
                thickness: 1.5,
            };
        }
        row.pad_bottom += 3.0;
        let mut chunk = Chunk::new(row, style::HEADING_SPACE[index]);
        chunk.keep_with_next = true;
        // The outline (bookmarks) lists the parts and sections (levels 1 and 2), not the
        // questions under them: an audit's seventy-five questions as bookmarks were a
        // twentieth of its PDF, and the tagged headings still take a screen reader to each.
        if index < 2 {
            chunk.outline = Some((index as u8 + 1, title));
        }
        self.push(chunk);
    }

    fn paragraph(&mut self, text: &str, text_style: TextStyle) {
        let (ty, colour, x) = match text_style {
            TextStyle::Normal => (style::BODY, style::INK, 0.0),
            TextStyle::Small => (style::SMALL, style::INK_SOFT, 0.0),
            TextStyle::Lead => (style::LEAD, style::INK, 0.0),
            TextStyle::Quote => (style::BODY, style::INK, style::INDENT),
        };
        let mut cell = self.cell(
            x,
            self.width - x,
            text,
            Set::new(FaceId::Regular, ty, colour),
        );
        if cell.lines.is_empty() {
            return;
        }
        let parent = if text_style == TextStyle::Quote {
            self.elem(ROOT, Role::BlockQuote)
        } else {
            ROOT
        };
        self.tag(&mut cell.lines, parent, Role::P);
        let mut row = Row::text(cell, PARAGRAPH);
        if text_style == TextStyle::Quote {
            row.deco = Deco::Quote { x: 2.0 };
            row.pad_top = 2.0;
            row.pad_bottom = 2.0;
        }
        self.push(Chunk::new(row, style::BLOCK_SPACE));
    }

    fn notice(&mut self, title: &str, text: &str) {
        let x = style::NOTICE_PAD + 5.0;
        let width = self.width - x - style::NOTICE_PAD;
        let title = self.clean(title);
        let text = self.clean(text);
        let mut lines = self.lines(
            &title,
            Set::new(FaceId::Bold, style::BODY, style::INK),
            width,
        );
        let mut body = self.lines(
            &text,
            Set::new(FaceId::Regular, style::BODY, style::INK),
            width,
        );
        if lines.is_empty() && body.is_empty() {
            return;
        }
        let div = self.elem(ROOT, Role::Div);
        if !lines.is_empty() {
            self.tag(&mut lines, div, Role::P);
        }
        if !body.is_empty() {
            self.tag(&mut body, div, Role::P);
        }
        if !lines.is_empty() && !body.is_empty() {
            lines.push(gap(4.0));
        }
        // A page never ends after the title alone: it keeps two lines of the text with it.
        let title_lines = lines.len();
        lines.extend(body);
        let row = Row {
            cells: vec![Cell {
                x,
                width,
                align_right: false,
                lines,
            }],
            pad_top: style::NOTICE_PAD,
            pad_bottom: style::NOTICE_PAD,
            min_height: 0.0,
            deco: Deco::Notice,
            split: Split::Lines {
                min_before: title_lines + 2,
                min_after: 2,
            },
        };
        self.push(Chunk::new(row, style::BLOCK_SPACE + 3.0));
    }

    fn facts(&mut self, facts: &[Fact], space_before: f32) {
        let label_width = (self.width * 0.34).min(200.0);
        let table = (!facts.is_empty()).then(|| self.elem(ROOT, Role::Table));
        for (i, fact) in facts.iter().enumerate() {
            self.at(Field::Fact {
                label: fact.label.trim().to_owned(),
            });
            let mut label = self.cell(
                0.0,
                label_width - 10.0,
                &fact.label,
                Set::new(FaceId::Bold, style::BODY, style::INK),
            );
            let mut value = self.cell(
                label_width,
                self.width - label_width,
                &fact.value,
                Set::new(FaceId::Regular, style::BODY, style::INK),
            );
            let tr = self.elem(table.unwrap_or(ROOT), Role::TR);
            self.tag(&mut label.lines, tr, Role::ThRow);
            self.tag(&mut value.lines, tr, Role::TD);
            let row = Row {
                cells: vec![label, value],
                pad_top: 4.0,
                pad_bottom: 4.0,
                min_height: 0.0,
                deco: Deco::Underline {
                    colour: style::RULE,
                    thickness: 0.5,
                },
                split: Split::WhenTallerThanPage,
            };
            self.push(Chunk::new(row, if i == 0 { space_before } else { 0.0 }));
        }
    }

    /// A list whose items are marked with `marker` (a bullet, or `!` for warnings) set in
    /// `marker_face`.
    fn bullets(&mut self, items: &[String], marker: &str, marker_face: FaceId) {
        let mut list = None;
        for (i, item) in items.iter().enumerate() {
            let set = Set::new(FaceId::Regular, style::BODY, style::INK);
            let marker_set = Set::new(marker_face, style::BODY, style::INK);
            let mut text = self.cell(style::INDENT, self.width - style::INDENT, item, set);
            if text.lines.is_empty() {
                continue;
            }
            let l = *list.get_or_insert_with(|| self.tree.add(ROOT, Role::L));
            let li = self.elem(l, Role::LI);
            let mut bullet = Cell {
                x: 3.0,
                width: style::INDENT - 3.0,
                align_right: false,
                lines: self.lines(marker, marker_set, 20.0),
            };
            self.tag(&mut bullet.lines, li, Role::Lbl);
            self.tag(&mut text.lines, li, Role::LBody);
            let row = Row {
                cells: vec![bullet, text],
                pad_top: 0.0,
                pad_bottom: 0.0,
                min_height: 0.0,
                deco: Deco::None,
                split: PARAGRAPH,
            };
            let space = if i == 0 {
                style::BLOCK_SPACE
            } else {
                style::ITEM_SPACE
            };
            self.push(Chunk::new(row, space));
        }
    }

    fn bar_chart(&mut self, chart: &BarChart) {
        let start = self.chunks.len();
        let label_width = self.width * 0.34;
        let track_x = label_width + style::BAR_GAP;
        let track_width = self.width * 0.28;
        let value_x = track_x + track_width + style::BAR_GAP;
        let value_width = self.width - value_x;
        let ty = style::TABLE;

        let set = Set::new(FaceId::Bold, style::BODY, style::INK);
        let mut caption = self.cell(0.0, self.width, &chart.caption, set);
        if caption.lines.is_empty() && chart.bars.is_empty() {
            return;
        }
        // The chart is read as a table of bars and their values in words; the drawing is an
        // artifact.
        let table = self.elem(ROOT, Role::Table);
        if !caption.lines.is_empty() {
            self.tag(&mut caption.lines, table, Role::Caption);
            let mut row = Row::text(caption, Split::Never);
            row.pad_bottom = 2.0;
            let mut chunk = Chunk::new(row, style::BLOCK_SPACE + 3.0);
            chunk.keep_with_next = true;
            self.push(chunk);
        }
        // The scale over the tracks.
        let scale = |text: &str, x: f32, right: bool, b: &Self| Cell {
            x,
            width: 40.0,
            align_right: right,
            lines: b.lines(
                text,
                Set::new(FaceId::Regular, style::SMALL, style::INK_SOFT),
                60.0,
            ),
        };
        let scale_row = Row {
            cells: vec![
                scale("0%", track_x, false, self),
                scale("50%", track_x + track_width / 2.0 - 12.0, false, self),
                scale("100%", track_x + track_width - 40.0, true, self),
            ],
            pad_top: 0.0,
            pad_bottom: 1.0,
            min_height: 0.0,
            deco: Deco::None,
            split: Split::Never,
        };
        let mut chunk = Chunk::new(scale_row, 2.0);
        chunk.keep_with_next = true;
        self.push(chunk);

        let mut tones: Vec<Tone> = Vec::new();
        let mut any_marker = false;
        for bar in &chart.bars {
            let set = Set::new(FaceId::Regular, ty, style::INK);
            let mut label = self.cell(0.0, label_width, &bar.label, set);
            let set = Set::new(FaceId::Bold, ty, style::INK);
            let mut value = self.cell(value_x, value_width, &bar.value_label, set);
            if let Some(m) = &bar.marker {
                any_marker = true;
                let text = format!("▼ {}", self.clean(&m.label));
                let set = Set::new(FaceId::Regular, style::SMALL, style::INK_SOFT);
                // A space between the value and the marker, for text taken from the PDF.
                if let Some(last) = value.lines.last_mut() {
                    last.text.push(' ');
                }
                value.lines.extend(self.lines(&text, set, value_width));
            }
            let tr = self.elem(table, Role::TR);
            self.tag(&mut label.lines, tr, Role::ThRow);
            self.tag(&mut value.lines, tr, Role::TD);
            if bar.percent.is_some() && !tones.contains(&bar.tone) {
                tones.push(bar.tone);
            }
            let row = Row {
                cells: vec![label, value],
                pad_top: 6.0,
                pad_bottom: 6.0,
                min_height: style::BAR_HEIGHT + 20.0,
                deco: Deco::Bar(BarDeco {
                    x: track_x,
                    width: track_width,
                    percent: bar.percent.filter(|p| p.is_finite()).map(|p| p as f32),
                    tone: bar.tone,
                    marker: bar
                        .marker
                        .as_ref()
                        .map(|m| m.percent)
                        .filter(|p| p.is_finite())
                        .map(|p| p as f32),
                }),
                split: Split::WhenTallerThanPage,
            };
            self.push(Chunk::new(row, 0.0));
        }
        self.chart_key(&tones, any_marker);
        self.keep_together(start);
    }

    /// Keeps a chart's chunks (from `start` on) together when the chart is short (under 40%
    /// of a page); a longer one may break between bars, but never leaves its caption with fewer
    /// than two bars or its key with fewer than two.
    fn keep_together(&mut self, start: usize) {
        let chunks = &mut self.chunks[start..];
        let height: f32 = chunks
            .iter()
            .enumerate()
            .map(|(i, c)| c.row.height() + if i > 0 { c.space_before } else { 0.0 })
            .sum();
        let last = chunks.len().saturating_sub(1);
        if height <= self.height * 0.4 {
            for chunk in &mut chunks[..last] {
                chunk.keep_with_next = true;
            }
            return;
        }
        let bars: Vec<usize> = chunks
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c.row.deco, Deco::Bar(_)))
            .map(|(i, _)| i)
            .collect();
        if let (Some(&first), Some(&final_bar)) = (bars.first(), bars.last()) {
            chunks[first].keep_with_next = true;
            for chunk in &mut chunks[final_bar.saturating_sub(1).max(first)..last] {
                chunk.keep_with_next = true;
            }
        }
    }

    /// The key under a chart: each tone's swatch and name, and the marker.
    fn chart_key(&mut self, tones: &[Tone], marker: bool) {
        let order = [Tone::Green, Tone::Amber, Tone::Red, Tone::Neutral];
        let mut entries: Vec<(Swatch, &str)> = order
            .iter()
            .filter(|t| tones.contains(t))
            .map(|&t| {
                (
                    Swatch::Tone(t),
                    words::chart_key(self.lang, t, style::tone_style(t).key),
                )
            })
            .collect();
        if marker {
            entries.push((Swatch::Marker, words::chart_key_marker(self.lang)));
        }
        if entries.is_empty() {
            return;
        }
        let key_label = words::chart_key_label(self.lang);
        let mut x = self.fonts.bold.width(key_label, style::SMALL.size) + 8.0;
        let mut rows: Vec<KeyRow> = vec![(
            vec![Cell {
                x: 0.0,
                width: x,
                align_right: false,
                lines: self.lines(
                    key_label,
                    Set::new(FaceId::Bold, style::SMALL, style::INK),
                    x + 10.0,
                ),
            }],
            Vec::new(),
        )];
        let start_x = x;
        for (swatch, text) in entries {
            let text_width = self.fonts.regular.width(text, style::SMALL.size) + 2.0;
            let entry_width = 22.0 + text_width + 14.0;
            if x + entry_width > self.width && x > start_x {
                rows.push((Vec::new(), Vec::new()));
                x = start_x;
            }
            if let Some((cells, swatches)) = rows.last_mut() {
                swatches.push((x, swatch));
                cells.push(Cell {
                    x: x + 22.0,
                    width: text_width,
                    align_right: false,
                    lines: self.lines(
                        text,
                        Set::new(FaceId::Regular, style::SMALL, style::INK),
                        text_width + 1.0,
                    ),
                });
            }
            x += entry_width;
        }
        for (i, (cells, swatches)) in rows.into_iter().enumerate() {
            let row = Row {
                cells,
                pad_top: 2.0,
                pad_bottom: 2.0,
                min_height: 0.0,
                deco: Deco::Key(swatches),
                split: Split::Never,
            };
            self.push(Chunk::new(row, if i == 0 { 6.0 } else { 0.0 }));
        }
    }

    fn table(&mut self, table: &Table) {
        let columns = table
            .columns
            .len()
            .max(table.rows.iter().map(Vec::len).max().unwrap_or(0));
        if columns == 0 {
            return;
        }
        let weights: Vec<f32> = (0..columns)
            .map(|i| {
                table
                    .columns
                    .get(i)
                    .map_or(1.0, |c| f32::from(c.width.max(1)))
            })
            .collect();
        let caption = table.caption.trim().to_owned();
        self.at(Field::TableHead {
            caption: caption.clone(),
        });
        let caption_text = self.clean(&table.caption);
        let headings: Vec<String> = (0..columns)
            .map(|i| table.columns.get(i).map_or("", |c| c.heading.as_str()))
            .map(|h| self.clean(h))
            .collect();
        let rows: Vec<Vec<String>> = table
            .rows
            .iter()
            .enumerate()
            .map(|(i, cells)| {
                self.at(Field::TableRow {
                    caption: caption.clone(),
                    row: i + 1,
                });
                let mut texts: Vec<String> =
                    cells.iter().take(columns).map(|c| self.clean(c)).collect();
                texts.resize(columns, String::new());
                texts
            })
            .collect();
        // What each column's words need (W1, W2 in `wrap`): its heading's widest word is a
        // floor, its widest word anywhere the least it is given when the table can afford it,
        // and its longest line the most it can use. Padding is added below.
        let ty = style::TABLE.size;
        let (bold, regular) = (&self.fonts.bold, &self.fonts.regular);
        let words: Vec<ColumnNeeds> = (0..columns)
            .map(|i| {
                let body = rows.iter().map(|r| r[i].as_str());
                let floor = widest_piece(bold, ty, &headings[i]);
                let least = body
                    .clone()
                    .map(|t| widest_piece(regular, ty, t))
                    .fold(floor, f32::max);
                let most = body
                    .map(|t| natural_width(regular, ty, t))
                    .fold(natural_width(bold, ty, &headings[i]), f32::max);
                ColumnNeeds {
                    weight: weights[i],
                    floor,
                    least,
                    most: most.max(least),
                }
            })
            .collect();
        // Cells are padded less when that lets every column's widest word fit.
        let padded = |pad_x: f32| -> Vec<ColumnNeeds> {
            let pad = 2.0 * pad_x + 0.5;
            words
                .iter()
                .map(|n| ColumnNeeds {
                    weight: n.weight,
                    floor: n.floor + pad,
                    least: n.least + pad,
                    most: n.most + pad,
                })
                .collect()
        };
        let fits = |needs: &[ColumnNeeds]| needs.iter().map(|n| n.least).sum::<f32>() <= self.width;
        let mut pad_x = style::CELL_PAD_X;
        let mut needs = padded(pad_x);
        if !fits(&needs) {
            pad_x = style::CELL_PAD_X_TIGHT;
            needs = padded(pad_x);
        }
        let mut edges = vec![0.0];
        for w in column_widths(&needs, self.width) {
            let last = edges.last().copied().unwrap_or(0.0);
            edges.push(last + w);
        }

        let table_elem = self.elem(ROOT, Role::Table);
        if !caption_text.trim().is_empty() {
            let set = Set::new(FaceId::Bold, style::BODY, style::INK);
            let mut lines = self.lines(&caption_text, set, self.width);
            self.tag(&mut lines, table_elem, Role::Caption);
            let mut row = Row::text(
                Cell {
                    x: 0.0,
                    width: self.width,
                    align_right: false,
                    lines,
                },
                Split::Never,
            );
            row.pad_bottom = 4.0;
            let mut chunk = Chunk::new(row, style::BLOCK_SPACE + 3.0);
            chunk.keep_with_next = true;
            self.push(chunk);
        }

        let head = self.elem(table_elem, Role::THead);
        let header = self.table_row(&edges, pad_x, &headings, head, true);
        let mut repeat = Vec::new();
        if !caption_text.trim().is_empty() {
            let continued = words::continued(self.lang, caption_text.trim());
            let set = Set::new(FaceId::Bold, style::SMALL, style::INK_SOFT);
            let lines = self.lines(&continued, set, self.width);
            let mut row = Row::text(
                Cell {
                    x: 0.0,
                    width: self.width,
                    align_right: false,
                    lines,
                },
                Split::Never,
            );
            row.pad_bottom = 3.0;
            repeat.push(row);
        }
        repeat.push(header.clone());
        let repeat: Rc<[Row]> = Rc::from(repeat);

        let mut chunk = Chunk::new(header, 0.0);
        chunk.keep_with_next = !table.rows.is_empty();
        self.push(chunk);
        let body = (!rows.is_empty()).then(|| self.elem(table_elem, Role::TBody));
        for texts in &rows {
            let row = self.table_row(&edges, pad_x, texts, body.unwrap_or(table_elem), false);
            let mut chunk = Chunk::new(row, 0.0);
            chunk.repeat = Some(repeat.clone());
            self.push(chunk);
        }
        if let Some(note) = &table.note {
            self.at(Field::TableNote { caption });
            let set = Set::new(FaceId::Regular, style::SMALL, style::INK_SOFT);
            let mut cell = self.cell(0.0, self.width, note, set);
            if !cell.lines.is_empty() {
                self.tag(&mut cell.lines, ROOT, Role::P);
                self.push(Chunk::new(Row::text(cell, PARAGRAPH), 5.0));
            }
        }
    }

    /// One table row of already-clean texts, a `TR` under `group` (the head or the body), its
    /// cells padded by `pad_x` at each side.
    fn table_row(
        &mut self,
        edges: &[f32],
        pad_x: f32,
        texts: &[String],
        group: usize,
        header: bool,
    ) -> Row {
        let (face, role) = if header {
            (FaceId::Bold, Role::ThColumn)
        } else {
            (FaceId::Regular, Role::TD)
        };
        let tr = self.elem(group, Role::TR);
        let cells = texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let x = edges[i] + pad_x;
                let width = (edges[i + 1] - edges[i] - 2.0 * pad_x).max(1.0);
                let mut lines = self.lines(text, Set::new(face, style::TABLE, style::INK), width);
                self.tag(&mut lines, tr, role);
                Cell {
                    x,
                    width,
                    align_right: false,
                    lines,
                }
            })
            .collect();
        Row {
            cells,
            pad_top: style::CELL_PAD_Y,
            pad_bottom: style::CELL_PAD_Y,
            min_height: style::TABLE.leading + 2.0 * style::CELL_PAD_Y,
            deco: Deco::Table {
                edges: edges.to_vec(),
                header,
            },
            split: Split::WhenTallerThanPage,
        }
    }

    fn cover(&mut self, cover: &Cover) {
        let band = Row {
            cells: Vec::new(),
            pad_top: 0.0,
            pad_bottom: 0.0,
            min_height: 40.0,
            deco: Deco::Band,
            split: Split::Never,
        };
        self.push(Chunk::new(band, 0.0));
        let set = Set::new(FaceId::Bold, style::COVER_TITLE, style::INK);
        let mut title = self.cell(0.0, self.width, &cover.title, set);
        if !title.lines.is_empty() {
            self.tag(&mut title.lines, ROOT, Role::H1);
        }
        self.push(Chunk::new(
            Row::text(title, Split::WhenTallerThanPage),
            60.0,
        ));
        let set = Set::new(FaceId::Regular, style::COVER_SUBTITLE, style::INK_SOFT);
        let mut subtitle = self.cell(0.0, self.width, &cover.subtitle, set);
        if !subtitle.lines.is_empty() {
            self.tag(&mut subtitle.lines, ROOT, Role::P);
        }
        self.push(Chunk::new(
            Row::text(subtitle, Split::WhenTallerThanPage),
            12.0,
        ));
        self.facts(&cover.facts, 40.0);
        let set = Set::new(FaceId::Regular, style::SMALL, style::INK_SOFT);
        let mut statement = self.cell(0.0, self.width, &cover.statement, set);
        if !statement.lines.is_empty() {
            self.tag(&mut statement.lines, ROOT, Role::P);
            self.push(Chunk::new(Row::text(statement, PARAGRAPH), 40.0));
        }
        self.break_next = true;
    }
}

/// What a table column's words need, in points, padding included.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ColumnNeeds {
    /// Its share of the width, relative to the other columns (the report's choice).
    weight: f32,
    /// Its heading's widest word: it is never narrower, unless the headings alone are wider
    /// than the page.
    floor: f32,
    /// Its widest word, heading or cell: narrower, and some word breaks between letters.
    least: f32,
    /// Its longest line set without breaks: wider gains nothing.
    most: f32,
}

/// Column widths summing to `total`, from what each column's words need:
///
/// 1. When every column can have its longest line, each does, and the room left is shared by
///    weight.
/// 2. Otherwise each column gets its share by weight, but never less than its widest word:
///    columns whose share is less are set to that, and the rest share what remains; columns
///    whose share is more than their longest line are held to it, and the others share the
///    room they free.
/// 3. When the widest words alone do not fit, the columns with the most text (the longest
///    lines) give up room first, each down to its heading's widest word, so that columns of
///    short words (names, dates, statuses) keep them whole; some words in the long columns
///    then break between letters (marked).
/// 4. When even the headings' words do not fit, the widths are those, scaled down.
fn column_widths(needs: &[ColumnNeeds], total: f32) -> Vec<f32> {
    let sum = |f: fn(&ColumnNeeds) -> f32| needs.iter().map(f).sum::<f32>();
    let (floors, leasts, mosts) = (sum(|n| n.floor), sum(|n| n.least), sum(|n| n.most));
    let weights = sum(|n| n.weight).max(f32::EPSILON);
    if mosts <= total {
        return needs
            .iter()
            .map(|n| n.most + (total - mosts) * n.weight / weights)
            .collect();
    }
    if floors >= total {
        return needs.iter().map(|n| n.floor * total / floors).collect();
    }
    if leasts >= total {
        let mut widths: Vec<f32> = needs.iter().map(|n| n.least).collect();
        let mut order: Vec<usize> = (0..needs.len()).collect();
        order.sort_by(|&a, &b| needs[b].most.total_cmp(&needs[a].most));
        let mut deficit = leasts - total;
        for i in order {
            let give = deficit.min(needs[i].least - needs[i].floor);
            widths[i] -= give;
            deficit -= give;
        }
        return widths;
    }
    // Water-filling: fix the columns whose share is below their least, then those whose share
    // is above their most, until every free column's share lies between the two.
    let mut fixed: Vec<Option<f32>> = vec![None; needs.len()];
    let shares = |fixed: &[Option<f32>]| -> Vec<f32> {
        let free_total = total - fixed.iter().flatten().sum::<f32>();
        let free_weight: f32 = needs
            .iter()
            .zip(fixed)
            .filter(|(_, f)| f.is_none())
            .map(|(n, _)| n.weight)
            .sum::<f32>()
            .max(f32::EPSILON);
        needs
            .iter()
            .zip(fixed)
            .map(|(n, f)| f.unwrap_or(free_total * n.weight / free_weight))
            .collect()
    };
    loop {
        let widths = shares(&fixed);
        let mut changed = false;
        for (i, n) in needs.iter().enumerate() {
            if fixed[i].is_none() && widths[i] < n.least {
                fixed[i] = Some(n.least);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    loop {
        let widths = shares(&fixed);
        let over: Vec<usize> = (0..needs.len())
            .filter(|&i| fixed[i].is_none() && widths[i] > needs[i].most)
            .collect();
        let free = fixed.iter().filter(|f| f.is_none()).count();
        // Some column must stay free to take the room; since the longest lines do not all
        // fit, one always does.
        if over.is_empty() || over.len() == free {
            return widths;
        }
        for i in over {
            fixed[i] = Some(needs[i].most);
        }
    }
}

/// A row of a chart's key: its text cells and its swatches with their positions.
type KeyRow = (Vec<Cell>, Vec<(f32, Swatch)>);

/// An empty line of `height` points, for space inside a cell.
fn gap(height: f32) -> Line {
    Line {
        text: String::new(),
        face: FaceId::Regular,
        size: 1.0,
        leading: height,
        colour: style::INK,
        tag: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::report::Orientation;

    /// The plan table's shape in the portrait audit report: eight columns, long prose in two.
    fn plan_like_table() -> Table {
        let headings = [
            ("Raised from", 3),
            ("Action", 4),
            ("Lead", 2),
            ("Partners", 2),
            ("Target date", 2),
            ("Success measure", 4),
            ("Status", 2),
            ("Review date", 2),
        ];
        let row = [
            "A named senior leader is accountable for the quality of practice in this organisation.",
            "Action 05: Co-produce a lived-experience panel for recruitment and service design",
            "Principal social worker",
            "NHS trust; lived-experience panel",
            "30 September 2027",
            "Checked in the next audit cycle.",
            "In progress (overdue)",
            "15 December 2027",
        ];
        Table {
            caption: "The actions agreed so far".into(),
            columns: headings
                .iter()
                .map(|&(h, w)| crate::report::Column::new(h, w))
                .collect(),
            rows: vec![row.iter().map(|t| (*t).to_string()).collect(); 3],
            note: None,
        }
    }

    #[test]
    fn table_cells_break_only_between_words_when_the_words_fit() {
        let fonts = Fonts::load().expect("fonts");
        let geometry = PageGeometry::a4(Orientation::Portrait);
        let mut builder = Builder::new(&fonts, &geometry);
        builder.table(&plan_like_table());
        let rows: Vec<&Row> = builder
            .chunks
            .iter()
            .map(|c| &c.row)
            .filter(|r| matches!(r.deco, Deco::Table { .. }))
            .collect();
        assert_eq!(rows.len(), 4, "a header and three rows");
        for row in rows {
            let Deco::Table { edges, .. } = &row.deco else {
                unreachable!()
            };
            assert!((edges[edges.len() - 1] - geometry.content_width()).abs() < 0.01);
            for cell in &row.cells {
                let last = cell.lines.len() - 1;
                for (i, line) in cell.lines.iter().enumerate() {
                    let face = fonts.face(line.face);
                    let width = face.width(line.text.trim_end(), line.size);
                    assert!(width <= cell.width + 0.01, "{:?} overflows", line.text);
                    assert!(
                        i == last || line.text.ends_with(' ') || line.text.ends_with("lived-"),
                        "a word is broken: {:?}",
                        cell.lines.iter().map(|l| &l.text).collect::<Vec<_>>()
                    );
                }
            }
        }
    }

    #[test]
    fn the_outline_lists_parts_and_sections_whole_but_not_questions() {
        let fonts = Fonts::load().expect("fonts");
        let geometry = PageGeometry::a4(Orientation::Portrait);
        let mut builder = Builder::new(&fonts, &geometry);
        let long = "Co-produced, lived-experience-led, strengths-based, person-centred, \
                    trauma-informed, culturally-competent, rights-based, community-led, \
                    family-inclusive and carer-aware support";
        builder.heading(1, "Section by section");
        builder.heading(2, long);
        // The long heading breaks after a hyphen somewhere: its title still reads whole.
        let lines: Vec<&str> = builder.chunks[1].row.cells[0]
            .lines
            .iter()
            .map(|l| l.text.as_str())
            .collect();
        assert!(lines.iter().any(|l| l.ends_with('-')), "{lines:?}");
        builder.heading(3, "Is there a named Principal Social Worker?");
        let outline: Vec<_> = builder
            .chunks
            .iter()
            .filter_map(|c| c.outline.clone())
            .collect();
        assert_eq!(
            outline,
            [(1, "Section by section".to_string()), (2, long.to_string())]
        );
    }

    fn needs(weight: f32, floor: f32, least: f32, most: f32) -> ColumnNeeds {
        ColumnNeeds {
            weight,
            floor,
            least,
            most,
        }
    }

    fn assert_sum(widths: &[f32], total: f32) {
        let sum: f32 = widths.iter().sum();
        assert!(
            (sum - total).abs() < 0.01,
            "{widths:?} add up to {sum}, not {total}"
        );
    }

    #[test]
    fn columns_share_the_width_by_weight() {
        let n = needs(1.0, 10.0, 10.0, 1000.0);
        let widths = column_widths(&[ColumnNeeds { weight: 2.0, ..n }, n, n], 400.0);
        assert_eq!(widths, [200.0, 100.0, 100.0]);
    }

    #[test]
    fn a_column_narrower_than_its_widest_word_takes_room_from_the_others() {
        let widths = column_widths(
            &[needs(6.0, 20.0, 50.0, 900.0), needs(1.0, 20.0, 80.0, 900.0)],
            350.0,
        );
        assert!((widths[1] - 80.0).abs() < 0.01, "{widths:?}");
        assert_sum(&widths, 350.0);
    }

    #[test]
    fn a_column_never_takes_more_than_its_longest_line_while_others_need_room() {
        // Dates and statuses are short; the action column gets what they do not use.
        let widths = column_widths(
            &[needs(4.0, 40.0, 60.0, 900.0), needs(2.0, 30.0, 50.0, 70.0)],
            400.0,
        );
        assert!((widths[1] - 70.0).abs() < 0.01, "{widths:?}");
        assert_sum(&widths, 400.0);
        // When every line fits, each column has its line and the rest is shared by weight.
        let widths = column_widths(
            &[needs(1.0, 10.0, 20.0, 100.0), needs(1.0, 10.0, 20.0, 50.0)],
            250.0,
        );
        assert_eq!(widths, [150.0, 100.0]);
    }

    #[test]
    fn when_the_widest_words_do_not_fit_headings_keep_theirs() {
        let widths = column_widths(
            &[
                needs(1.0, 40.0, 200.0, 900.0),
                needs(1.0, 60.0, 60.0, 900.0),
            ],
            200.0,
        );
        assert_eq!(widths, [140.0, 60.0]);
        // The column with the longest lines gives up room first.
        let widths = column_widths(
            &[needs(1.0, 40.0, 80.0, 100.0), needs(1.0, 40.0, 80.0, 900.0)],
            140.0,
        );
        assert_eq!(widths, [80.0, 60.0]);
        // And when the headings alone are too wide, the shares shrink but still add up.
        let widths = column_widths(
            &[
                needs(1.0, 300.0, 300.0, 900.0),
                needs(1.0, 100.0, 300.0, 900.0),
            ],
            200.0,
        );
        assert_sum(&widths, 200.0);
        assert_eq!(widths, [150.0, 50.0]);
    }
}
