//! Writing the finished document as small as a PDF reader allows, without changing a thing it
//! draws or says.
//!
//! Owns: the file's layout after everything is in the object model: which objects go in
//! object streams and how those streams are laid out, and the cross-reference stream. lopdf's
//! own writer puts objects in object streams as they come; a tagged report is thousands of
//! small structure elements (`<</S/TD/P 1331 0 R/Pg 36 0 R/K 36>>`) that differ only in their
//! numbers, and written that way the numbers cost most of the file's structure: every object
//! is listed at the stream's head with its offset, and counting numbers do not repeat, which
//! is all Flate can use. Here, objects of one shape (the same text once the numbers are taken
//! out) go together in a stream of fixed-width rows: each object on its own row, each number
//! right-aligned in its column, the head's object numbers and offsets likewise one to a row
//! (offsets are then multiples of the row width). The stream is compressed after a PNG "Up"
//! predictor (ISO 32000-1, 7.4.4.4), so each row is stored as its difference from the row
//! above: the same text above the same text is zeros, and the numbers that count up differ
//! by the same small amounts row after row. Readers undo the predictor as they do for every
//! cross-reference stream. The few objects of a shape of their own go in ordinary object
//! streams; streams themselves are written as they are.
//! Must not touch: any object's value: the file read back is the same document.

use std::collections::BTreeMap;
use std::io::Write;

use flate2::write::ZlibEncoder;
use flate2::Compression;
use lopdf::{Document, Object, ObjectId, StringFormat};

/// How many objects of one shape make it worth a stream of rows of their own.
const MIN_ROWS: usize = 40;
/// The most objects in one ordinary object stream.
const MAX_PER_STREAM: usize = 500;

/// A whole number in an object: an integer, or the object a reference points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Number {
    Int(i64),
    Ref(ObjectId),
}

/// The file's object numbers: every object's new number (objects are numbered afresh so that
/// objects of one shape have consecutive numbers, and so do the objects they point at).
#[derive(Debug, Default)]
struct Numbering {
    new: BTreeMap<ObjectId, u32>,
}

impl Numbering {
    /// The number for `id`: its own, or, for a reference to no object, one past every object
    /// (a reference to a missing object reads as null either way).
    fn get(&self, id: ObjectId) -> i64 {
        i64::from(
            self.new
                .get(&id)
                .copied()
                .unwrap_or(self.new.len() as u32 + 1),
        )
    }

    fn value(&self, n: Number) -> i64 {
        match n {
            Number::Int(i) => i,
            Number::Ref(id) => self.get(id),
        }
    }
}

/// An object written with its whole numbers (integers, and the object numbers of references)
/// taken out: the text around them, and the numbers in order.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shape {
    /// The text before each number, and after the last (one more than `numbers`).
    parts: Vec<Vec<u8>>,
    /// The numbers.
    numbers: Vec<Number>,
}

impl Shape {
    fn of(object: &Object) -> Self {
        let mut shape = Shape {
            parts: vec![Vec::new()],
            numbers: Vec::new(),
        };
        shape.add(object);
        shape
    }

    fn text(&mut self, bytes: &[u8]) {
        if let Some(part) = self.parts.last_mut() {
            part.extend_from_slice(bytes);
        }
    }

    fn number(&mut self, n: Number) {
        self.numbers.push(n);
        self.parts.push(Vec::new());
    }

    /// Writes `object` as lopdf would, its numbers apart (every reference with generation 0:
    /// objects are numbered afresh).
    fn add(&mut self, object: &Object) {
        match object {
            Object::Integer(n) => self.number(Number::Int(*n)),
            Object::Reference(id) => {
                self.number(Number::Ref(*id));
                self.text(b" 0 R");
            }
            Object::Array(items) => {
                self.text(b"[");
                for (n, item) in items.iter().enumerate() {
                    if n > 0 && needs_separator(item) {
                        self.text(b" ");
                    }
                    self.add(item);
                }
                self.text(b"]");
            }
            Object::Dictionary(dict) => {
                self.text(b"<<");
                for (key, value) in dict.iter() {
                    self.leaf(&Object::Name(key.clone()));
                    if needs_separator(value) {
                        self.text(b" ");
                    }
                    self.add(value);
                }
                self.text(b">>");
            }
            other => self.leaf(other),
        }
    }

