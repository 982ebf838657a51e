//! Record linkage: blocking, comparisons, the Fellegi–Sunter model fitted by EM, clustering.
