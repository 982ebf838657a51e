//! Clustering scored pairs into persons.
//!
//! Two methods, both with union–find over records in canonical order:
//! - **connected components** of the links (pairs at or above the threshold), as splink's
//!   `cluster_pairwise_predictions_at_threshold`;
//! - **robust**: links are taken strongest first (ties broken by record order) and two groups
//!   merge only when at least `min_density` of the pairs compared between them are links, and no
//!   cannot-link rule forbids any cross pair. A single strong bridge between two well-connected
//!   groups (a common name in one district, say) therefore does not chain them into one person,
//!   while a record compared with only one member of a group still joins it.
//!
//! In incremental linking, groups that already exist are frozen: a new record may join one of
//! them, but two existing persons are never merged (so nobody is renumbered).

use super::settings::ClusterMethod;

/// A candidate pair with its match probability.
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    /// First record (canonical index).
    pub i: u32,
    /// Second record.
    pub j: u32,
    /// Match probability.
    pub p: f64,
}

/// Union–find with member lists kept as linked lists in flat arrays (no allocation per
/// record: a million singletons must stay cheap).
struct UnionFind {
    parent: Vec<u32>,
    /// Next member of the same group (`u32::MAX` at the end); a root's list starts at itself.
    next: Vec<u32>,
    /// Last member of a root's list.
    tail: Vec<u32>,
    size: Vec<u32>,
    old: Vec<bool>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        Self {
            parent: (0..n as u32).collect(),
            next: vec![u32::MAX; n],
            tail: (0..n as u32).collect(),
            size: vec![1; n],
            old: vec![false; n],
        }
    }
    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let p = self.parent[x as usize];
            self.parent[x as usize] = self.parent[p as usize];
            x = p;
        }
        x
    }
    fn find_const(&self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            x = self.parent[x as usize];
        }
        x
    }
    fn members(&self, root: u32) -> impl Iterator<Item = u32> + '_ {
        std::iter::successors(Some(root), |&x| {
            let n = self.next[x as usize];
            (n != u32::MAX).then_some(n)
        })
    }
    fn union(&mut self, a: u32, b: u32) {
        let (big, small) = if self.size[a as usize] >= self.size[b as usize] {
            (a, b)
        } else {
            (b, a)
        };
        self.parent[small as usize] = big;
        let t = self.tail[big as usize];
        self.next[t as usize] = small;
        self.tail[big as usize] = self.tail[small as usize];
        self.size[big as usize] += self.size[small as usize];
        self.old[big as usize] |= self.old[small as usize];
    }
}

/// Compressed adjacency lists: the neighbours of `v` are `items[start[v]..start[v + 1]]`.
struct Csr<T> {
    start: Vec<usize>,
    items: Vec<T>,
}

impl<T: Copy + Default> Csr<T> {
    fn new(n: usize, edges: impl Iterator<Item = (u32, T)> + Clone) -> Self {
        let mut start = vec![0usize; n + 1];
        for (v, _) in edges.clone() {
            start[v as usize + 1] += 1;
        }
        for v in 0..n {
            start[v + 1] += start[v];
        }
        let mut fill = start.clone();
        let mut items = vec![T::default(); start[n]];
        for (v, x) in edges {
            items[fill[v as usize]] = x;
            fill[v as usize] += 1;
        }
        Self { start, items }
    }
    fn of(&self, v: u32) -> &[T] {
        &self.items[self.start[v as usize]..self.start[v as usize + 1]]
    }
}

/// Marks a link in the robust method's adjacency lists (the top bit of the neighbour).
const LINK: u32 = 1 << 31;

