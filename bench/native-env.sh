# Sourced by the bench scripts that start Java with a native backend: the same allocator settings
# the credence launcher (distribution/src/bin/credence) gives such processes, so that a benchmark
# measures what a user runs. See the launcher for why; a GLIBC_TUNABLES already set is kept.
if [ -z "${GLIBC_TUNABLES+set}" ]; then
  export GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824
fi
# The heap the launcher gives `credence vae` (see the launcher for why), for the scripts that train
# the VAE in a JVM of their own.
# shellcheck disable=SC2034
vae_heap=(-Xmx1g)
