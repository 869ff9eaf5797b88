//! A small reader for JSON text that has been read in full before: the caller asks for each value
//! in turn (an object's fields, a list's items, a string, a whole number), and every answer is
//! `None` when the text is not what was asked for.
//!
//! Owns: walking JSON text by hand, with no generic code per type read. It exists for the app's
//! first page of saved work, which reads a questionnaire file whose exact text passed every check
//! on the device before ([`crate::definition::read_checked_before`]): serde's derived readers for
//! the definition's types are about 25 kB of compressed WebAssembly that page would otherwise
//! wait for. It says nothing about why a text does not read; a caller that gets `None` goes the
//! long way (serde, with its messages).
//! Must not touch: what any value means (the callers build their types).

/// A position in JSON text, read from the front.
pub(crate) struct Pull<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Pull<'a> {
    /// A reader at the start of `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        Self { text, at: 0 }
    }

    /// The next byte that is not white space, without taking it.
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = bytes.get(self.at) {
            self.at += 1;
        }
        bytes.get(self.at).copied()
    }

    /// Takes `byte`, the next after any white space.
    fn take(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Takes `word` (`true`, `false`, `null`), the next after any white space.
    fn take_word(&mut self, word: &str) -> Option<()> {
        self.peek()?;
        self.text[self.at..]
            .starts_with(word)
            .then(|| self.at += word.len())
    }

    /// `Some` when nothing but white space is left.
    pub(crate) fn end(&mut self) -> Option<()> {
        self.peek().is_none().then_some(())
    }

    /// Reads an object: `field` is called with each key and must read its value.
    pub(crate) fn object(
        &mut self,
        field: &mut dyn FnMut(&mut Self, &str) -> Option<()>,
    ) -> Option<()> {
        self.take(b'{')?;
        if self.take(b'}').is_some() {
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.take(b':')?;
            field(self, &key)?;
            if self.take(b'}').is_some() {
                return Some(());
            }
            self.take(b',')?;
        }
    }

    /// Reads a list: `item` is called for each item and must read it.
    pub(crate) fn list(&mut self, item: &mut dyn FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.take(b'[')?;
        if self.take(b']').is_some() {
            return Some(());
        }
        loop {
            item(self)?;
            if self.take(b']').is_some() {
                return Some(());
            }
            self.take(b',')?;
        }
    }

    /// Reads a list into a `Vec`, each item by `read`.
    pub(crate) fn vec<T>(
        &mut self,
        read: &mut dyn FnMut(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        let mut items = Vec::new();
        self.list(&mut |pull| {
            items.push(read(pull)?);
            Some(())
        })?;
        Some(items)
    }

    /// Reads a string, its escapes undone.
    pub(crate) fn string(&mut self) -> Option<String> {
        self.take(b'"')?;
        let bytes = self.text.as_bytes();
        let mut out = String::new();
        let mut from = self.at;
        loop {
            match *bytes.get(self.at)? {
                b'"' => {
                    out.push_str(&self.text[from..self.at]);
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    out.push_str(&self.text[from..self.at]);
                    let escape = *bytes.get(self.at + 1)?;
                    self.at += 2;
                    out.push(match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return None,
                    });
                    from = self.at;
                }
                // JSON allows no control characters inside a string.
                0..=0x1f => return None,
                _ => self.at += 1,
            }
        }
    }

    /// The character of a `\u` escape whose four digits start here (two escapes for a
    /// character beyond the Basic Multilingual Plane).
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if !(0xd800..0xdc00).contains(&first) {
            return char::from_u32(first);
        }
        if !self.text[self.at..].starts_with("\\u") {
            return None;
        }
        self.at += 2;
        let second = self.hex4()?;
        if !(0xdc00..0xe000).contains(&second) {
            return None;
        }
        char::from_u32(0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00))
    }

    /// Four hexadecimal digits.
    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.at..self.at + 4)?;
        self.at += 4;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(digits, 16).ok()
    }

    /// Reads a whole number: digits with an optional minus sign, no fraction or exponent (as
    /// serde reads a number into an integer type), and no leading zero (as JSON allows none).
    /// Added up here rather than by `str::parse`, which the app's first module has: sharing it
    /// would make that module export it to the later part.
    pub(crate) fn integer(&mut self) -> Option<i64> {
        self.peek()?;
        let bytes = self.text.as_bytes();
        let negative = bytes.get(self.at) == Some(&b'-');
        if negative {
            self.at += 1;
        }
        let start = self.at;
        // Kept negative while it is added up, so that the most negative number fits too.
        let mut value: i64 = 0;
        while let Some(digit) = bytes.get(self.at).filter(|b| b.is_ascii_digit()) {
            value = value
                .checked_mul(10)?
                .checked_sub(i64::from(digit - b'0'))?;
            self.at += 1;
        }
        let digits = self.at - start;
        let leading_zero = digits > 1 && bytes[start] == b'0';
        if digits == 0 || leading_zero || matches!(bytes.get(self.at), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        if negative {
            Some(value)
        } else {
            value.checked_neg()
        }
    }

    /// Reads a whole number that fits `T`.
    pub(crate) fn number<T: TryFrom<i64>>(&mut self) -> Option<T> {
        T::try_from(self.integer()?).ok()
    }

    /// Reads `true` or `false`.
    pub(crate) fn boolean(&mut self) -> Option<bool> {
        if self.take_word("true").is_some() {
            return Some(true);
        }
        self.take_word("false").map(|()| false)
    }

    /// Takes `null` if it is next; says whether it was.
    pub(crate) fn null(&mut self) -> bool {
        self.take_word("null").is_some()
    }

    /// Reads a value that may be `null`, which gives `None`.
    pub(crate) fn nullable<T>(
        &mut self,
        read: &mut dyn FnMut(&mut Self) -> Option<T>,
    ) -> Option<Option<T>> {
        if self.null() {
            return Some(None);
        }
        read(self).map(Some)
    }

    /// Passes over one value of any kind.
    pub(crate) fn skip(&mut self) -> Option<()> {
        match self.peek()? {
            b'{' => self.object(&mut |pull, _| pull.skip()),
            b'[' => self.list(&mut Self::skip),
            b'"' => self.string().map(drop),
            b't' | b'f' => self.boolean().map(drop),
            b'n' => self.null().then_some(()),
            _ => self.number_text(),
        }
    }

    /// Passes over a number of any form (fraction, exponent).
    fn number_text(&mut self) -> Option<()> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        while bytes
            .get(self.at)
            .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
        {
            self.at += 1;
        }
        (self.at > start).then_some(())
    }
}

