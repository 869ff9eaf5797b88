//! The look of the PDF: page geometry, type sizes, spacing, colours and the fill patterns that
//! tell the bands apart without colour.
//!
//! Owns: every number a designer might want to change, in points (1/72 inch).
//! Must not touch: text, layout decisions or PDF objects.

use crate::definition::Tone;
use crate::report::Orientation;

/// A colour, each channel 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Colour(pub(crate) f32, pub(crate) f32, pub(crate) f32);

impl Colour {
    /// From 0xRRGGBB.
    const fn hex(rgb: u32) -> Self {
        Self(
            ((rgb >> 16) & 0xff) as f32 / 255.0,
            ((rgb >> 8) & 0xff) as f32 / 255.0,
            (rgb & 0xff) as f32 / 255.0,
        )
    }
}

/// Body text: near-black, 18:1 on white.
pub(crate) const INK: Colour = Colour::hex(0x111111);
/// Captions, notes and the footer: dark grey, 10:1 on white.
pub(crate) const INK_SOFT: Colour = Colour::hex(0x404040);
/// Headings' rule, notice borders and the cover band: dark blue, 9:1 on white.
pub(crate) const ACCENT: Colour = Colour::hex(0x1d4f91);
/// The inside of a notice (body text on it is 17:1).
pub(crate) const NOTICE_FILL: Colour = Colour::hex(0xeef2f8);
/// Table header rows.
pub(crate) const HEADER_FILL: Colour = Colour::hex(0xe3e7ed);
/// Table grid lines.
pub(crate) const GRID: Colour = Colour::hex(0x8a8f96);
/// Light rules between facts.
pub(crate) const RULE: Colour = Colour::hex(0xc4c8cd);
/// The empty part of a bar's track.
pub(crate) const TRACK_FILL: Colour = Colour::hex(0xf2f2f2);
/// The outline of tracks, bars and swatches: dark enough (>3:1) to show every bar's shape
/// whatever its fill.
pub(crate) const OUTLINE: Colour = Colour::hex(0x333333);
/// A quotation's left bar.
pub(crate) const QUOTE_BAR: Colour = Colour::hex(0x8a8f96);

/// A4 in points.
const A4_SHORT: f32 = 595.276;
const A4_LONG: f32 = 841.89;

/// The page and where content may go.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PageGeometry {
    /// Page width.
    pub(crate) width: f32,
    /// Page height.
    pub(crate) height: f32,
    /// Left and right margin.
    pub(crate) margin_x: f32,
    /// Top of the content area, from the top of the page.
    pub(crate) top: f32,
    /// Bottom of the content area, from the top of the page.
    pub(crate) bottom: f32,
}

impl PageGeometry {
    /// A4, either way up, with 20 mm margins and room for the footer.
    pub(crate) fn a4(orientation: Orientation) -> Self {
        let (width, height) = match orientation {
            Orientation::Portrait => (A4_SHORT, A4_LONG),
            Orientation::Landscape => (A4_LONG, A4_SHORT),
        };
        Self {
            width,
            height,
            margin_x: 56.7,
            top: 56.7,
            bottom: height - 70.0,
        }
    }

    /// The width of the content area.
    pub(crate) fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin_x
    }

    /// The height of the content area.
    pub(crate) fn content_height(&self) -> f32 {
        self.bottom - self.top
    }

    /// Baseline of the footer's first line, from the top of the page.
    pub(crate) fn footer_baseline(&self) -> f32 {
        self.height - 44.0
    }

    /// The footer's rule, from the top of the page.
    pub(crate) fn footer_rule(&self) -> f32 {
        self.height - 58.0
    }
}

/// A type size and the distance between baselines.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Type {
    /// Size in points.
    pub(crate) size: f32,
    /// Baseline to baseline.
    pub(crate) leading: f32,
}

