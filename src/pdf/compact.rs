//! Making the written file small without changing a thing it draws or says.
//!
//! Owns: the one step after lopdf has written the file: compressing its cross-reference
//! stream, which lopdf always writes uncompressed (about 7 bytes for each of the file's
//! thousands of objects: 16 KB of a full audit's 165 KB). The stream is compressed with
//! Flate after a PNG "Up" predictor, as most PDF writers do, and since it is the last object
//! in the file and keeps its place, no other offset changes.
//! Must not touch: anything before the cross-reference stream.

use std::io::Write;

use flate2::write::ZlibEncoder;
use flate2::Compression;

/// `bytes` (a whole file as lopdf writes it, ending with its cross-reference stream) with that
/// stream compressed. A file not shaped as expected comes back unchanged: it is valid as it
/// is, only larger.
pub(crate) fn compress_xref_stream(bytes: Vec<u8>) -> Vec<u8> {
    match compressed(&bytes) {
        Some(smaller) => smaller,
        None => bytes,
    }
}

/// The file with its cross-reference stream compressed, or `None` if it is not shaped as
/// lopdf writes it.
fn compressed(bytes: &[u8]) -> Option<Vec<u8>> {
    const START: &[u8] = b"\nstartxref\n";
    let tail_at = find_last(bytes, START)?;
    let tail = &bytes[tail_at..];
    let offset: usize = std::str::from_utf8(&tail[START.len()..])
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let object = bytes.get(offset..tail_at)?;
    let dict_start = find(object, b"<<")?;
    let stream_at = find(object, b">>stream\n")? + 2;
    let dict = &object[dict_start..stream_at];
    if find(dict, b"/Type/XRef").is_none() || find(dict, b"/Filter").is_some() {
        return None;
    }
    let length = number_after(dict, b"/Length ")?;
    let columns: usize = widths(dict)?.iter().sum();
    let data_start = stream_at + b"stream\n".len();
    let data = object.get(data_start..data_start + length)?;
    if columns == 0 || data.len() % columns != 0 {
        return None;
    }
    let after = object.get(data_start + length..)?;
    let rest = after.strip_prefix(b"\nendstream")?;
    if rest.trim_ascii() != b"endobj" {
        return None;
    }

    // PNG "Up" predictor: each row as its difference from the row above, behind a tag byte.
    let mut predicted = Vec::with_capacity(data.len() + data.len() / columns);
    let mut above = vec![0u8; columns];
    for row in data.chunks(columns) {
        predicted.push(2);
        predicted.extend(row.iter().zip(&above).map(|(b, a)| b.wrapping_sub(*a)));
        above.copy_from_slice(row);
    }
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(&predicted).ok()?;
    let packed = encoder.finish().ok()?;

    let length_text = format!("/Length {length}");
    let length_at = find(dict, length_text.as_bytes())?;
    let mut out = Vec::with_capacity(offset + packed.len() + 200);
    out.extend_from_slice(&bytes[..offset]);
    out.extend_from_slice(&object[..dict_start]);
    out.extend_from_slice(&dict[..length_at]);
    write!(
        out,
        "/Length {}/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns {columns}>>",
        packed.len()
    )
    .ok()?;
    out.extend_from_slice(&dict[length_at + length_text.len()..]);
    out.extend_from_slice(b"stream\n");
    out.extend_from_slice(&packed);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    out.extend_from_slice(tail);
    Some(out)
}

/// Where `needle` first occurs in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Where `needle` last occurs in `hay`.
fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The whole number written after `key` in `dict`.
fn number_after(dict: &[u8], key: &[u8]) -> Option<usize> {
    let at = find(dict, key)? + key.len();
    let digits: Vec<u8> = dict[at..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .copied()
        .collect();
    std::str::from_utf8(&digits).ok()?.parse().ok()
}

/// The field widths of the stream's rows (`/W[1 4 2]`).
fn widths(dict: &[u8]) -> Option<Vec<usize>> {
    let at = find(dict, b"/W[")? + 3;
    let end = at + find(&dict[at..], b"]")?;
    std::str::from_utf8(&dict[at..end])
        .ok()?
        .split_whitespace()
        .map(|n| n.parse().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file shaped as lopdf writes it: one object, then a cross-reference stream of `rows`.
    fn file(rows: &[[u8; 3]]) -> Vec<u8> {
        let head = b"%PDF-1.7\n1 0 obj\n<</Type/Catalog>>\nendobj\n".to_vec();
        let offset = head.len();
        let data: Vec<u8> = rows.concat();
        let mut out = head;
        write!(
            out,
            "2 0 obj\n<</Root 1 0 R/Type/XRef/Size 3/W[1 1 1]/Index[1 2]/Length {}>>stream\n",
            data.len()
        )
        .unwrap();
        out.extend_from_slice(&data);
        // lopdf puts a space after `endstream`.
        write!(out, "\nendstream \nendobj\n\nstartxref\n{offset}\n%%EOF").unwrap();
        out
    }

    #[test]
    fn the_cross_reference_stream_is_compressed_in_place_and_decodes_to_the_same_rows() {
        let rows: Vec<[u8; 3]> = (0..200u8).map(|i| [2, 7, i]).collect();
        let before = file(&rows);
        let after = compress_xref_stream(before.clone());
        assert!(
            after.len() < before.len(),
            "{} >= {}",
            after.len(),
            before.len()
        );
        let text = String::from_utf8_lossy(&after);
        assert!(text.contains("/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns 3>>"));
        // Everything before the stream, and the offset it is found at, are unchanged.
        let offset = find(&before, b"2 0 obj").unwrap();
        assert_eq!(after[..offset], before[..offset]);
        assert!(text.ends_with(&format!("\nstartxref\n{offset}\n%%EOF")));
        // The data decodes back to the rows.
        let start = find(&after, b">>stream\n").unwrap() + b">>stream\n".len();
        let end = find(&after, b"\nendstream").unwrap();
        let mut inflated = Vec::new();
        let mut decoder = flate2::write::ZlibDecoder::new(&mut inflated);
        decoder.write_all(&after[start..end]).unwrap();
        decoder.finish().unwrap();
        let mut above = [0u8; 3];
        for (row, packed) in rows.iter().zip(inflated.chunks(4)) {
            assert_eq!(packed[0], 2);
            let decoded: Vec<u8> = packed[1..]
                .iter()
                .zip(above)
                .map(|(d, a)| d.wrapping_add(a))
                .collect();
            assert_eq!(&decoded, row);
            above.copy_from_slice(row);
        }
    }

    #[test]
    fn a_file_of_another_shape_is_left_as_it_is() {
        for odd in [
            b"%PDF-1.7\nno cross-reference stream".to_vec(),
            b"%PDF-1.7\n\nstartxref\n999999\n%%EOF".to_vec(),
            // A length that does not reach the end of the stream.
            String::from_utf8(file(&[[1, 2, 3], [4, 5, 6]]))
                .unwrap()
                .replace("/Length 6", "/Length 3")
                .into_bytes(),
        ] {
            assert_eq!(compress_xref_stream(odd.clone()), odd);
        }
        // Already compressed: left alone.
        let once = compress_xref_stream(file(&[[1, 2, 3], [1, 2, 4]]));
        assert_eq!(compress_xref_stream(once.clone()), once);
    }
}
