//! Maps read from JSON that refuse a key written twice.
//!
//! JSON allows an object to name a key twice, and serde's maps keep the last one without a
//! word: a work file with two answers to `lead-1` would silently lose one. Struct fields are
//! already refused twice by serde (`duplicate field`); every map a file can hold is read with
//! [`deserialize`] instead, so a key written twice is refused at every level, with the key named
//! (and, through the reader's path, where it is).
//!
//! Owns: reading a map strictly. Must not touch: what the map holds.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, Error, MapAccess, Visitor};

use crate::list_map::ListMap;

/// Reads a map, refusing a key written twice (for `#[serde(deserialize_with = …)]`). As fast as
/// serde's own map: a file's keys come in order, so each is placed at the end.
pub fn deserialize<'de, D, K, V>(deserializer: D) -> Result<ListMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    deserializer.deserialize_map(Unique(PhantomData))
}

struct Unique<K, V>(PhantomData<(K, V)>);

impl<'de, K, V> Visitor<'de> for Unique<K, V>
where
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    type Value = ListMap<K, V>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an object { … } with each key once")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut map = ListMap::new();
        while let Some(key) = access.next_key::<K>()? {
            if map.contains_key(&key) {
                return Err(A::Error::custom(format_args!(
                    "the key `{key}` is written twice (JSON would keep only the last one)"
                )));
            }
            let value = access.next_value()?;
            map.insert(key, value);
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<ListMap<String, u32>, serde_json::Error> {
        deserialize(&mut serde_json::Deserializer::from_str(text))
    }

    #[test]
    fn each_key_once_reads_as_a_map() {
        let map = read(r#"{ "b": 2, "a": 1 }"#).unwrap();
        assert_eq!(
            map.into_iter().collect::<Vec<_>>(),
            [("a".into(), 1), ("b".into(), 2)]
        );
        assert!(read("{}").unwrap().is_empty());
    }

    #[test]
    fn a_key_written_twice_is_refused_by_name_with_its_line() {
        let error = read("{\n  \"a\": 1,\n  \"a\": 2\n}")
            .unwrap_err()
            .to_string();
        assert_eq!(
            error,
            "the key `a` is written twice (JSON would keep only the last one) at line 3 column 5"
        );
    }
}
