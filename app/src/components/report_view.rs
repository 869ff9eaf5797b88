//! `ReportView` renders a core `Report` as HTML: the same blocks, in the same order and words, as
//! the PDF. Bar charts are SVG with their values and bands in words beside every bar, followed by
//! a table that says the same thing. Every piece of text is rendered as text, never as markup.

use leptos::prelude::*;
use mhsw::definition::Tone;
use mhsw::lang::Lang;
use mhsw::report::words::{chart_table, lang_of_tag};
use mhsw::report::{BarChart, Block, Report, Table, TextStyle};

/// The CSS class of a band's tone.
pub fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Red => "tone-red",
        Tone::Amber => "tone-amber",
        Tone::Green => "tone-green",
        Tone::Neutral => "tone-neutral",
    }
}

/// Renders a report's blocks (the cover becomes a heading and facts).
#[component]
pub fn ReportView(
    /// The report to render.
    report: Report,
    /// The heading level the report's level-1 headings become (2 when the page has its own h1).
    #[prop(default = 2)]
    base_level: u8,
    /// Texts of the questionnaire's that the report gives in another language than its own
    /// (an English section's title in a Welsh audit report), with that language: headings and
    /// labels with exactly these words carry its `lang`.
    #[prop(default = None)]
    other_language: Option<(Lang, std::sync::Arc<std::collections::BTreeSet<String>>)>,
) -> impl IntoView {
    let marks = Marks(other_language);
    // A report in another language than the page's (a Welsh feedback report on an English
    // page, an English audit report on a Welsh one) says so, for screen readers and
    // hyphenation; a report in the page's language adds nothing.
    let lang = lang_of_tag(&report.meta.language);
    let page = crate::state::AppState::expect().page_lang;
    let lang_attribute = move || (lang != page.get()).then(|| lang.bcp47());
    let cover = report.cover.clone().map(|cover| {
        view! {
            <div class="report-block">
                <dl class="facts">
                    {cover.facts.iter().map(|f| view! { <div><dt>{f.label.clone()}</dt><dd>{f.value.clone()}</dd></div> }).collect_view()}
                </dl>
                <p class="alignment">{cover.statement.clone()}</p>
            </div>
        }
    });
    let mut chart_number = 0usize;
    let blocks = report
        .blocks
        .into_iter()
        .map(|block| match block {
            Block::Heading { level, text } => {
                let level = (level + base_level - 1).clamp(2, 6);
                let text = marks.words(&text);
                match level {
                    2 => view! { <h2>{text}</h2> }.into_any(),
                    3 => view! { <h3>{text}</h3> }.into_any(),
                    4 => view! { <h4>{text}</h4> }.into_any(),
                    _ => view! { <h5>{text}</h5> }.into_any(),
                }
            }
            Block::Paragraph { text, style } => {
                let text = marks.words(&text);
                match style {
                    TextStyle::Lead => view! { <p class="lead pre-line">{text}</p> }.into_any(),
                    TextStyle::Small => view! { <p class="hint pre-line">{text}</p> }.into_any(),
                    TextStyle::Quote => view! { <blockquote class="report-quote">{text}</blockquote> }.into_any(),
                    TextStyle::Normal => view! { <p class="pre-line">{text}</p> }.into_any(),
                }
            }
            Block::Notice { title, text } => view! {
                <div class="notice report-block"><h3>{marks.words(&title)}</h3><p class="pre-line">{marks.words(&text)}</p></div>
            }
            .into_any(),
            Block::Facts(facts) => view! {
                <dl class="facts report-block">
                    {facts.into_iter().map(|f| view! { <div><dt>{marks.words(&f.label)}</dt><dd>{marks.words(&f.value)}</dd></div> }).collect_view()}
                </dl>
            }
            .into_any(),
            Block::Bullets(items) => view! {
                <ul class="report-block">{items.into_iter().map(|i| view! { <li>{marks.words(&i)}</li> }).collect_view()}</ul>
            }
            .into_any(),
            Block::Warnings(items) => view! {
                <ul class="report-block warnings">
                    {items.into_iter().map(|i| view! { <li><WarningSign />{marks.words(&i)}</li> }).collect_view()}
                </ul>
            }
            .into_any(),
            Block::BarChart(chart) => {
                chart_number += 1;
                view! { <BarChartView chart=chart number=chart_number lang=lang marks=marks.clone() /> }.into_any()
            }
            Block::Table(table) => view! { <TableView table=table marks=marks.clone() /> }.into_any(),
            Block::PageBreak => ().into_any(),
        })
        .collect_view();
    view! { <div class="report" lang=lang_attribute>{cover}{blocks}</div> }
}

/// The texts of a report given in another language than its own (an English section title in
/// a Welsh audit report), with that language: wherever they stand in the report's words, they
/// are drawn in an element of their own carrying its `lang`, so a screen reader reads them in
/// the right voice (WCAG 3.1.2).
#[derive(Clone, Default)]
pub struct Marks(Option<(Lang, std::sync::Arc<std::collections::BTreeSet<String>>)>);

impl Marks {
    /// Marks `texts` as being in `lang` wherever they stand.
    pub fn new(lang: Lang, texts: std::sync::Arc<std::collections::BTreeSet<String>>) -> Self {
        Self(Some((lang, texts)))
    }