    /// A name, string, real, boolean or null, written as lopdf writes it (a literal string's
    /// parentheses are all escaped, balanced or not).
    fn leaf(&mut self, object: &Object) {
        let mut bytes = Vec::new();
        match object {
            Object::Null => bytes.extend_from_slice(b"null"),
            Object::Boolean(true) => bytes.extend_from_slice(b"true"),
            Object::Boolean(false) => bytes.extend_from_slice(b"false"),
            Object::Real(value) => {
                let _ = write!(bytes, "{value}");
            }
            Object::Name(name) => {
                bytes.push(b'/');
                for &byte in name {
                    if b" \t\n\r\x0C()<>[]{}/%#".contains(&byte) || !(33..=126).contains(&byte) {
                        let _ = write!(bytes, "#{byte:02X}");
                    } else {
                        bytes.push(byte);
                    }
                }
            }
            Object::String(text, StringFormat::Literal) => {
                bytes.push(b'(');
                for &byte in text {
                    match byte {
                        b'(' | b')' | b'\\' => bytes.extend_from_slice(&[b'\\', byte]),
                        b'\r' => bytes.extend_from_slice(b"\\r"),
                        _ => bytes.push(byte),
                    }
                }
                bytes.push(b')');
            }
            Object::String(text, StringFormat::Hexadecimal) => {
                bytes.push(b'<');
                for byte in text {
                    let _ = write!(bytes, "{byte:02X}");
                }
                bytes.push(b'>');
            }
            // Numbers, arrays and dictionaries are written by `add`; streams only stand alone.
            _ => {}
        }
        self.text(&bytes);
    }

    /// The numbers as written, with `numbering`.
    fn values(&self, numbering: &Numbering) -> Vec<i64> {
        self.numbers.iter().map(|&n| numbering.value(n)).collect()
    }

    /// The text with `values` for the numbers, each right-aligned in `widths` (its own width
    /// where `widths` has none).
    fn render(&self, values: &[i64], widths: &[usize]) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.parts.iter().map(Vec::len).sum::<usize>() + 8);
        for (i, part) in self.parts.iter().enumerate() {
            out.extend_from_slice(part);
            if let Some(n) = values.get(i) {
                let width = widths.get(i).copied().unwrap_or(0);
                let _ = write!(out, "{n:>width$}");
            }
        }
        out
    }
}

/// Whether lopdf puts a space before `object` after a name or another array element.
fn needs_separator(object: &Object) -> bool {
    matches!(
        object,
        Object::Null
            | Object::Boolean(_)
            | Object::Integer(_)
            | Object::Real(_)
            | Object::Reference(_)
    )
}

/// How many characters `n` takes written out.
fn width(n: i64) -> usize {
    n.to_string().len()
}

/// An object stream ready to write.
struct Packed {
    /// How many objects it holds.
    count: usize,
    /// Where the first object starts in the decoded data (`/First`).
    first: usize,
    /// The width of its rows, if it is stored as rows after the "Up" predictor.
    columns: Option<usize>,
    /// The compressed data.
    data: Vec<u8>,
}

