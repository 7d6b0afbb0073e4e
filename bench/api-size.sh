#!/usr/bin/env bash
# The size of a module's main Java code: physical lines, non-blank non-comment lines (a line counts
# when anything other than whitespace and comments is on it), and both per package, largest first.
#
# Usage: bench/api-size.sh [SOURCE_ROOT]
#   SOURCE_ROOT defaults to api/src/main/java (the api module's main code); pass another module's
#   source root (compiler/src/main/java, say) to measure that instead.
set -euo pipefail
root="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/api/src/main/java}"
if [ ! -d "$root" ]; then
  echo "api-size: no source folder $root" >&2
  exit 2
fi
find "$root" -name '*.java' -print0 | sort -z | xargs -0 awk -v root="$root/" '
  FNR == 1 { incomment = 0; pkg = FILENAME; sub("^" root, "", pkg); sub("/[^/]*$", "", pkg)
             if (pkg ~ /\.java$/) pkg = "(default)"; gsub("/", ".", pkg) }
  {
    physical[pkg]++; total++
    line = $0; code = 0
    # Strip comments left to right; string literals that contain comment markers are rare enough
    # in this code base to ignore (they would only move a line between the two counts).
    while (length(line) > 0) {
      if (incomment) {
        end = index(line, "*/")
        if (end == 0) { line = ""; break }
        line = substr(line, end + 2); incomment = 0
      } else {
        s = index(line, "/*"); d = index(line, "//")
        if (d > 0 && (s == 0 || d < s)) { if (substr(line, 1, d - 1) ~ /[^ \t]/) code = 1; line = ""; break }
        if (s == 0) { if (line ~ /[^ \t\r]/) code = 1; line = ""; break }
        if (substr(line, 1, s - 1) ~ /[^ \t]/) code = 1
        line = substr(line, s + 2); incomment = 1
      }
    }
    if (code) { ncnb[pkg]++; totalcode++ }
  }
  END {
    printf "%-45s %9s %9s\n", "package", "physical", "code"
    for (p in physical) printf "%-45s %9d %9d\n", p, physical[p], ncnb[p] | "sort -k2,2nr"
    close("sort -k2,2nr")
    printf "%-45s %9d %9d\n", "total", total, totalcode
  }'
