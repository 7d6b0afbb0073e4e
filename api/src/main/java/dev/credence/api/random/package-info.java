/**
 * Counter-based, splittable random keys ({@link dev.credence.api.random.RandomKey}): reproducible
 * streams for every chain, layer and step, independent of the thread schedule.
 */
package dev.credence.api.random;