/// `rows` (each `columns` bytes) compressed after the PNG "Up" predictor.
fn up_predicted(rows: &[Vec<u8>], columns: usize) -> Vec<u8> {
    let mut predicted = Vec::with_capacity(rows.len() * (columns + 1));
    let mut above = vec![0u8; columns];
    for row in rows {
        predicted.push(2);
        predicted.extend(row.iter().zip(&above).map(|(b, a)| b.wrapping_sub(*a)));
        above.copy_from_slice(row);
    }
    deflate(&predicted)
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
    // Writing to memory cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// Objects of one shape, numbered `ids`, as rows of one width: the head (object number and
/// offset, one pair a row), then the objects, each number right-aligned in its column.
fn table(group: &[&Shape], ids: &[u32], numbering: &Numbering) -> Packed {
    let values: Vec<Vec<i64>> = group.iter().map(|s| s.values(numbering)).collect();
    let fields = values.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..fields)
        .map(|c| values.iter().map(|v| width(v[c])).max().unwrap_or(0))
        .collect();
    let bodies: Vec<Vec<u8>> = group
        .iter()
        .zip(&values)
        .map(|(s, v)| s.render(v, &widths))
        .collect();
    let id_width = ids
        .iter()
        .map(|&id| width(i64::from(id)))
        .max()
        .unwrap_or(1);
    // Each row ends in at least one space, which parts one object from the next.
    let mut columns = bodies.iter().map(Vec::len).max().unwrap_or(0) + 1;
    loop {
        let head = id_width + 1 + width((group.len().saturating_sub(1) * columns) as i64) + 1;
        if head <= columns {
            break;
        }
        columns = head;
    }
    let offset_width = width((group.len().saturating_sub(1) * columns) as i64);
    let mut rows: Vec<Vec<u8>> = Vec::with_capacity(group.len() * 2);
    for (i, id) in ids.iter().enumerate() {
        let mut row = format!("{id:>id_width$} {:>offset_width$}", i * columns).into_bytes();
        row.resize(columns, b' ');
        rows.push(row);
    }
    for mut body in bodies {
        body.resize(columns, b' ');
        rows.push(body);
    }
    Packed {
        count: group.len(),
        first: group.len() * columns,
        columns: Some(columns),
        data: up_predicted(&rows, columns),
    }
}

/// Objects numbered `ids` as an ordinary object stream: the head, then the objects one after
/// another.
fn plain(group: &[&Shape], ids: &[u32], numbering: &Numbering) -> Packed {
    let mut head = Vec::new();
    let mut body = Vec::new();
    for (shape, id) in group.iter().zip(ids) {
        if !head.is_empty() {
            head.push(b' ');
        }
        let _ = write!(head, "{id} {}", body.len());
        body.extend_from_slice(&shape.render(&shape.values(numbering), &[]));
        body.push(b'\n');
    }
    head.push(b'\n');
    let first = head.len();
    head.extend_from_slice(&body);
    Packed {
        count: group.len(),
        first,
        columns: None,
        data: deflate(&head),
    }
}

/// How many bytes an unsigned `n` takes.
fn bytes_for(n: u64) -> usize {
    let mut bytes = 1;
    while bytes < 8 && n >> (8 * bytes) != 0 {
        bytes += 1;
    }
    bytes
}

/// Where an object is in the written file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// At this offset, on its own.
    Direct(usize),
    /// In the object stream numbered so, at this index.
    InStream(u32, usize),
    /// Nowhere: a free number.
    Free,
}