/// Body text: 11 pt on 16.5 pt (1.5).
pub(crate) const BODY: Type = Type {
    size: 11.0,
    leading: 16.5,
};
/// Lead paragraphs and key figures.
pub(crate) const LEAD: Type = Type {
    size: 13.0,
    leading: 19.0,
};
/// Notes and captions.
pub(crate) const SMALL: Type = Type {
    size: 9.5,
    leading: 13.5,
};
/// Table cells.
pub(crate) const TABLE: Type = Type {
    size: 10.0,
    leading: 14.0,
};
/// The footer.
pub(crate) const FOOTER: Type = Type {
    size: 9.0,
    leading: 12.0,
};
/// Headings by level (1, 2, 3).
pub(crate) const HEADINGS: [Type; 3] = [
    Type {
        size: 20.0,
        leading: 25.0,
    },
    Type {
        size: 15.0,
        leading: 20.0,
    },
    Type {
        size: 12.5,
        leading: 17.0,
    },
];
/// Space above a heading, by level.
pub(crate) const HEADING_SPACE: [f32; 3] = [20.0, 16.0, 12.0];
/// The cover's title.
pub(crate) const COVER_TITLE: Type = Type {
    size: 28.0,
    leading: 35.0,
};
/// The cover's subtitle.
pub(crate) const COVER_SUBTITLE: Type = Type {
    size: 16.0,
    leading: 22.0,
};

/// Space between paragraphs and other blocks.
pub(crate) const BLOCK_SPACE: f32 = 9.0;
/// Space between list items.
pub(crate) const ITEM_SPACE: f32 = 3.0;
/// Inner padding of table cells, across.
pub(crate) const CELL_PAD_X: f32 = 5.0;
/// Space each side of a table cell's text when the table's widest words do not fit otherwise.
pub(crate) const CELL_PAD_X_TIGHT: f32 = 3.0;
/// Inner padding of table cells, up and down.
pub(crate) const CELL_PAD_Y: f32 = 4.0;
/// Inner padding of notices.
pub(crate) const NOTICE_PAD: f32 = 9.0;
/// Indent of quotations and list text.
pub(crate) const INDENT: f32 = 16.0;
/// Bar thickness.
pub(crate) const BAR_HEIGHT: f32 = 13.0;
/// Gap between a bar chart's columns.
pub(crate) const BAR_GAP: f32 = 10.0;

/// How a band's bars are filled, so that tones differ in pattern as well as colour (and still
/// differ when printed in black and white).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Pattern {
    /// A plain fill.
    Solid,
    /// Diagonal stripes rising to the right.
    Diagonal,
    /// Crossed diagonal stripes.
    CrossHatch,
    /// Horizontal lines.
    Horizontal,
}

/// The fill of a bar in a given tone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ToneStyle {
    /// The background colour.
    pub(crate) fill: Colour,
    /// The pattern drawn over it.
    pub(crate) pattern: Pattern,
    /// The colour of the pattern's lines.
    pub(crate) ink: Colour,
    /// The words for the key.
    pub(crate) key: &'static str,
}

/// The style of each tone: green solid, amber striped, red cross-hatched, neutral lined.
pub(crate) fn tone_style(tone: Tone) -> ToneStyle {
    match tone {
        Tone::Green => ToneStyle {
            fill: Colour::hex(0x00703c),
            pattern: Pattern::Solid,
            ink: Colour::hex(0x00703c),
            key: "Green (solid)",
        },
        Tone::Amber => ToneStyle {
            fill: Colour::hex(0xffbf47),
            pattern: Pattern::Diagonal,
            ink: Colour::hex(0x594000),
            key: "Amber (stripes)",
        },
        Tone::Red => ToneStyle {
            fill: Colour::hex(0xe8806f),
            pattern: Pattern::CrossHatch,
            ink: Colour::hex(0x6e1608),
            key: "Red (cross-hatch)",
        },
        Tone::Neutral => ToneStyle {
            fill: Colour::hex(0xc9d3de),
            pattern: Pattern::Horizontal,
            ink: Colour::hex(0x3b4652),
            key: "No rating (lines)",
        },
    }
}
