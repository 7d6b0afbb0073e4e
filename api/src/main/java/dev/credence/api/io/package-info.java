/**
 * Files that results live in: {@link dev.credence.api.io.Checkpoint} (named arrays and metadata,
 * versioned, written atomically), {@link dev.credence.api.io.RunRecord} (the provenance written
 * beside every artifact, with {@link dev.credence.api.io.Versions}, the version of each component
 * that ran), {@link dev.credence.api.io.StanCsv} (MCMC draws in CmdStan's layout), and the pieces
 * they share: {@link dev.credence.api.io.HostArray} (an array in host memory), {@link
 * dev.credence.api.io.Json}, {@link dev.credence.api.io.Sha256} and {@link
 * dev.credence.api.io.AtomicFiles}.
 *
 * <p>Nothing here uses Java serialization. Every reader validates what it reads and reports a
 * damaged, truncated or newer-format file with a {@link dev.credence.api.io.FileFormatException}.
 */
package dev.credence.api.io;
