//! Mounts the app. Everything else lives in the library.

fn main() {
    mhsw_app::start();
}
