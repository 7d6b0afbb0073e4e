/**
 * Files that results live in: {@link dev.credence.io.Checkpoint} (named arrays and metadata,
 * versioned, written atomically), {@link dev.credence.io.RunRecord} (the provenance written beside
 * every artifact, with {@link dev.credence.io.Versions}, the version of each component that ran),
 * {@link dev.credence.io.stan.StanCsv} (MCMC draws in CmdStan's layout), and the pieces they share:
 * {@link dev.credence.io.HostArray} (an array in host memory), {@link dev.credence.io.Json}, {@link
 * dev.credence.io.Sha256} and {@link dev.credence.io.AtomicFiles}.
 *
 * <p>Nothing here uses Java serialization. Every reader validates what it reads and reports a
 * damaged, truncated or newer-format file with a {@link dev.credence.io.FileFormatException}.
 */
package dev.credence.io;
