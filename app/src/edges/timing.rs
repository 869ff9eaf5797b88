//! User Timing marks and measures (`performance.mark`/`measure`), so `make bench` can read how
//! long the app's own steps take on the main thread. Nothing is sent anywhere: the browser
//! keeps them in the page's memory.

/// A step being timed; [`Timed::end`] records it as the measure `name`.
pub struct Timed {
    name: &'static str,
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// Records the User Timing mark `name` now (for example `mhsw:first-screen`).
pub fn mark(name: &str) {
    if let Some(performance) = performance() {
        let _ = performance.mark(name);
    }
}

/// Starts timing the step `name` (for example `mhsw:save-prepare`).
pub fn start(name: &'static str) -> Timed {
    if let Some(performance) = performance() {
        let _ = performance.mark(&format!("{name}:start"));
    }
    Timed { name }
}

impl Timed {
    /// Records the step as the measure `name`, from its start to now.
    pub fn end(self) {
        if let Some(performance) = performance() {
            let start = format!("{}:start", self.name);
            let end = format!("{}:end", self.name);
            let _ = performance.mark(&end);
            let _ = performance.measure_with_start_mark_and_end_mark(self.name, &start, &end);
            performance.clear_marks_with_mark_name(&start);
            performance.clear_marks_with_mark_name(&end);
        }
    }
}

/// Records a step another thread (a worker) timed, from `start` to `end` in milliseconds since
/// the epoch (`performance.timeOrigin + performance.now()` there), as the measure `name` here.
pub fn record(name: &str, start: f64, end: f64) {
    use wasm_bindgen::JsCast;
    let Some(performance) = performance() else {
        return;
    };
    let origin = performance.time_origin();
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"start".into(), &(start - origin).into());
    let _ = js_sys::Reflect::set(&options, &"end".into(), &(end - origin).into());
    if let Ok(measure) = js_sys::Reflect::get(&performance, &"measure".into())
        .and_then(|m| m.dyn_into::<js_sys::Function>())
    {
        let _ = measure.call2(&performance, &name.into(), &options);
    }
}

/// Milliseconds since the page started (`performance.now()`), for slicing long work.
pub fn now() -> f64 {
    performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Gives the page a turn: resolves from a new task (a message to itself, which unlike a timer
/// is never held back by the browser's minimum delay), so that a frame that is due is drawn
/// and input is handled before long work goes on.
pub async fn yield_to_page() {
    use wasm_bindgen::JsCast;
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return;
    };
    let turn = js_sys::Promise::new(&mut |resolve, _| {
        channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
    });
    let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
    let _ = wasm_bindgen_futures::JsFuture::from(turn).await;
    channel.port1().set_onmessage(None);
}

/// Records the User Timing mark `name` once per page load, when the first form control under
/// `root` is in the document and enabled and the browser has drawn the next frame: the moment
/// a person can use it. Checked at each animation frame until then (for at most ten seconds of
/// frames). `make bench` reads `mhsw:first-question` this way, and marks its SurveyJS
/// reference page by the same rule.
pub fn mark_when_usable(root: web_sys::Element, name: &'static str) {
    use leptos::prelude::{request_animation_frame, set_timeout};

    fn check(root: web_sys::Element, name: &'static str, frames_left: u32) {
        let Some(performance) = performance() else {
            return;
        };
        if performance.get_entries_by_name(name).length() > 0 {
            return;
        }
        let usable = root
            .query_selector("input, select, textarea")
            .ok()
            .flatten()
            .is_some_and(|control| {
                control.is_connected() && control.matches(":enabled").unwrap_or(false)
            });
        if usable {
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        if performance.get_entries_by_name(name).length() == 0 {
                            let _ = performance.mark(name);
                        }
                    },
                    std::time::Duration::ZERO,
                );
            });
        } else if frames_left > 0 {
            request_animation_frame(move || check(root, name, frames_left - 1));
        }
    }
    check(root, name, 600);
}