    /// `text` as text, its runs in the other language marked.
    pub fn words(&self, text: &str) -> AnyView {
        let Some((lang, others)) = &self.0 else {
            return text.to_owned().into_any();
        };
        let runs = mhsw::report::audit::runs_in_other_language(text, others);
        if let [(false, _)] = runs.as_slice() {
            return text.to_owned().into_any();
        }
        let lang = lang.bcp47();
        let runs = runs
            .into_iter()
            .map(|(other, run)| match other {
                true => view! { <span lang=lang>{run.to_owned()}</span> }.into_any(),
                false => run.to_owned().into_any(),
            })
            .collect_view();
        // One element, so a flex row (a warning's sign and words) keeps the words together.
        view! { <span>{runs}</span> }.into_any()
    }
}

/// A warning sign (a triangle with an exclamation mark) drawn before a warning's words. It is
/// hidden from assistive technology: the words beside it say what it is ("Legal risk: …").
#[component]
pub fn WarningSign() -> impl IntoView {
    view! {
        <svg class="warning-sign" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d="M12 2 L23 22 H1 Z" fill="currentColor"></path>
            <path d="M11 9 H13 V15 H11 Z M11 17 H13 V19 H11 Z" fill="#ffffff"></path>
        </svg>
    }
}

/// A horizontal bar chart, with a table of the same values.
///
/// Drawn in HTML, not SVG: each bar's name is text that wraps above it and its value sits after
/// it, or under it where there is no room, so on a phone or at 400% zoom the chart fits the
/// screen with its words at the page's size (an SVG kept its words readable only by keeping its
/// width and scrolling sideways). The bars of every row share one width, so their lengths
/// compare. A bar's tone is in its words and its pattern, never in its colour alone.
#[component]
pub fn BarChartView(
    /// The chart.
    chart: BarChart,
    /// Its number on the page, for unique ids.
    number: usize,
    /// The language of the words the table adds (its caption and headings).
    #[prop(default = Lang::En)]
    lang: Lang,
    /// The chart's words in another language than the report's.
    #[prop(default = Marks::default())]
    marks: Marks,
) -> impl IntoView {
    let (region_label, table_caption, [measure, result, comparison]) =
        chart_table(lang, &chart.caption);
    let caption_id = format!("chart-{number}-caption");
    let percent = |p: f64| format!("{}%", p.clamp(0.0, 100.0));
    let bars = chart
        .bars
        .iter()
        .map(|bar| {
            let tone = match bar.tone {
                Tone::Red => "chart-bar bar-red",
                Tone::Amber => "chart-bar bar-amber",
                Tone::Green => "chart-bar bar-green",
                Tone::Neutral => "chart-bar bar-neutral",
            };
            let marker = bar.marker.as_ref().map(|m| {
                view! { <span class="chart-marker" style:left=percent(m.percent) title=m.label.clone()></span> }
            });
            view! {
                <p class="chart-label">{marks.words(&bar.label)}</p>
                <div class="chart-track">
                    {bar.percent.map(|p| view! { <span class=tone style:width=percent(p)></span> })}
                    {marker}
                </div>
                <p class="chart-value">{marks.words(&bar.value_label)}</p>
            }
        })
        .collect_view();
    let axis = [0.0, 25.0, 50.0, 75.0, 100.0]
        .into_iter()
        .map(|p| view! { <span style:left=percent(p)>{percent(p)}</span> })
        .collect_view();
    let has_markers = chart.bars.iter().any(|b| b.marker.is_some());
    let rows = chart
        .bars
        .iter()
        .map(|bar| {
            view! {
                <tr>
                    <th scope="row">{marks.words(&bar.label)}</th>
                    <td><span class=format!("band {}", tone_class(bar.tone))>{marks.words(&bar.value_label)}</span></td>
                    {has_markers.then(|| view! { <td>{bar.marker.as_ref().map(|m| m.label.clone()).unwrap_or_default()}</td> })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="report-block">
            <figcaption id=caption_id.clone()><strong>{marks.words(&chart.caption)}</strong></figcaption>
            // One picture for a screen reader, named by the caption: the table after it gives
            // the same figures to read.
            <div class="chart" role="img" aria-labelledby=caption_id>
                {bars}
                <div class="chart-axis">{axis}</div>
            </div>
            // A table that may scroll sideways on a small screen is a named region that takes
            // focus, so it can be scrolled by keyboard (WCAG 2.1.1) and is announced by name.
            <div class="table-wrap" role="region" tabindex="0" aria-label=region_label>
                <table class="data-table">
                    <caption>{table_caption}</caption>
                    <thead><tr><th scope="col">{measure}</th><th scope="col">{result}</th>
                        {has_markers.then(|| view! { <th scope="col">{comparison}</th> })}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </figure>
    }
}

/// A table.
#[component]
pub fn TableView(
    /// The table.
    table: Table,
    /// The table's words in another language than the report's.
    #[prop(default = Marks::default())]
    marks: Marks,
) -> impl IntoView {
    view! {
        <div class="table-wrap report-block" role="region" tabindex="0" aria-label=table.caption.clone()>
            <table class="data-table">
                <caption>{marks.words(&table.caption)}</caption>
                <thead><tr>{table.columns.iter().map(|c| view! { <th scope="col">{marks.words(&c.heading)}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {table.rows.iter().map(|row| view! {
                        <tr>{row.iter().map(|cell| view! { <td class="pre-line">{marks.words(cell)}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
            {table.note.clone().map(|n| view! { <p class="hint">{n}</p> })}
        </div>
    }
}
