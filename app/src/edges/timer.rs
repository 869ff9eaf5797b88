//! Repeating timers that stop when their owner is dropped.

use wasm_bindgen::prelude::*;

/// A repeating timer; dropping it stops it.
pub struct Interval {
    id: i32,
    _closure: Closure<dyn FnMut()>,
}

impl Interval {
    /// Calls `tick` every `millis` milliseconds until dropped. `None` when the browser refused.
    pub fn new(millis: i32, tick: impl FnMut() + 'static) -> Option<Interval> {
        let closure = Closure::<dyn FnMut()>::new(tick);
        let id = web_sys::window()?
            .set_interval_with_callback_and_timeout_and_arguments_0(
                closure.as_ref().unchecked_ref(),
                millis,
            )
            .ok()?;
        Some(Interval {
            id,
            _closure: closure,
        })
    }
}

impl Drop for Interval {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_interval_with_handle(self.id);
        }
    }
}

/// Opens the browser's print dialogue.
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
