//! Sorting with one routine for the whole program.
//!
//! The standard library's `sort_by` is generic over the items and the comparison, so each call
//! site with its own item type carries a whole stable sort (about 5 kB of WebAssembly before
//! compression), and so does each `collect()` into a `BTreeMap` or `BTreeSet`, which sorts its
//! items first. The browser's section page waited for six of them. [`sort_by`] sorts the
//! positions of the items (plain `usize`s, through a comparison behind a reference), which
//! compiles to one sort however many item types use it, then moves the items into that order.
//! Stable, like `sort_by`; for the lists the app sorts (a work's responses, its ids), a few
//! hundred items at most, the extra step costs nothing measurable.
//!
//! Owns: that one routine. Must not touch: what is sorted or why.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` gives them (stable: equal items keep their
/// order). Not generic, so the program has one copy of the sort.
fn positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|a, b| compare(*a, *b));
    order
}

/// Sorts `items` by `compare`, keeping equal items in their order, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|at| taken[at].take()));
}

/// Sorts `items` and leaves one of each run of equal items, as `sort` then `dedup` do.
pub fn sort_unique<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
    items.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_library_does(items in prop::collection::vec((0u8..5, any::<u16>()), 0..60)) {
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut theirs = items;
            theirs.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn sorts_and_leaves_one_of_each(items in prop::collection::vec(0u8..20, 0..60)) {
            let mut ours = items.clone();
            sort_unique(&mut ours);
            let mut theirs = items;
            theirs.sort();
            theirs.dedup();
            prop_assert_eq!(ours, theirs);
        }
    }
}
