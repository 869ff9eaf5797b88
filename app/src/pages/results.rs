//! Results: for an audit, the scores, comparisons, strengths, priorities, plan and caveats; for a
//! feedback collection, the combined report with small groups suppressed. Both are the core's
//! neutral report, rendered as HTML here and as a PDF by the worker, so the two never differ.

use leptos::prelude::*;
use mhsw::benchmark::peers;
use mhsw::definition::{Definition, ToolKind};
use mhsw::ids::WorkId;
use mhsw::lang::Lang;
use mhsw::report::audit::legal_risks_heading;
use mhsw::report::Report;
use mhsw::work::Work;

use mhsw::messages::problems;
use mhsw::messages::reports as say;

use crate::components::file_chooser::{self, FileChooser};
use crate::components::report_view::ReportView;
use crate::edges::{clock, files, pdf_worker, storage};
use crate::later::Outcome;
use crate::route::Route;
use crate::state::AppState;

/// Builds the report for a piece of work, with its comparisons and language as `context` says
/// (the core decides the content); a statement's latest audit is chosen by the core from the
/// saved work.
pub fn build_report(
    definition: &Definition,
    work: &Work,
    state: &AppState,
    context: mhsw::report::Context,
) -> Report {
    let audit = audit_drawn_on(definition, state);
    state.with_all_works(|works| {
        let latest = audit.as_ref().and_then(|audit| {
            mhsw::work::latest_leaders_audit(works.iter().copied(), &audit.id)
                .map(|w| (audit.as_ref(), w))
        });
        let context = mhsw::report::Context {
            latest_audit: latest,
            ..context
        };
        mhsw::report::report_for_work(definition, work, context, clock::today())
    })
}

/// The questionnaire of the audit a statement (`definition`) draws its current position from,
/// when it is one and that questionnaire is loaded.
fn audit_drawn_on(definition: &Definition, state: &AppState) -> Option<std::sync::Arc<Definition>> {
    mhsw::report::statement::audit_drawn_on(definition).and_then(|id| {
        state
            .questionnaires
            .with_untracked(|c| c.checked().and_then(|c| c.get(id)))
    })
}

