/**
 * Checks at the command line's boundary, made before any work starts: option values against their
 * documented ranges ({@link dev.credence.cli.check.Bounds}) and the memory a request will need
 * against what this JVM may use ({@link dev.credence.cli.check.MemoryBudget}, with the estimates of
 * {@link dev.credence.cli.check.Footprints}). A failed check is a {@link
 * dev.credence.cli.CommandFailure} that names the option, the value and what to do instead.
 */
package dev.credence.cli.check;