/// Writes `doc` as a PDF file, its objects numbered afresh: streams first, on their own; then
/// every other object in an object stream, those of one shape together in consecutive
/// numbers; then a compressed cross-reference stream.
pub(crate) fn save(doc: &Document) -> Result<Vec<u8>, String> {
    // Which objects stand alone, and the shapes of the rest.
    let mut direct: Vec<(ObjectId, &lopdf::Stream)> = Vec::new();
    let mut shapes: Vec<(ObjectId, Shape)> = Vec::new();
    for (&id, object) in &doc.objects {
        let is_type = |name: &[u8]| object.type_name().is_ok_and(|t| t == name);
        if is_type(b"ObjStm") || is_type(b"XRef") {
            continue;
        }
        match object {
            Object::Stream(stream) => direct.push((id, stream)),
            other => shapes.push((id, Shape::of(other))),
        }
    }
    // Objects by shape (the text between their numbers), each group in object number order;
    // the shapes too few to fill a table go in ordinary streams.
    let mut groups: BTreeMap<&[Vec<u8>], Vec<(ObjectId, &Shape)>> = BTreeMap::new();
    for (id, shape) in &shapes {
        groups.entry(&shape.parts).or_default().push((*id, shape));
    }
    let mut tables: Vec<Vec<(ObjectId, &Shape)>> = Vec::new();
    let mut others: Vec<(ObjectId, &Shape)> = Vec::new();
    for (_, group) in groups {
        if group.len() >= MIN_ROWS {
            tables.push(group);
        } else {
            others.extend(group);
        }
    }
    others.sort_by_key(|(id, _)| *id);

    let mut numbering = Numbering::default();
    let ordered = direct
        .iter()
        .map(|(id, _)| *id)
        .chain(tables.iter().flatten().map(|(id, _)| *id))
        .chain(others.iter().map(|(id, _)| *id));
    for (n, id) in ordered.enumerate() {
        numbering.new.insert(id, n as u32 + 1);
    }

    let mut out = Vec::new();
    let fail = |e: std::io::Error| e.to_string();
    writeln!(out, "%PDF-{}", doc.version).map_err(fail)?;
    out.push(b'%');
    out.extend_from_slice(&doc.binary_mark);
    out.push(b'\n');
    let mut places: Vec<Place> = Vec::new();
    let written = |shape: &Shape| shape.render(&shape.values(&numbering), &[]);
    for (_id, stream) in &direct {
        places.push(Place::Direct(out.len()));
        writeln!(out, "{} 0 obj", places.len()).map_err(fail)?;
        debug_assert_eq!(places.len() as i64, numbering.get(*_id));
        out.extend_from_slice(&written(&Shape::of(&Object::Dictionary(
            stream.dict.clone(),
        ))));
        out.extend_from_slice(b"stream\n");
        out.extend_from_slice(&stream.content);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    }

    let mut packed = Vec::new();
    let mut in_streams: Vec<u32> = Vec::new();
    let ids_of = |group: &[(ObjectId, &Shape)]| -> Vec<u32> {
        group
            .iter()
            .map(|(id, _)| numbering.get(*id) as u32)
            .collect()
    };
    for group in &tables {
        let shapes: Vec<&Shape> = group.iter().map(|(_, s)| *s).collect();
        let ids = ids_of(group);
        packed.push(table(&shapes, &ids, &numbering));
        in_streams.extend(ids);
    }
    for chunk in others.chunks(MAX_PER_STREAM) {
        let shapes: Vec<&Shape> = chunk.iter().map(|(_, s)| *s).collect();
        let ids = ids_of(chunk);
        packed.push(plain(&shapes, &ids, &numbering));
        in_streams.extend(ids);
    }
    // The object streams take the numbers after every object's, and one left free for any
    // reference to no object.
    let first_stream = numbering.new.len() as u32 + 2;
    let mut places: Vec<Place> = places;
    places.resize(numbering.new.len() + 1 + packed.len(), Place::Free);
    let mut streams_ids = in_streams.iter();
    for (k, stream) in packed.iter().enumerate() {
        for index in 0..stream.count {
            if let Some(&id) = streams_ids.next() {
                places[id as usize - 1] = Place::InStream(first_stream + k as u32, index);
            }
        }
    }
    for (k, stream) in packed.iter().enumerate() {
        places[numbering.new.len() + 1 + k] = Place::Direct(out.len());
        write!(
            out,
            "{} 0 obj\n<</Type/ObjStm/N {}/First {}/Filter/FlateDecode",
            first_stream + k as u32,
            stream.count,
            stream.first
        )
        .map_err(fail)?;
        if let Some(columns) = stream.columns {
            write!(out, "/DecodeParms<</Predictor 12/Columns {columns}>>").map_err(fail)?;
        }
        writeln!(out, "/Length {}>>stream", stream.data.len()).map_err(fail)?;
        out.extend_from_slice(&stream.data);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    }

    // The cross-reference stream: a row for object 0 (free), every object, and itself.
    let xref_at = out.len();
    places.push(Place::Direct(xref_at));
    let xref_id = places.len();
    let size = xref_id + 1;
    let rows: Vec<(u8, usize, usize)> = std::iter::once((0, 0, 65535))
        .chain(places.iter().map(|place| match *place {
            Place::Direct(offset) => (1, offset, 0),
            Place::InStream(stream, index) => (2, stream as usize, index),
            Place::Free => (0, 0, 0),
        }))
        .collect();
    let w1 = bytes_for(rows.iter().map(|r| r.1 as u64).max().unwrap_or(0));
    let w2 = bytes_for(rows.iter().map(|r| r.2 as u64).max().unwrap_or(0));
    let columns = 1 + w1 + w2;
    let table_rows: Vec<Vec<u8>> = rows
        .iter()
        .map(|&(kind, a, b)| {
            let mut row = vec![kind];
            // As u64, whatever the width of usize (32 bits in the PDF worker).
            row.extend_from_slice(&(a as u64).to_be_bytes()[8 - w1..]);
            row.extend_from_slice(&(b as u64).to_be_bytes()[8 - w2..]);
            row
        })
        .collect();
    let data = up_predicted(&table_rows, columns);
    let mut trailer = doc.trailer.clone();
    for key in [
        &b"Size"[..],
        b"Prev",
        b"XRefStm",
        b"Type",
        b"W",
        b"Index",
        b"Length",
        b"Filter",
        b"DecodeParms",
    ] {
        trailer.remove(key);
    }
    // The trailer's entries, then the stream's own.
    let trailer = written(&Shape::of(&Object::Dictionary(trailer)));
    let entries = trailer
        .strip_prefix(b"<<")
        .and_then(|d| d.strip_suffix(b">>"))
        .unwrap_or_default();
    write!(out, "{xref_id} 0 obj\n<<").map_err(fail)?;
    out.extend_from_slice(entries);
    writeln!(
        out,
        "/Type/XRef/Size {size}/W[1 {w1} {w2}]/Filter/FlateDecode\
         /DecodeParms<</Predictor 12/Columns {columns}>>/Length {}>>stream",
        data.len()
    )
    .map_err(fail)?;
    out.extend_from_slice(&data);
    write!(out, "\nendstream\nendobj\nstartxref\n{xref_at}\n%%EOF").map_err(fail)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Dictionary, Stream};

    fn dict(entries: Vec<(&str, Object)>) -> Dictionary {
        let mut d = Dictionary::new();
        for (key, value) in entries {
            d.set(key, value);
        }
        d
    }

    fn name(n: &str) -> Object {
        Object::Name(n.as_bytes().to_vec())
    }

    /// A document with a catalog, a page tree, one content stream and `n` small structure
    /// elements of two shapes, like a tagged report's.
    fn document(n: u32) -> Document {
        let mut doc = Document::with_version("1.7");
        let content = doc.add_object(Stream::new(Dictionary::new(), b"BT ET".to_vec()));
        let pages = doc.new_object_id();
        let page = doc.add_object(dict(vec![
            ("Type", name("Page")),
            ("Parent", Object::Reference(pages)),
            ("Contents", Object::Reference(content)),
        ]));
        doc.objects.insert(
            pages,
            Object::Dictionary(dict(vec![
                ("Type", name("Pages")),
                ("Count", Object::Integer(1)),
                ("Kids", Object::Array(vec![Object::Reference(page)])),
            ])),
        );
        let mut kids = Vec::new();
        for i in 0..n {
            let mut d = dict(vec![
                ("S", name(if i % 2 == 0 { "TH" } else { "TD" })),
                ("P", Object::Reference(pages)),
                ("K", Object::Integer(i64::from(i))),
            ]);
            if i % 2 == 0 {
                d.set("A", Object::Reference(pages));
            }
            kids.push(Object::Reference(doc.add_object(d)));
        }
        let catalog = doc.add_object(dict(vec![
            ("Type", name("Catalog")),
            ("Pages", Object::Reference(pages)),
            ("Lang", Object::string_literal("en-GB (a) \\ (b")),
            ("Kids", Object::Array(kids)),
            ("Scale", Object::Real(0.5)),
            ("Flag", Object::Boolean(true)),
            ("None", Object::Null),
            ("Odd name", name("A B#")),
            (
                "Hex",
                Object::String(vec![0, 255], StringFormat::Hexadecimal),
            ),
        ]));
        doc.trailer.set("Root", catalog);
        doc
    }

    /// Whether `a` in `doc_a` and `b` in `doc_b` are the same, following references (object
    /// numbers may differ).
    fn same(doc_a: &Document, a: &Object, doc_b: &Document, b: &Object, depth: usize) -> bool {
        if depth > 8 {
            return true;
        }
        let same_dict = |x: &Dictionary, y: &Dictionary| {
            x.len() == y.len()
                && x.iter().all(|(key, value)| {
                    y.get(key)
                        .is_ok_and(|other| same(doc_a, value, doc_b, other, depth + 1))
                })
        };
        match (a, b) {
            (Object::Reference(x), Object::Reference(y)) => {
                match (doc_a.get_object(*x), doc_b.get_object(*y)) {
                    (Ok(x), Ok(y)) => same(doc_a, x, doc_b, y, depth + 1),
                    (Err(_), Err(_)) => true,
                    _ => false,
                }
            }
            (Object::Array(x), Object::Array(y)) => {
                x.len() == y.len()
                    && x.iter()
                        .zip(y)
                        .all(|(x, y)| same(doc_a, x, doc_b, y, depth + 1))
            }
            (Object::Dictionary(x), Object::Dictionary(y)) => same_dict(x, y),
            (Object::Stream(x), Object::Stream(y)) => {
                x.content == y.content && same_dict(&x.dict, &y.dict)
            }
            (x, y) => x == y,
        }
    }

    #[test]
    fn objects_of_one_shape_are_rows_of_one_width_and_read_back_the_same() {
        let doc = document(300);
        let bytes = save(&doc).expect("written");
        let text = String::from_utf8_lossy(&bytes);
        // Two streams of rows (TH and TD), one ordinary stream for the rest.
        assert_eq!(text.matches("/Type/ObjStm").count(), 3, "{text}");
        assert_eq!(
            text.matches("/DecodeParms<</Predictor 12/Columns").count(),
            3,
            "two object streams and the cross-reference stream use the predictor"
        );
        let back = Document::load_mem(&bytes).expect("read back");
        let root = |d: &Document| d.trailer.get(b"Root").cloned().expect("a root");
        assert!(same(&doc, &root(&doc), &back, &root(&back), 0));
        // Every element is read back, in order, with its parent.
        let kids = |d: &Document| -> Vec<Dictionary> {
            let catalog = d.catalog().expect("catalog");
            let kids = catalog
                .get(b"Kids")
                .and_then(Object::as_array)
                .expect("kids");
            kids.iter()
                .map(|k| {
                    d.get_dictionary(k.as_reference().expect("a reference"))
                        .expect("an element")
                        .clone()
                })
                .collect()
        };
        let (before, after) = (kids(&doc), kids(&back));
        assert_eq!(after.len(), 300);
        for (x, y) in before.iter().zip(&after) {
            assert!(same_dict_of(&doc, x, &back, y), "{x:?} read back as {y:?}");
        }
        // Objects of one shape have consecutive numbers.
        let numbers: Vec<u32> = back
            .catalog()
            .expect("catalog")
            .get(b"Kids")
            .and_then(Object::as_array)
            .expect("kids")
            .iter()
            .map(|k| k.as_reference().expect("a reference").0)
            .collect();
        let (th, td): (Vec<_>, Vec<_>) = numbers.iter().enumerate().partition(|(i, _)| i % 2 == 0);
        for half in [th, td] {
            assert!(half.windows(2).all(|w| *w[1].1 == *w[0].1 + 1), "{half:?}");
        }
    }

    fn same_dict_of(doc_a: &Document, a: &Dictionary, doc_b: &Document, b: &Dictionary) -> bool {
        same(
            doc_a,
            &Object::Dictionary(a.clone()),
            doc_b,
            &Object::Dictionary(b.clone()),
            0,
        )
    }

    #[test]
    fn cross_reference_fields_are_as_wide_as_their_largest_value() {
        assert_eq!(bytes_for(0), 1);
        assert_eq!(bytes_for(255), 1);
        assert_eq!(bytes_for(256), 2);
        assert_eq!(bytes_for(99_100), 3);
        assert_eq!(bytes_for(u64::from(u32::MAX) + 1), 5);
    }

    #[test]
    fn numbers_are_right_aligned_in_columns_and_the_rest_is_as_lopdf_writes_it() {
        let doc = document(2);
        let numbering = Numbering {
            new: doc.objects.keys().map(|&(id, g)| ((id, g), id)).collect(),
        };
        let shape = |id: u32| Shape::of(doc.get_object((id, 0)).expect("object"));
        let th = shape(4);
        let values = th.values(&numbering);
        assert_eq!(
            th.render(&values, &[]),
            b"<</S/TH/P 2 0 R/K 0/A 2 0 R>>".to_vec()
        );
        assert_eq!(
            th.render(&values, &[3, 2, 3]),
            b"<</S/TH/P   2 0 R/K  0/A   2 0 R>>".to_vec()
        );
        let catalog = doc
            .trailer
            .get(b"Root")
            .and_then(Object::as_reference)
            .expect("root");
        let catalog = shape(catalog.0);
        let text =
            String::from_utf8(catalog.render(&catalog.values(&numbering), &[])).expect("text");
        assert!(
            text.starts_with(
                "<</Type/Catalog/Pages 2 0 R/Lang(en-GB \\(a\\) \\\\ \\(b)/Kids[4 0 R 5 0 R]"
            ),
            "{text}"
        );
        assert!(
            text.ends_with("/Scale 0.5/Flag true/None null/Odd#20name/A#20B#23/Hex<00FF>>>"),
            "{text}"
        );
    }

    #[test]
    fn a_table_stream_decodes_to_rows_whose_offsets_point_at_their_objects() {
        let doc = document(40);
        let numbering = Numbering {
            new: doc.objects.keys().map(|&(id, g)| ((id, g), id)).collect(),
        };
        let shapes: Vec<Shape> = (4..=42)
            .step_by(2)
            .map(|id| Shape::of(doc.get_object((id, 0)).expect("object")))
            .collect();
        let group: Vec<&Shape> = shapes.iter().collect();
        let ids: Vec<u32> = (100..100 + group.len() as u32).collect();
        let packed = table(&group, &ids, &numbering);
        let columns = packed.columns.expect("a table");
        let mut inflated = Vec::new();
        let mut decoder = flate2::write::ZlibDecoder::new(&mut inflated);
        decoder.write_all(&packed.data).expect("inflated");
        decoder.finish().expect("inflated");
        let mut above = vec![0u8; columns];
        let mut decoded = Vec::new();
        for row in inflated.chunks(columns + 1) {
            assert_eq!(row[0], 2, "an Up row");
            let row: Vec<u8> = row[1..]
                .iter()
                .zip(&above)
                .map(|(d, a)| d.wrapping_add(*a))
                .collect();
            decoded.extend_from_slice(&row);
            above = row;
        }
        let head = String::from_utf8_lossy(&decoded[..packed.first]).to_string();
        let pairs: Vec<usize> = head
            .split_whitespace()
            .map(|n| n.parse().expect("a number"))
            .collect();
        assert_eq!(pairs.len(), 2 * group.len());
        for (k, pair) in pairs.chunks(2).enumerate() {
            assert_eq!(pair[0], 100 + k);
            let at = packed.first + pair[1];
            let object = &decoded[at..at + columns];
            let expected = group[k].render(&group[k].values(&numbering), &[]);
            let squeezed = String::from_utf8_lossy(object)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(squeezed, String::from_utf8_lossy(&expected));
        }
    }
}
