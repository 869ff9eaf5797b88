//! CSV that spreadsheets open correctly: UTF-8 with a byte-order mark (so Excel reads Welsh and
//! curly quotes properly), CRLF line ends, every field quoted where needed, and cells that a
//! spreadsheet would run as a formula made safe.
//!
//! Owns: writing rows as CSV text. Must not touch: what the rows mean.

/// Writes a header row and data rows as CSV text, starting with a UTF-8 byte-order mark.
pub fn to_csv(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from('\u{feff}');
    write_row(&mut out, headers.iter().copied());
    for row in rows {
        write_row(&mut out, row.iter().map(String::as_str));
    }
    out
}

fn write_row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    let cells: Vec<String> = cells.map(field).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// One field: formula-like text gets a leading apostrophe; quotes, commas and line breaks are
/// quoted.
fn field(text: &str) -> String {
    let safe = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_guards() {
        let csv = to_csv(
            &["Action", "Lead"],
            &[vec![
                "Review \"supervision\", monthly\nand report".into(),
                "=SUM(A1)".into(),
            ]],
        );
        assert_eq!(
            csv,
            "\u{feff}Action,Lead\r\n\"Review \"\"supervision\"\", monthly\nand report\",'=SUM(A1)\r\n"
        );
    }

    #[test]
    fn welsh_characters_survive() {
        assert!(to_csv(&["Gŵyl"], &[vec!["ŷ".into()]]).contains("Gŵyl\r\nŷ"));
    }
}
