/**
 * Integration tests of what a user downloads or builds against: the unpacked distribution ({@link
 * dev.credence.distribution.Installation} unpacks it and runs its {@code bin/credence}), and the
 * consumer project of {@code src/it} on the class path and the module path. The packs' modules
 * reuse these helpers through this module's test jar.
 */
package dev.credence.distribution;