/// How serde writes `value`, without the quotes: the name a hand reader must know.
#[cfg(test)]
pub(crate) fn serde_name<T: serde::Serialize>(value: T) -> String {
    serde_json::to_string(&value)
        .unwrap()
        .trim_matches('"')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_objects_lists_and_scalars() {
        let mut pull = Pull::new(
            r#" { "a" : [1, -20, 3] , "b": {"c": true, "d": false, "e": null}, "f": "x" } "#,
        );
        let mut seen = Vec::new();
        pull.object(&mut |pull, key| {
            match key {
                "a" => {
                    let numbers = pull.vec(&mut |p| p.integer())?;
                    seen.push(format!("a={numbers:?}"));
                }
                "b" => pull.object(&mut |pull, key| {
                    let value = pull.nullable(&mut Pull::boolean)?;
                    seen.push(format!("{key}={value:?}"));
                    Some(())
                })?,
                "f" => seen.push(format!("f={}", pull.string()?)),
                _ => return None,
            }
            Some(())
        })
        .unwrap();
        assert!(pull.end().is_some());
        assert_eq!(
            seen,
            [
                "a=[1, -20, 3]",
                "c=Some(true)",
                "d=Some(false)",
                "e=None",
                "f=x"
            ]
        );
    }

    #[test]
    fn refuses_what_was_not_asked_for() {
        assert_eq!(Pull::new("1.5").integer(), None);
        assert_eq!(Pull::new("2e3").integer(), None);
        assert_eq!(Pull::new("300").number::<u8>(), None);
        assert_eq!(Pull::new("-1").number::<u32>(), None);
        assert_eq!(Pull::new("01").integer(), None);
        assert_eq!(Pull::new("-").integer(), None);
        assert_eq!(Pull::new("9223372036854775808").integer(), None);
        assert_eq!(Pull::new("-9223372036854775808").integer(), Some(i64::MIN));
        assert_eq!(Pull::new("0").integer(), Some(0));
        assert_eq!(Pull::new("-0").integer(), Some(0));
        assert_eq!(Pull::new("\"a").string(), None);
        assert_eq!(Pull::new("\"a\u{1}b\"").string(), None);
        assert_eq!(Pull::new("\"\\q\"").string(), None);
        assert_eq!(Pull::new("\"\\ud800\"").string(), None);
        assert_eq!(Pull::new("[1 2]").vec(&mut |p| p.integer()), None);
        assert_eq!(Pull::new("{\"a\" 1}").object(&mut |p, _| p.skip()), None);
        assert_eq!(Pull::new("tru").boolean(), None);
        assert!(Pull::new("1 2").skip().is_some_and(|()| true));
        let mut pull = Pull::new("1 2");
        pull.skip().unwrap();
        assert_eq!(pull.end(), None);
    }

    #[test]
    fn skips_every_kind_of_value() {
        let mut pull =
            Pull::new(r#"[{"a": [1.5e3, -2, "x\"y"], "b": {}}, [], null, true, false, "z"] "#);
        pull.skip().unwrap();
        assert!(pull.end().is_some());
    }

    proptest! {
        /// Any string reads back as serde_json writes it.
        #[test]
        fn strings_read_as_serde_writes_them(text in "\\PC*|[\\u{0}-\\u{ffff}]{0,20}|.*\\p{Emoji}.*") {
            let written = serde_json::to_string(&text).unwrap();
            prop_assert_eq!(Pull::new(&written).string(), Some(text.clone()));
            // And with every character escaped, as other writers may.
            let escaped: String = std::iter::once("\"".to_owned())
                .chain(text.encode_utf16().map(|unit| format!("\\u{unit:04x}")))
                .chain(std::iter::once("\"".to_owned()))
                .collect();
            prop_assert_eq!(Pull::new(&escaped).string(), Some(text));
        }

        /// Whole numbers read back as written.
        #[test]
        fn integers_read_back(number in any::<i64>()) {
            prop_assert_eq!(Pull::new(&number.to_string()).integer(), Some(number));
        }
    }
}
