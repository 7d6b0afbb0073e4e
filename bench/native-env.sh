# Sourced by the bench scripts that start Java with a native backend: the same allocator settings
# the credence launcher (distribution/src/bin/credence) gives such processes, so that a benchmark
# measures what a user runs. See the launcher for why; a GLIBC_TUNABLES already set is kept.
if [ -z "${GLIBC_TUNABLES+set}" ]; then
  export GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824
fi
