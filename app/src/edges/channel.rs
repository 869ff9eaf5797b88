//! Telling the app's other tabs and windows what this one changed in the work store
//! (`BroadcastChannel`): IndexedDB, unlike `localStorage`, has no event for other tabs.
//!
//! Owns: the channel and its two messages. A browser without the channel simply gets no
//! messages: the store's revisions still stop one tab silently overwriting another.

use std::cell::RefCell;

use mhsw::ids::WorkId;
use wasm_bindgen::prelude::*;

const NAME: &str = "mhsw-toolkit";
const CHANGED: &str = "changed:";
const REMOVED_ALL: &str = "removed-all";

thread_local! {
    static CHANNEL: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
}

/// A message from another tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// A piece of work was saved or deleted there.
    Changed(WorkId),
    /// Everything was removed there ("Remove all my data").
    RemovedAll,
}

fn channel() -> Option<web_sys::BroadcastChannel> {
    CHANNEL.with(|cell| {
        if cell.borrow().is_none() {
            *cell.borrow_mut() = web_sys::BroadcastChannel::new(NAME).ok();
        }
        cell.borrow().clone()
    })
}

fn post(text: &str) {
    if let Some(channel) = channel() {
        let _ = channel.post_message(&JsValue::from_str(text));
    }
}

/// Tells the other tabs that a piece of work was saved or deleted here.
pub fn announce_changed(id: &WorkId) {
    post(&format!("{CHANGED}{id}"));
}

/// Tells the other tabs that everything was removed here.
pub fn announce_removed_all() {
    post(REMOVED_ALL);
}

/// Calls `on_message` for every message from another tab.
pub fn listen(on_message: impl Fn(Message) + 'static) {
    let Some(channel) = channel() else { return };
    let closure =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            if let Some(id) = text.strip_prefix(CHANGED) {
                on_message(Message::Changed(WorkId::new(id)));
            } else if text == REMOVED_ALL {
                on_message(Message::RemovedAll);
            }
        });
    channel.set_onmessage(Some(closure.as_ref().unchecked_ref()));
    closure.forget();
}
