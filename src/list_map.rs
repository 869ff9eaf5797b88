//! A map kept as a list sorted by key: [`ListMap`].
//!
//! The answers to a questionnaire, its scales and its languages are maps of a few dozen entries
//! at most. In the browser every map type the app uses is code it downloads, once for each key
//! and value type: a `BTreeMap` is about 4 kB of WebAssembly for each, and the maps a section
//! of saved work reads before its first question came to about 16 kB of the 700 kB it waits
//! for (7 December 2026). A sorted list does the same work in a few hundred bytes, and for
//! maps this small it is as fast: a binary search to find, a shift to insert.
//!
//! It reads and writes JSON exactly as a `BTreeMap` does (an object, keys in order), and its
//! JSON schema is the `BTreeMap`'s.
//!
//! Owns: the list and its order. Must not touch: what the entries mean.

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A map of `K` to `V`, kept as a list of entries sorted by key, each key once. Iterates in key
/// order, as a `BTreeMap` does.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ListMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for ListMap<K, V> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
        }
    }
}

impl<K, V> ListMap<K, V> {
    /// An empty map.
    pub const fn new() -> Self {
        Self {
            entries: Vec::new(),
        }
    }

    /// How many entries it has.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it has none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter(self.entries.iter())
    }

    /// The entries in key order, each value to change.
    pub fn iter_mut(&mut self) -> IterMut<'_, K, V> {
        IterMut(self.entries.iter_mut())
    }

    /// The keys in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(key, _)| key)
    }

    /// The values in key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(_, value)| value)
    }

    /// The values in key order, to change.
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.entries.iter_mut().map(|(_, value)| value)
    }

    /// Keeps only the entries `keep` says yes to, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(key, value)| keep(key, value));
    }
}

impl<K: Ord, V> ListMap<K, V> {
    /// Where `key` is (`Ok`), or where it would go (`Err`).
    fn find<Q>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.entries
            .binary_search_by(|(each, _)| each.borrow().cmp(key))
    }

    /// The value of `key`, if it has one.
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        let at = self.find(key).ok()?;
        Some(&self.entries[at].1)
    }

    /// The value of `key` to change, if it has one.
    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        let at = self.find(key).ok()?;
        Some(&mut self.entries[at].1)
    }

    /// Whether `key` has a value.
    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.find(key).is_ok()
    }

    /// Sets the value of `key`, returning the one it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.entries[at].1, value)),
            Err(at) => {
                self.entries.insert(at, (key, value));
                None
            }
        }
    }

    /// Takes out the value of `key`, if it has one.
    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        let at = self.find(key).ok()?;
        Some(self.entries.remove(at).1)
    }
}

/// The value of a key, as a `BTreeMap` gives it: a key it does not have is a bug, and panics.
impl<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V> std::ops::Index<&Q> for ListMap<K, V> {
    type Output = V;

    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry for the key")
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for ListMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// From a `BTreeMap`, whose entries are already in order and each key once.
impl<K, V> From<BTreeMap<K, V>> for ListMap<K, V> {
    fn from(map: BTreeMap<K, V>) -> Self {
        Self {
            entries: map.into_iter().collect(),
        }
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for ListMap<K, V> {
    fn from(entries: [(K, V); N]) -> Self {
        entries.into_iter().collect()
    }
}

/// As a `BTreeMap` collects: a key given twice keeps the last value.
impl<K: Ord, V> FromIterator<(K, V)> for ListMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        let mut map = Self::new();
        map.extend(entries);
        map
    }
}

impl<K: Ord, V> Extend<(K, V)> for ListMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, entries: I) {
        for (key, value) in entries {
            self.insert(key, value);
        }
    }
}

impl<K, V> IntoIterator for ListMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a ListMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, K, V> IntoIterator for &'a mut ListMap<K, V> {
    type Item = (&'a K, &'a mut V);
    type IntoIter = IterMut<'a, K, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

/// The entries of a [`ListMap`] in key order.
#[derive(Clone)]
pub struct Iter<'a, K, V>(std::slice::Iter<'a, (K, V)>);

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(key, value)| (key, value))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<K, V> DoubleEndedIterator for Iter<'_, K, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(key, value)| (key, value))
    }
}

impl<K, V> ExactSizeIterator for Iter<'_, K, V> {}

