#!/usr/bin/env bash
# Clean release build time and wheel size, as every fresh `pip install .` and CI run pays them.
# Builds into a fresh target directory so nothing cached is reused.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
CARGO_TARGET_DIR="$tmp/target" maturin build --release --out "$tmp/wheels" --quiet 2>&1 | tail -n 2
end=$(date +%s.%N)
wheel=$(ls "$tmp"/wheels/*.whl)
printf 'clean release build: %.0f s\n' "$(echo "$end - $start" | bc)"
printf 'wheel: %s, %s bytes (%.1f MB)\n' "$(basename "$wheel")" "$(stat -c %s "$wheel")" "$(echo "$(stat -c %s "$wheel") / 1048576" | bc -l)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
