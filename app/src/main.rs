//! Placeholder entry point for the browser app, used only to prove the build and test
//! foundation. The real app replaces this file.

use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| {
        view! {
            <main>
                <h1>"Mental health social work toolkit"</h1>
                <p>"The app is loading correctly."</p>
            </main>
        }
    });
}
