//! The outline: the line of every field and list item (by its JSON Pointer), the ids written in
//! the text and any field written twice in one object, read from the text itself rather than
//! from the parsed JSON, which forgets all three.

use std::collections::BTreeMap;

use super::pointer::{join, last, parent};

/// What the loader knows about the text of a definition, beyond its values.
#[derive(Debug, Default)]
pub(super) struct Outline {
    /// The line of every field (its name) and every list item (its first character).
    pub(super) lines: BTreeMap<String, usize>,
    /// The `"id"` written in each object, by the object's pointer.
    pub(super) ids: BTreeMap<String, String>,
    /// Fields written twice in one object.
    pub(super) repeated: Vec<Repeat>,
    /// The objects, lists and text still open where the scan stopped.
    pub(super) open: Vec<Open>,
}

/// A field written twice in one object.
#[derive(Debug)]
pub(super) struct Repeat {
    /// The field's pointer.
    pub(super) pointer: String,
    /// The line of the first time it is written.
    pub(super) first_line: usize,
    /// The line of the second time.
    pub(super) line: usize,
}

/// Something opened and not yet closed.
#[derive(Debug, Clone)]
pub(super) struct Open {
    /// `{`, `[` or `"`.
    pub(super) opener: char,
    /// The line it was opened on.
    pub(super) line: usize,
    /// Its pointer (for text: the pointer of the value it is part of).
    pub(super) pointer: String,
}

enum Frame {
    Object {
        pointer: String,
        line: usize,
        key: Option<String>,
        keys: BTreeMap<String, usize>,
        wants_key: bool,
    },
    List {
        pointer: String,
        line: usize,
        next: usize,
    },
}

impl Outline {
    /// Scans `text` (valid JSON or not) up to the byte offset `stop`, or to its end.
    pub(super) fn of(text: &str, stop: Option<usize>) -> Self {
        let bytes = text.as_bytes();
        let end = stop.unwrap_or(bytes.len()).min(bytes.len());
        let mut outline = Outline::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut line = 1;
        let mut at = 0;
        while at < end {
            let byte = bytes[at];
            match byte {
                b'\n' => line += 1,
                b'{' | b'[' => {
                    let pointer = outline.value_starts(&mut stack, line);
                    stack.push(if byte == b'{' {
                        Frame::Object {
                            pointer,
                            line,
                            key: None,
                            keys: BTreeMap::new(),
                            wants_key: true,
                        }
                    } else {
                        Frame::List {
                            pointer,
                            line,
                            next: 0,
                        }
                    });
                }
                b'}' | b']' => {
                    stack.pop();
                }
                b',' => {
                    if let Some(Frame::Object { key, wants_key, .. }) = stack.last_mut() {
                        *key = None;
                        *wants_key = true;
                    }
                }
                b':' => {
                    if let Some(Frame::Object { wants_key, .. }) = stack.last_mut() {
                        *wants_key = false;
                    }
                }
                b'"' => {
                    let start = at;
                    let start_line = line;
                    at += 1;
                    while at < end && bytes[at] != b'"' {
                        if bytes[at] == b'\\' {
                            at += 1;
                        } else if bytes[at] == b'\n' {
                            line += 1;
                        }
                        at += 1;
                    }
                    if at >= end {
                        let pointer = stack.last().map_or(String::new(), frame_pointer);
                        outline.open = open_frames(&stack);
                        outline.open.push(Open {
                            opener: '"',
                            line: start_line,
                            pointer,
                        });
                        return outline;
                    }
                    let raw = &text[start..=at];
                    let string: String = serde_json::from_str(raw)
                        .unwrap_or_else(|_| raw.trim_matches('"').to_owned());
                    outline.string(&mut stack, string, start_line);
                }
                b' ' | b'\t' | b'\r' => {}
                _ => {
                    outline.value_starts(&mut stack, line);
                    while at + 1 < end
                        && !matches!(bytes[at + 1], b',' | b'}' | b']' | b'\n' | b' ' | b'"')
                    {
                        at += 1;
                    }
                }
            }
            at += 1;
        }
        outline.open = open_frames(&stack);
        outline
    }

    /// Records a value starting on `line`, and returns its pointer.
    fn value_starts(&mut self, stack: &mut [Frame], line: usize) -> String {
        match stack.last_mut() {
            None => String::new(),
            Some(Frame::Object { pointer, key, .. }) => join(pointer, key.as_deref().unwrap_or("")),
            Some(Frame::List { pointer, next, .. }) => {
                let item = join(pointer, &next.to_string());
                *next += 1;
                self.lines.insert(item.clone(), line);
                item
            }
        }
    }

    /// Records a string: a field name or a value.
    fn string(&mut self, stack: &mut [Frame], string: String, line: usize) {
        if let Some(Frame::Object {
            pointer,
            key,
            keys,
            wants_key: true,
            ..
        }) = stack.last_mut()
        {
            let field = join(pointer, &string);
            if let Some(first_line) = keys.insert(string.clone(), line) {
                self.repeated.push(Repeat {
                    pointer: field.clone(),
                    first_line,
                    line,
                });
            }
            self.lines.insert(field, line);
            *key = Some(string);
            return;
        }
        if let Some(Frame::Object {
            pointer,
            key: Some(key),
            ..
        }) = stack.last()
        {
            if key == "id" {
                self.ids.insert(pointer.clone(), string);
                return;
            }
        }
        self.value_starts(stack, line);
    }

    /// The line of the value at `pointer`. A list item that is an object is placed at its `"id"`;
    /// something missing is placed at the nearest thing that holds it, and nothing at all when
    /// that is the whole definition.
    pub(super) fn line_of(&self, pointer: &str) -> Option<usize> {
        let mut at = pointer;
        while !at.is_empty() {
            if let Some(line) = self.lines.get(at) {
                let is_item = last(at).is_some_and(|s| s.parse::<usize>().is_ok());
                if at != pointer || is_item {
                    if let Some(id_line) = self.lines.get(&join(at, "id")) {
                        return Some(*id_line);
                    }
                }
                return Some(*line);
            }
            at = parent(at);
        }
        None
    }
}

fn frame_pointer(frame: &Frame) -> String {
    match frame {
        Frame::Object { pointer, .. } | Frame::List { pointer, .. } => pointer.clone(),
    }
}

fn open_frames(stack: &[Frame]) -> Vec<Open> {
    stack
        .iter()
        .map(|frame| match frame {
            Frame::Object { pointer, line, .. } => Open {
                opener: '{',
                line: *line,
                pointer: pointer.clone(),
            },
            Frame::List { pointer, line, .. } => Open {
                opener: '[',
                line: *line,
                pointer: pointer.clone(),
            },
        })
        .collect()
}
