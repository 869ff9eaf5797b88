//! The clock: today's date and the time of day, read from the browser. The pure core never reads
//! a clock; the app passes these values in.

use mhsw::date::Date;

/// Today's date on this device.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).unwrap_or(2026);
    let month = u8::try_from(now.get_month() + 1).unwrap_or(1);
    let day = u8::try_from(now.get_date()).unwrap_or(1);
    Date::new(year, month, day).unwrap_or_else(|| Date::new(2026, 1, 1).expect("a valid date"))
}

/// The time now, as `14:32`.
pub fn time_of_day() -> String {
    let now = js_sys::Date::new_0();
    format!("{:02}:{:02}", now.get_hours(), now.get_minutes())
}

/// Milliseconds since 1 January 1970 (the browser's clock), for measuring and for idle timers.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A random id of 16 hex characters, for new work and feedback responses.
pub fn random_id() -> String {
    let mut bytes = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
