//! Reading text aloud with the Web Speech API, where the browser has it.

/// True when this browser can speak.
pub fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.speech_synthesis().ok())
        .is_some()
}

/// Reads the text aloud in British English, stopping anything already being read.
pub fn speak(text: &str) {
    speak_in(text, "en-GB");
}

/// Reads the text aloud in the language with this `lang` tag (`cy`, `en-GB`), stopping anything
/// already being read. The browser picks a voice for the language if it has one.
pub fn speak_in(text: &str, tag: &str) {
    let Some(synthesis) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
        return;
    };
    synthesis.cancel();
    if let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
        utterance.set_lang(tag);
        utterance.set_rate(0.9);
        synthesis.speak(&utterance);
    }
}

/// Stops reading.
pub fn stop() {
    if let Some(synthesis) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) {
        synthesis.cancel();
    }
}
