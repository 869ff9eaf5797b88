//! Benchmarks: where an organisation stands against its own last cycle, against its peers, and
//! against the views of its practitioners and of the people who use its services.
//!
//! Owns: comparing two cycles of the same audit ([`cycle`]), the anonymised peer reference set,
//! its file format, its builder and positions within it ([`peers`]), and triangulation of leaders',
//! practitioners' and service users' and carers' views by theme ([`triangulation`]).
//! Must not touch: how answers score ([`crate::scoring`]) or how feedback is counted
//! ([`crate::aggregate`]); report wording; files, storage or a clock. Nothing here ever carries
//! an organisation's name into a peer reference set.

pub mod cycle;
pub mod peers;
pub mod triangulation;

pub use cycle::{compare_cycles, compare_works, CycleComparison, Direction};
pub use peers::{build_peer_set, compare_with_peers, parse_peer_set, PeerComparison, PeerSet};
pub use triangulation::{triangulate, Triangulation};
