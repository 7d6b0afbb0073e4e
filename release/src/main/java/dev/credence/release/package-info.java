/**
 * The release check: {@link dev.credence.release.CentralBundle} tells whether a staged Maven
 * repository holds what Maven Central requires of every published Credence module, reading POMs
 * with {@link dev.credence.release.PomFacts}. See {@code docs/releasing.md} for the release steps.
 */
package dev.credence.release;
