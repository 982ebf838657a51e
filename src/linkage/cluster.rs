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

struct UnionFind {
    parent: Vec<u32>,
    members: Vec<Vec<u32>>,
    old: Vec<bool>,
}

impl UnionFind {
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
    fn union(&mut self, a: u32, b: u32) {
        let (big, small) = if self.members[a as usize].len() >= self.members[b as usize].len() { (a, b) } else { (b, a) };
        self.parent[small as usize] = big;
        let moved = std::mem::take(&mut self.members[small as usize]);
        self.members[big as usize].extend(moved);
        self.old[big as usize] |= self.old[small as usize];
    }
}

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
    let mut uf = UnionFind {
        parent: (0..n as u32).collect(),
        members: (0..n as u32).map(|i| vec![i]).collect(),
        old: vec![false; n],
    };
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
        .iter()
        .filter(|s| s.p >= opts.threshold && !(opts.cannot_link)(s.i as usize, s.j as usize))
        .copied()
        .collect();
    links.sort_by(|a, b| b.p.total_cmp(&a.p).then(a.i.cmp(&b.i)).then(a.j.cmp(&b.j)));
    // Adjacency of every compared pair (robust method): (neighbour, is_link).
    let adjacency: Vec<Vec<(u32, bool)>> = if opts.method == ClusterMethod::Robust {
        let mut adj = vec![Vec::new(); n];
        for s in pairs {
            let link = s.p >= opts.threshold;
            adj[s.i as usize].push((s.j, link));
            adj[s.j as usize].push((s.i, link));
        }
        adj
    } else {
        Vec::new()
    };
    // Robust: links whose two ends both have other links but no common linked neighbour look
    // like bridges between groups; they wait until the groups around them have formed.
    if opts.method == ClusterMethod::Robust {
        let mut nbrs: Vec<Vec<u32>> = vec![Vec::new(); n];
        for s in &links {
            nbrs[s.i as usize].push(s.j);
            nbrs[s.j as usize].push(s.i);
        }
        for v in &mut nbrs {
            v.sort_unstable();
        }
        let bridge = |s: &Scored| {
            let (a, b) = (&nbrs[s.i as usize], &nbrs[s.j as usize]);
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
        if opts.method == ClusterMethod::Robust {
            let (small, other) =
                if uf.members[a as usize].len() <= uf.members[b as usize].len() { (a, b) } else { (b, a) };
            let mut compared = 0u64;
            let mut linked = 0u64;
            for &x in &uf.members[small as usize] {
                for &(y, link) in &adjacency[x as usize] {
                    if uf.find_const(y) == other {
                        compared += 1;
                        linked += u64::from(link);
                    }
                }
            }
            if (linked as f64) < opts.min_density * compared as f64 {
                continue;
            }
            if opts.has_cannot_link {
                let forbidden = uf.members[small as usize].iter().any(|&x| {
                    uf.members[other as usize].iter().any(|&y| (opts.cannot_link)(x as usize, y as usize))
                });
                if forbidden {
                    continue;
                }
            }
        }
        uf.union(a, b);
    }
    let mut label = vec![0u32; n];
    let mut min_of_root: Vec<u32> = vec![u32::MAX; n];
    for i in 0..n as u32 {
        let r = uf.find(i) as usize;
        min_of_root[r] = min_of_root[r].min(i);
    }
    for i in 0..n as u32 {
        label[i as usize] = min_of_root[uf.find(i) as usize];
    }
    label
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
        let mut v = vec![s(0, 1, 0.99), s(0, 2, 0.99), s(1, 2, 0.99), s(3, 4, 0.99), s(3, 5, 0.99), s(4, 5, 0.99)];
        v.push(s(2, 3, 0.995));
        for (i, j) in [(0, 3), (0, 4), (0, 5), (1, 3), (1, 4), (1, 5), (2, 4), (2, 5)] {
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
        let o = ClusterOptions { cannot_link: &forbid, has_cannot_link: true, ..opts(ClusterMethod::Robust) };
        assert_eq!(cluster(3, &pairs, &o), vec![0, 0, 2]);
        // Frozen: records 0 and 1 are different existing persons; 2 is new and links to both.
        let frozen = [7, 8, u32::MAX];
        let pairs = vec![s(0, 2, 0.99), s(1, 2, 0.98)];
        let o = ClusterOptions { frozen: Some(&frozen), ..opts(ClusterMethod::ConnectedComponents) };
        assert_eq!(cluster(3, &pairs, &o), vec![0, 1, 0]);
    }
}
