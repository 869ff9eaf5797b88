//! JSON Pointers (RFC 6901): joining, splitting and comparing the pointers that name every value
//! of a definition file. Owns the escaping of `~` and `/` in a segment: the only place it is done
//! (the rules' pointers are built with [`join`] too).

/// Appends one segment to a JSON Pointer (RFC 6901).
pub(in crate::definition) fn join(pointer: &str, segment: &str) -> String {
    format!(
        "{pointer}/{}",
        segment.replace('~', "~0").replace('/', "~1")
    )
}

/// The segments of a JSON Pointer, unescaped.
pub(super) fn segments(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// The pointer without its last segment ("" for the document itself).
pub(in crate::definition) fn parent(pointer: &str) -> &str {
    pointer.rfind('/').map_or("", |at| &pointer[..at])
}

/// The last segment, unescaped.
pub(in crate::definition) fn last(pointer: &str) -> Option<String> {
    segments(pointer).pop()
}

/// True when `pointer` is `within` or inside it.
pub(super) fn is_within(pointer: &str, within: &str) -> bool {
    pointer == within || (pointer.starts_with(within) && pointer[within.len()..].starts_with('/'))
}
