//! Placing text lines by relative moves wherever that lands exactly where they were.
//!
//! Owns: one pass over each page's content stream (as lopdf encodes it, one operation a
//! line) that writes a line's `1 0 0 1 x y Tm` as the shorter `dx dy Td` from the line
//! before, with `dx dy` the exact decimal difference, when every line start up to the next
//! `Tm` then lands on exactly the same point as before, in correctly rounded `f64`
//! arithmetic as ISO 32000 adds it up (`moved + by`, then the matrix's translation). The
//! drawing code can only offer moves printpdf writes as `f32`, which rarely land exactly;
//! a full audit has a thousand such lines, and their absolute positions compress poorly.
//! Must not touch: any other operation, or a line it cannot read (it stays as it is).

use lopdf::{Document, Object};

/// Rewrites the `Tm`s of every page's (uncompressed) content stream in `doc` where that
/// changes no position.
pub(crate) fn relative_moves(doc: &mut Document) {
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    for page in pages {
        for id in doc.get_page_contents(page) {
            if let Ok(stream) = doc.get_object_mut(id).and_then(Object::as_stream_mut) {
                if !stream.dict.has(b"Filter") {
                    let content = rewrite(&stream.content);
                    stream.set_content(content);
                }
            }
        }
    }
}

/// A decimal as a whole number of trillionths: exact for every number printpdf writes
/// with a fraction of up to twelve digits.
type Dec = i128;
const SCALE: i128 = 1_000_000_000_000;

fn dec(text: &[u8]) -> Option<Dec> {
    let text = std::str::from_utf8(text).ok()?;
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty() || fraction.len() > 12 || whole.len() > 9 {
        return None;
    }
    let all = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !all(whole) || !all(fraction) {
        return None;
    }
    let whole: i128 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let fraction: i128 = format!("{fraction:0<12}").parse().ok()?;
    Some(sign * (whole * SCALE + fraction))
}

/// The shortest decimal text of `d`.
fn text(d: Dec) -> String {
    let sign = if d < 0 { "-" } else { "" };
    let (whole, fraction) = (d.abs() / SCALE, d.abs() % SCALE);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = format!("{fraction:012}");
    format!("{sign}{whole}.{}", fraction.trim_end_matches('0'))
}

/// The values viewers read from `d`'s text: correctly rounded (pdf.js, Rust), and as
/// poppler does, adding each fraction digit times a power of ten it keeps multiplying by 0.1.
fn read(d: Dec) -> (f64, f64) {
    let text = text(d);
    let correct = text.parse().unwrap_or(f64::NAN);
    let digits = text.trim_start_matches('-');
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut value = whole.parse::<i64>().map(|w| w as f64).unwrap_or(f64::NAN);
    let mut scale = 0.1;
    for digit in fraction.bytes() {
        value += scale * f64::from(digit - b'0');
        scale *= 0.1;
    }
    (correct, if d < 0 { -value } else { value })
}

/// One axis of the text line: the matrix's translation and the moves since, as a viewer
/// keeps them (`f64`) and as written (decimal).
#[derive(Clone, Copy, Default)]
struct Axis {
    matrix: (f64, f64),
    moved: (f64, f64),
    written: Dec,
}

impl Axis {
    fn at(self) -> (f64, f64) {
        (self.moved.0 + self.matrix.0, self.moved.1 + self.matrix.1)
    }
    fn by(mut self, d: Dec) -> Self {
        let (a, b) = read(d);
        self.moved = (self.moved.0 + a, self.moved.1 + b);
        self.written += d;
        self
    }
    fn set(d: Dec) -> Self {
        Self {
            matrix: read(d),
            moved: (0.0, 0.0),
            written: d,
        }
    }
}

/// Whether both axes land on exactly the same point, as every reader adds it up.
fn same(a: [Axis; 2], b: [Axis; 2]) -> bool {
    a.iter().zip(&b).all(|(a, b)| a.at() == b.at())
}

/// A positioning line: `Some((x, y, absolute))`.
fn position(line: &[u8]) -> Option<(Dec, Dec, bool)> {
    let words: Vec<&[u8]> = line.split(|&b| b == b' ').collect();
    match words.as_slice() {
        [x, y, b"Td"] => Some((dec(x)?, dec(y)?, false)),
        [b"1", b"0", b"0", b"1", x, y, b"Tm"] => Some((dec(x)?, dec(y)?, true)),
        _ => None,
    }
}

fn rewrite(content: &[u8]) -> Vec<u8> {
    let lines: Vec<&[u8]> = content.split(|&b| b == b'\n').collect();
    let mut out: Vec<Vec<u8>> = lines.iter().map(|l| l.to_vec()).collect();
    // The line as written so far, and as the original file had it.
    let mut now = [Axis::default(); 2];
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line == b"BT" {
            now = [Axis::default(); 2];
        }
        let Some((x, y, true)) = position(line) else {
            if let Some((x, y, false)) = position(line) {
                now = [now[0].by(x), now[1].by(y)];
            }
            i += 1;
            continue;
        };
        // The original positions from this `Tm` to the next.
        let mut was = [Axis::set(x), Axis::set(y)];
        let mut trial = [now[0].by(x - now[0].written), now[1].by(y - now[1].written)];
        let mut exact = same(trial, was);
        let mut end = i + 1;
        while end < lines.len() {
            match position(lines[end]) {
                Some((dx, dy, false)) => {
                    was = [was[0].by(dx), was[1].by(dy)];
                    trial = [trial[0].by(dx), trial[1].by(dy)];
                    exact &= same(trial, was);
                }
                Some((_, _, true)) => break,
                None if lines[end] == b"ET" || lines[end] == b"BT" => break,
                None => {}
            }
            end += 1;
        }
        if exact {
            out[i] = format!(
                "{} {} Td",
                text(x - now[0].written),
                text(y - now[1].written)
            )
            .into_bytes();
            now = trial;
        } else {
            now = was;
        }
        i = end;
    }
    out.join(&b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_read_and_write_back() {
        for t in [
            "0",
            "-14",
            "444.51837",
            "-0.5",
            "0.000001",
            "123456789.123456789012",
        ] {
            assert_eq!(text(dec(t.as_bytes()).unwrap()), t);
        }
        assert_eq!(dec(b"1e5"), None);
        assert_eq!(dec(b"-"), None);
    }

    #[test]
    fn a_tm_becomes_a_td_only_where_every_line_lands_the_same() {
        let before = b"BT\n1 0 0 1 59.7 718.09 Tm\n(a) Tj\n0 -14 Td\n(b) Tj\n1 0 0 1 141.80058 718.09 Tm\n(c) Tj\nET";
        let after = rewrite(before);
        let text = String::from_utf8(after).unwrap();
        assert!(text.contains("82.10058 14 Td"), "{text}");
        assert!(text.starts_with("BT\n59.7 718.09 Td\n"), "{text}");
    }
}