/// The results page.
#[component]
pub fn ResultsPage(
    /// The work's id.
    id: WorkId,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.page_lang;
    let (signal, definition) = match super::work_and_definition(&state, &id) {
        Ok(found) => found,
        Err(page) => return page,
    };
    let is_audit = definition.kind == ToolKind::Audit;
    let is_feedback = definition.kind == ToolKind::Feedback;
    let is_statement = definition.kind == ToolKind::Statement;
    // The previous cycle chosen last time for this audit (kept on the device, so that Back
    // from the plan, or the next visit, shows the same comparison).
    let previous_id = RwSignal::new(storage::previous_cycle(&id));
    let practitioners_id = RwSignal::new(None::<WorkId>);
    let feedback_id = RwSignal::new(None::<WorkId>);
    // Works that can be set beside this audit: practitioners' answers to the same questionnaire,
    // and feedback collections.
    let definition_for_choices = definition.clone();
    let id_for_choices = id.clone();
    let choices = move |practitioners: bool| {
        state.works.with(|works| {
            works
                .signals()
                .filter_map(|s| {
                    s.with(|h| {
                        let w = &h.work;
                        let fits = if practitioners {
                            w.id != id_for_choices
                                && w.definition.id == definition_for_choices.id
                                && w.perspective == mhsw::work::Perspective::Practitioners
                        } else {
                            w.collection.is_some()
                        };
                        fits.then(|| (w.id.clone(), w.name.clone()))
                    })
                })
                .collect::<Vec<_>>()
        })
    };
    let definition_id = definition.id.clone();
    let peer_text = RwSignal::new(storage::peer_set_text(&definition_id));
    let peer_set = Memo::new(move |_| {
        peer_text.with(|t| t.as_deref().and_then(|t| peers::parse_peer_set(t).ok()))
    });
    let id_for_others = id.clone();
    let definition_for_others = definition.clone();
    let others = move || {
        state.works.with(|works| {
            works
                .signals()
                .filter_map(|s| {
                    s.with(|h| {
                        (h.work.id != id_for_others
                            && h.work.definition.id == definition_for_others.id)
                            .then(|| {
                                (
                                    h.work.id.clone(),
                                    say::previous_cycle_option(
                                        lang.get(),
                                        &h.work.name,
                                        h.work.updated,
                                    ),
                                )
                            })
                    })
                })
                .collect::<Vec<_>>()
        })
    };
    // A bilingual feedback collection's report can be read in English or Welsh (Welsh first when
    // the collection offers Welsh first); the page and the PDF follow the choice.
    let language_choice =
        signal.with_untracked(|h| mhsw::report::report_language_choice(&definition, &h.work));
    // The language chosen last time for this work, if it is still offered; else the first.
    let remembered = storage::report_language(&id).and_then(|code| Lang::from_code(&code));
    let report_lang = RwSignal::new(language_choice.as_ref().map(|(languages, first)| {
        remembered
            .filter(|lang| languages.contains(lang))
            .unwrap_or(*first)
    }));
    let definition_for_report = definition.clone();
    let report = Memo::new(move |_| {
        let previous = previous_id
            .get()
            .and_then(|p| state.work(&p))
            .map(|s| s.get().work);
        let practitioners = practitioners_id
            .get()
            .and_then(|p| state.work(&p))
            .map(|s| s.get().work);
        let feedback = feedback_id
            .get()
            .and_then(|f| state.work(&f))
            .map(|s| s.get().work)
            .and_then(|w| state.definition_of(&w).map(|d| (d, w)));
        signal.with(|h| {
            build_report(
                &definition_for_report,
                &h.work,
                &state,
                mhsw::report::Context {
                    previous: previous.as_ref(),
                    peers: peer_set.get().as_ref(),
                    practitioners: practitioners.as_ref(),
                    feedback: feedback.as_ref().map(|(d, w)| (d.as_ref(), w)),
                    // An audit's or a statement's report is written in the lead's
                    // language; a bilingual feedback report in the one chosen for it.
                    language: report_lang
                        .get()
                        .or_else(|| (!is_feedback).then(|| lang.get())),
                    ..Default::default()
                },
            )
        })
    });
    // The questionnaire's texts that a report in another language keeps in their own (an
    // English section's title in a Welsh audit report), so the page can mark them.
    // A statement's current position gives the titles and bands of the audit it draws on.
    let definition_for_marks = std::sync::Arc::clone(&definition);
    let drawn_on = audit_drawn_on(&definition, &state);
    let other_language = move |report: &Report| {
        let lang = mhsw::report::words::lang_of_tag(&report.meta.language);
        let mut texts = mhsw::report::audit::texts_not_in(&definition_for_marks, lang);
        if let Some(audit) = drawn_on
            .as_ref()
            .filter(|a| a.primary_language() == definition_for_marks.primary_language())
        {
            texts.extend(mhsw::report::audit::texts_not_in(audit, lang));
        }
        (!texts.is_empty()).then(|| {
            (
                definition_for_marks.primary_language(),
                std::sync::Arc::new(texts),
            )
        })
    };
    let other_language_top = other_language.clone();
    // Each PDF is its own action: its button says "Making the PDF…" and ignores clicks while it
    // runs (so a double click makes one file), and its answer is its own.
    let make_pdf = move |plan_only: bool| {
        let definition = definition.clone();
        let (report, name) = signal.with_untracked(|h| {
            let report = if plan_only {
                build_report(
                    &definition,
                    &h.work,
                    &state,
                    mhsw::report::Context {
                        plan_only: true,
                        language: Some(lang.get_untracked()),
                        ..Default::default()
                    },
                )
            } else {
                report.get_untracked()
            };
            (report, h.work.name.clone())
        });
        let page = lang.get_untracked();
        let written_in = mhsw::report::words::lang_of_tag(&report.meta.language);
        async move {
            let started = clock::now_ms();
            let json = serde_json::to_string(&report)
                .map_err(|e| problems::report_not_in_form(page, &e.to_string()))?;
            let made = pdf_worker::render(json, page)
                .await
                .map_err(|e| format!("{}. {}", e.in_lang(page), say::pdf_try_again(page)))?;
            let file = format!(
                "{}{}.pdf",
                files::safe_file_stem(&name),
                if plan_only { "-plan" } else { "" }
            );
            files::download_bytes(&file, "application/pdf", &made.bytes)
                .map_err(|e| e.in_lang(page))?;
            Ok::<PdfMade, String>(PdfMade {
                lang: written_in,
                kilobytes: made.bytes.len().div_ceil(1024),
                milliseconds: clock::now_ms() - started,
                file,
                unshown: made.unshown,
            })
        }
    };
    let report_pdf = {
        let make_pdf = make_pdf.clone();
        Action::new_local(move |_: &()| make_pdf(false))
    };
    let plan_pdf = Action::new_local(move |_: &()| make_pdf(true));
    let peer_status = RwSignal::new(None::<Outcome>);
    let peer_file = {
        let definition_id = definition_id.clone();
        move |ev: leptos::ev::Event| {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            let chosen = files::chosen_files(&input);
            input.set_value("");
            let definition_id = definition_id.clone();
            leptos::task::spawn_local(async move {
                let Some(file) = chosen.into_iter().next() else {
                    return;
                };
                let page = lang.get_untracked();
                let outcome = match files::read_text(&file).await {
                    Err(e) => Err(e.in_lang(page)),
                    // The JSON file a lead most often has to hand is one they exported.
                    Ok(text) if mhsw::work::is_toolkit_export(&text) => {
                        Err(problems::exported_work_not_peer_set(page).to_owned())
                    }
                    Ok(text) => match peers::parse_peer_set_in(&text, page) {
                        Err(e) => Err(e.to_string()),
                        Ok(set) if set.definition != definition_id => {
                            Err(problems::peers_for_other(page, set.definition.as_str()))
                        }
                        Ok(_) => storage::save_peer_set_text(&definition_id, &text)
                            .map(|()| peer_text.set(Some(text)))
                            .map_err(|e| e.in_lang(page)),
                    },
                };
                peer_status.set(Some(match outcome {
                    Ok(()) => Outcome::Done(say::peers_imported(lang.get_untracked()).to_owned()),
                    Err(why) => {
                        Outcome::NotDone(say::peers_not_imported(lang.get_untracked(), &why))
                    }
                }));
            });
        }
    };
    let remove_peers = move |_| {
        storage::remove_peer_set(&definition_id);
        peer_text.set(None);
        // "The peer reference set was imported." is no longer true once it is gone.
        peer_status.set(None);
        // The button is gone with the comparison: focus goes to the control that brings one
        // back, not to the page itself.
        crate::edges::history::focus_id_when_drawn(&file_chooser::button_id("peer-file"));
    };
    view! {
        <p class="breadcrumb"><a href=Route::Home.href()>{move || mhsw::messages::frame::home(lang.get())}</a>" › "<a href=Route::Work(id.clone()).href()>{move || signal.with(|h| h.work.name.clone())}</a></p>
        // A statement is a document, not results (its page was titled "Results: …").
        <h1>{move || {
            let name = signal.with(|h| h.work.name.clone());
            if is_statement { say::statement_of(lang.get(), &name) } else { say::results_of(lang.get(), &name) }
        }}</h1>
        // The legal risks first, above the controls; the rest of the same report below them.
        {move || {
            let mut whole = report.get();
            let heading = legal_risks_heading(mhsw::report::words::lang_of_tag(&whole.meta.language));
            let blocks = whole.take_opening_part(heading);
            let other = other_language_top(&whole);
            (!blocks.is_empty()).then(|| view! { <ReportView report=Report { blocks, cover: None, ..whole } other_language=other /> })
        }}
        {is_audit.then(|| view! {
            <section class="compare-controls" aria-labelledby="compare-heading">
                <h2 id="compare-heading">{move || say::compare(lang.get())}</h2>
                <div class="field">
                    <label for="previous-cycle">{move || say::compare_previous(lang.get())}</label>
                    <p class="hint" id="previous-cycle-hint">{move || say::compare_previous_hint(lang.get())}</p>
                    <select id="previous-cycle" aria-describedby="previous-cycle-hint" on:change={
                        let work = id.clone();
                        move |ev| {
                            let value = event_target_value(&ev);
                            let previous = (!value.is_empty()).then(|| WorkId::new(value));
                            storage::remember_previous_cycle(&work, previous.as_ref());
                            previous_id.set(previous);
                        }
                    }>
                        <option value="">{move || say::no_comparison(lang.get())}</option>
                        {move || others().into_iter().map(|(id, label)| view! { <option value=id.to_string() selected=move || previous_id.get().as_ref() == Some(&id)>{label}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="side-practitioners">{move || say::beside_practitioners(lang.get())}</label>
                    <p class="hint" id="side-practitioners-hint">{move || say::beside_practitioners_hint(lang.get())}</p>
                    <select id="side-practitioners" aria-describedby="side-practitioners-hint" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        practitioners_id.set((!value.is_empty()).then(|| WorkId::new(value)));
                    }>
                        <option value="">{move || say::none(lang.get())}</option>
                        {let choices = choices.clone(); move || choices(true).into_iter().map(|(id, label)| view! { <option value=id.to_string()>{label}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="side-feedback">{move || say::beside_feedback(lang.get())}</label>
                    <p class="hint" id="side-feedback-hint">{move || say::beside_feedback_hint(lang.get())}</p>
                    <select id="side-feedback" aria-describedby="side-feedback-hint" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        feedback_id.set((!value.is_empty()).then(|| WorkId::new(value)));
                    }>
                        <option value="">{move || say::none(lang.get())}</option>
                        {let choices = choices.clone(); move || choices(false).into_iter().map(|(id, label)| view! { <option value=id.to_string()>{label}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <FileChooser id="peer-file" label=move || say::compare_peers(lang.get()) hint="peer-file-hint"
                        choose=move || mhsw::messages::frame::choose_file(lang.get()) on_change=peer_file>
                        {move || say::compare_peers_hint(lang.get())}
                    </FileChooser>
                    // What became of the file chosen, beside its chooser.
                    <div role="status" aria-live="polite">{move || peer_status.get().map(Outcome::notice)}</div>
                    {move || peer_set.get().map(|_| view! { <p>{move || say::peers_in_use(lang.get())}<button type="button" class="link-button" on:click=remove_peers.clone()>{move || say::stop_peers(lang.get())}</button></p> })}
                </div>
            </section>
        })}
        {language_choice.map(|(languages, _)| {
            let work = id.clone();
            let remember = Callback::new(move |lang: Lang| storage::remember_report_language(&work, lang.code()));
            view! { <ReportLanguage languages=languages chosen=report_lang remember=remember /> }
        })}
        <div class="button-row">
            <PdfButton job=report_pdf label=say::download_report_pdf primary=true />
            {is_audit.then(|| view! { <PdfButton job=plan_pdf label=say::download_plan_pdf primary=false /> })}
            {is_audit.then(|| view! { <a class="button secondary" href=Route::Plan(id.clone()).href()>{move || say::edit_plan(lang.get())}</a> })}
        </div>
        <div role="status" aria-live="polite" class="pdf-status">
            {move || pdf_message(report_pdf, false, lang.get())}
            {move || is_audit.then(|| pdf_message(plan_pdf, true, lang.get()))}
        </div>
        {move || {
            let mut rest = report.get();
            let heading = legal_risks_heading(mhsw::report::words::lang_of_tag(&rest.meta.language));
            rest.take_opening_part(heading);
            let other = other_language(&rest);
            view! { <ReportView report=rest other_language=other /> }
        }}
    }
    .into_any()
}

/// The choice of a report's language: a radio group with a visible legend, each language
/// named in itself ("English", "Cymraeg") and marked with its own `lang`.
#[component]
fn ReportLanguage(
    /// The languages to choose from, in the order listed.
    languages: Vec<Lang>,
    /// The language chosen; the report on the page and its PDF follow it.
    chosen: RwSignal<Option<Lang>>,
    /// Keeps the choice for this work's next visit.
    remember: Callback<Lang>,
) -> impl IntoView {
    let page = AppState::expect().page_lang;
    view! {
        <fieldset class="question report-language">
            <legend>{move || say::report_language(page.get())}</legend>
            <p class="hint">{move || say::report_language_hint(page.get())}</p>
            <div class="choices choices-inline">
                {languages.into_iter().map(|lang| {
                    let id = format!("report-language-{}", lang.code());
                    view! {
                        <div class="choice">
                            <input type="radio" name="report-language" id=id.clone() value=lang.code()
                                prop:checked=move || chosen.get() == Some(lang)
                                on:change=move |_| { chosen.set(Some(lang)); remember.run(lang); } />
                            <label for=id lang=lang.bcp47()>{lang.own_name()}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

/// A PDF being made, or made: its action, answering with what to tell the user.
type PdfJob = Action<(), Result<PdfMade, String>>;

/// What to say about a PDF that was made. That it is ready is said in the page's language of
/// the moment, so it follows a switch to Cymraeg or English.
#[derive(Debug, Clone)]
struct PdfMade {
    /// The language it is written in.
    lang: Lang,
    /// Its file's name.
    file: String,
    /// Its size in kilobytes, rounded up.
    kilobytes: usize,
    /// How long it took to make.
    milliseconds: f64,
    /// Which characters could not be drawn and where, when some could not.
    unshown: Option<String>,
}

/// A button that makes one PDF. While its PDF is being made it is marked disabled, a click does
/// nothing, and a second line under its label says "Making the PDF…"; the second click of a
/// double click never asks again, even when the first PDF is already made. It stays focusable (so
/// focus is never lost) and never narrows (so the second click of a double click cannot land
/// on whatever sits beside it).
#[component]
fn PdfButton(
    /// The PDF it makes.
    job: PdfJob,
    /// What it says when it is ready to be pressed, in the page's language.
    label: fn(mhsw::lang::Lang) -> &'static str,
    /// The page's main button (otherwise a secondary one).
    primary: bool,
) -> impl IntoView {
    let busy = job.pending();
    let lang = AppState::expect().page_lang;
    view! {
        <button type="button" class:secondary=!primary
            aria-disabled=move || busy.get().then_some("true")
            on:click=move |ev: leptos::ev::MouseEvent| {
                // The second click of a double click (`detail` 2 or more) is never a new
                // request, however quickly the first PDF was made; a key press has `detail` 0.
                if !busy.get_untracked() && ev.detail() <= 1 {
                    job.dispatch(());
                }
            }>
            {move || label(lang.get())}
            {move || busy.get().then(|| view! { <span class="pdf-busy">{say::making_pdf(lang.get())}</span> })}
        </button>
    }
}

/// What a PDF's action says in the status area: that it is being made, or how it ended.
fn pdf_message(job: PdfJob, plan: bool, lang: Lang) -> Option<AnyView> {
    if job.pending().get() {
        let text = say::making_which_pdf(lang, plan);
        return Some(view! { <p class="notice">{text}</p> }.into_any());
    }
    job.value().get().map(|outcome| match outcome {
        Ok(PdfMade { lang: written_in, file, kilobytes, milliseconds, unshown }) => view! {
            <p class="notice">{say::pdf_ready(lang, written_in, &file, kilobytes, milliseconds)}</p>
            // In words, not colour alone: the heading says what it is.
            {unshown.map(|text| view! {
                <p class="notice notice-warning"><strong>{say::check_before_sharing(lang)}</strong>{text}</p>
            })}
        }
        .into_any(),
        Err(text) => view! { <p class="notice notice-warning">{text}</p> }.into_any(),
    })
}