/// The entries of a [`ListMap`] in key order, each value to change.
pub struct IterMut<'a, K, V>(std::slice::IterMut<'a, (K, V)>);

impl<'a, K, V> Iterator for IterMut<'a, K, V> {
    type Item = (&'a K, &'a mut V);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(key, value)| (&*key, value))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<K, V> DoubleEndedIterator for IterMut<'_, K, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(key, value)| (&*key, value))
    }
}

impl<K, V> ExactSizeIterator for IterMut<'_, K, V> {}

/// Written as a `BTreeMap` is: a JSON object, keys in order.
impl<K: Serialize, V: Serialize> Serialize for ListMap<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// Read as a `BTreeMap` is: a JSON object, a key written twice keeping the last value (fields
/// that must refuse one use `unique_keys::deserialize`).
impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> Deserialize<'de> for ListMap<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(Entries(std::marker::PhantomData))
    }
}

struct Entries<K, V>(std::marker::PhantomData<(K, V)>);

impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> serde::de::Visitor<'de>
    for Entries<K, V>
{
    type Value = ListMap<K, V>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a map")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut access: A,
    ) -> Result<Self::Value, A::Error> {
        let mut map = ListMap::new();
        while let Some((key, value)) = access.next_entry()? {
            map.insert(key, value);
        }
        Ok(map)
    }
}

/// The schema of the `BTreeMap` it stands for.
impl<K: JsonSchema, V: JsonSchema> JsonSchema for ListMap<K, V> {
    fn inline_schema() -> bool {
        <BTreeMap<K, V>>::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <BTreeMap<K, V>>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <BTreeMap<K, V>>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <BTreeMap<K, V>>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_keeps_its_entries_in_key_order_each_key_once() {
        let mut map = ListMap::new();
        assert_eq!(map.insert("b", 2), None);
        assert_eq!(map.insert("a", 1), None);
        assert_eq!(map.insert("c", 3), None);
        assert_eq!(map.insert("b", 20), Some(2));
        assert_eq!(
            map.iter().collect::<Vec<_>>(),
            [(&"a", &1), (&"b", &20), (&"c", &3)]
        );
        assert_eq!(map.len(), 3);
        assert_eq!(map.get("b"), Some(&20));
        assert_eq!(map.get("d"), None);
        assert!(map.contains_key("c") && !map.contains_key("d"));
        assert_eq!(map.remove("a"), Some(1));
        assert_eq!(map.remove("a"), None);
        *map.get_mut("c").unwrap() += 1;
        assert_eq!(map.keys().collect::<Vec<_>>(), [&"b", &"c"]);
        assert_eq!(map.values().collect::<Vec<_>>(), [&20, &4]);
        map.retain(|key, _| *key != "b");
        assert_eq!(map.into_iter().collect::<Vec<_>>(), [("c", 4)]);
    }

    #[test]
    fn it_collects_as_a_btree_map_does_the_last_of_a_key_given_twice_kept() {
        let entries = [(3, "c"), (1, "a"), (2, "b"), (1, "z")];
        let list: ListMap<_, _> = entries.into_iter().collect();
        let tree: BTreeMap<_, _> = entries.into_iter().collect();
        assert_eq!(
            list.iter().collect::<Vec<_>>(),
            tree.iter().collect::<Vec<_>>()
        );
    }

    #[test]
    fn it_reads_and_writes_json_and_has_the_schema_of_a_btree_map() {
        let text = r#"{"b":2,"a":1}"#;
        let list: ListMap<String, u32> = serde_json::from_str(text).unwrap();
        let tree: BTreeMap<String, u32> = serde_json::from_str(text).unwrap();
        assert_eq!(
            serde_json::to_string(&list).unwrap(),
            serde_json::to_string(&tree).unwrap()
        );
        assert_eq!(serde_json::to_string(&list).unwrap(), r#"{"a":1,"b":2}"#);
        assert_eq!(
            schemars::schema_for!(ListMap<String, u32>),
            schemars::schema_for!(BTreeMap<String, u32>)
        );
        assert_eq!(format!("{list:?}"), format!("{tree:?}"));
        // A key written twice keeps its last value, as in a `BTreeMap`.
        let twice: ListMap<String, u32> = serde_json::from_str(r#"{"a":1,"b":2,"a":3}"#).unwrap();
        assert_eq!(serde_json::to_string(&twice).unwrap(), r#"{"a":3,"b":2}"#);
    }
}
