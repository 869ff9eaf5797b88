//! The browser's WebCrypto: hashing the practitioner's collection code, so the code itself is
//! never kept anywhere.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// SHA-256 of the salt and the code, as hex. `None` when the browser has no WebCrypto (it is
/// missing on pages not served over HTTPS or from this computer).
pub async fn salted_hash(salt: &str, code: &str) -> Option<String> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    let data = format!("mhsw-collection-code:{salt}:{code}").into_bytes();
    let promise = subtle.digest_with_str_and_u8_array("SHA-256", &data).ok()?;
    let buffer = JsFuture::from(promise).await.ok()?;
    let bytes = js_sys::Uint8Array::new(buffer.dyn_ref::<js_sys::ArrayBuffer>()?).to_vec();
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