/// Options of [`cluster`].
pub struct ClusterOptions<'a> {
    /// Method.
    pub method: ClusterMethod,
    /// Links are pairs with probability at least this.
    pub threshold: f64,
    /// Robust method: share of compared cross pairs that must be links.
    pub min_density: f64,
    /// Existing group label per record (`u32::MAX` for new records), for incremental linking.
    pub frozen: Option<&'a [u32]>,
    /// Whether a pair is forbidden by a cannot-link rule.
    pub cannot_link: &'a (dyn Fn(usize, usize) -> bool + Sync),
    /// Whether any cannot-link rule exists (skips cross checks when not).
    pub has_cannot_link: bool,
}

/// Cluster label per record: the smallest canonical index in its cluster.
#[must_use]
pub fn cluster(n: usize, pairs: &[Scored], opts: &ClusterOptions<'_>) -> Vec<u32> {
    use rayon::prelude::*;
    let mut uf = UnionFind::new(n);
    if let Some(frozen) = opts.frozen {
        let mut first: std::collections::HashMap<u32, u32> = std::collections::HashMap::new();
        for (i, &g) in frozen.iter().enumerate() {
            if g == u32::MAX {
                continue;
            }
            uf.old[i] = true;
            match first.get(&g) {
                None => {
                    first.insert(g, i as u32);
                }
                Some(&f) => {
                    let (a, b) = (uf.find(f), uf.find(i as u32));
                    if a != b {
                        uf.union(a, b);
                    }
                }
            }
        }
    }
    let mut links: Vec<Scored> = pairs
        .par_iter()
        .filter(|s| s.p >= opts.threshold && !(opts.cannot_link)(s.i as usize, s.j as usize))
        .copied()
        .collect();
    // (i, j) is unique per pair, so this order is total and the unstable sort deterministic.
    links.par_sort_unstable_by(|a, b| b.p.total_cmp(&a.p).then(a.i.cmp(&b.i)).then(a.j.cmp(&b.j)));
    let robust = opts.method == ClusterMethod::Robust;
    // Adjacency of every compared pair (robust method): the neighbour, with `LINK` set when
    // the pair is a link (4 bytes an entry instead of 8: this list holds every candidate pair
    // twice, and filling fresh memory was most of the clustering time at a million records).
    assert!(n <= LINK as usize, "record indices fit in 31 bits");
    let adjacency: Csr<u32> = if robust {
        let edges = pairs.iter().flat_map(|s| {
            let link = if s.p >= opts.threshold { LINK } else { 0 };
            [(s.i, s.j | link), (s.j, s.i | link)]
        });
        Csr::new(n, edges)
    } else {
        Csr::new(0, std::iter::empty())
    };
    // Robust: links whose two ends both have other links but no common linked neighbour look
    // like bridges between groups; they wait until the groups around them have formed.
    if robust {
        let mut nbrs: Csr<u32> = Csr::new(n, links.iter().flat_map(|s| [(s.i, s.j), (s.j, s.i)]));
        for v in 0..n {
            let (s, e) = (nbrs.start[v], nbrs.start[v + 1]);
            nbrs.items[s..e].sort_unstable();
        }
        let bridge = |s: &Scored| {
            let (a, b) = (nbrs.of(s.i), nbrs.of(s.j));
            if a.len() < 2 || b.len() < 2 {
                return false;
            }
            let (mut x, mut y) = (0, 0);
            while x < a.len() && y < b.len() {
                match a[x].cmp(&b[y]) {
                    std::cmp::Ordering::Less => x += 1,
                    std::cmp::Ordering::Greater => y += 1,
                    std::cmp::Ordering::Equal => return false,
                }
            }
            true
        };
        let (mut first, later): (Vec<Scored>, Vec<Scored>) = links.iter().partition(|s| !bridge(s));
        first.extend(later);
        links = first;
    }
    for s in &links {
        let (a, b) = (uf.find(s.i), uf.find(s.j));
        if a == b || (uf.old[a as usize] && uf.old[b as usize]) {
            continue;
        }
        if robust {
            let (small, other) = if uf.size[a as usize] <= uf.size[b as usize] {
                (a, b)
            } else {
                (b, a)
            };
            let mut compared = 0u64;
            let mut linked = 0u64;
            for x in uf.members(small) {
                for &e in adjacency.of(x) {
                    if uf.find_const(e & !LINK) == other {
                        compared += 1;
                        linked += u64::from(e >> 31);
                    }
                }
            }
            if (linked as f64) < opts.min_density * compared as f64 {
                continue;
            }
            if opts.has_cannot_link {
                let forbidden = uf.members(small).any(|x| {
                    uf.members(other)
                        .any(|y| (opts.cannot_link)(x as usize, y as usize))
                });
                if forbidden {
                    continue;
                }
            }
        }
        uf.union(a, b);
    }
    let mut min_of_root: Vec<u32> = vec![u32::MAX; n];
    let roots: Vec<u32> = (0..n as u32).map(|i| uf.find(i)).collect();
    for (i, &r) in roots.iter().enumerate() {
        let m = &mut min_of_root[r as usize];
        *m = (*m).min(i as u32);
    }
    roots.iter().map(|&r| min_of_root[r as usize]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn never(_: usize, _: usize) -> bool {
        false
    }

    fn opts(method: ClusterMethod) -> ClusterOptions<'static> {
        ClusterOptions {
            method,
            threshold: 0.9,
            min_density: 0.3,
            frozen: None,
            cannot_link: &never,
            has_cannot_link: false,
        }
    }

    fn s(i: u32, j: u32, p: f64) -> Scored {
        Scored { i, j, p }
    }

    /// Two triangles {0,1,2} and {3,4,5} fully compared, joined by one strong bridge 2–3.
    fn bridged() -> Vec<Scored> {
        let mut v = vec![
            s(0, 1, 0.99),
            s(0, 2, 0.99),
            s(1, 2, 0.99),
            s(3, 4, 0.99),
            s(3, 5, 0.99),
            s(4, 5, 0.99),
        ];
        v.push(s(2, 3, 0.995));
        for (i, j) in [
            (0, 3),
            (0, 4),
            (0, 5),
            (1, 3),
            (1, 4),
            (1, 5),
            (2, 4),
            (2, 5),
        ] {
            v.push(s(i, j, 0.2));
        }
        v
    }

    #[test]
    fn connected_components_chain_robust_does_not() {
        let pairs = bridged();
        let cc = cluster(6, &pairs, &opts(ClusterMethod::ConnectedComponents));
        assert_eq!(cc, vec![0; 6]);
        let robust = cluster(6, &pairs, &opts(ClusterMethod::Robust));
        assert_eq!(robust, vec![0, 0, 0, 3, 3, 3]);
    }

    #[test]
    fn robust_joins_record_compared_with_one_member() {
        let pairs = vec![s(0, 1, 0.99), s(1, 2, 0.99), s(0, 2, 0.95), s(2, 3, 0.97)];
        assert_eq!(cluster(4, &pairs, &opts(ClusterMethod::Robust)), vec![0; 4]);
    }

    #[test]
    fn cannot_link_and_frozen_groups() {
        let forbid = |a: usize, b: usize| (a, b) == (0, 2) || (a, b) == (2, 0);
        let pairs = vec![s(0, 1, 0.99), s(1, 2, 0.98)];
        let o = ClusterOptions {
            cannot_link: &forbid,
            has_cannot_link: true,
            ..opts(ClusterMethod::Robust)
        };
        assert_eq!(cluster(3, &pairs, &o), vec![0, 0, 2]);
        // Frozen: records 0 and 1 are different existing persons; 2 is new and links to both.
        let frozen = [7, 8, u32::MAX];
        let pairs = vec![s(0, 2, 0.99), s(1, 2, 0.98)];
        let o = ClusterOptions {
            frozen: Some(&frozen),
            ..opts(ClusterMethod::ConnectedComponents)
        };
        assert_eq!(cluster(3, &pairs, &o), vec![0, 1, 0]);
    }
}
