/**
 * Profiles of a training step: {@link dev.credence.bench.profile.VaeStepProfile} times the
 * reference VAE's SVI step on one backend and tables the backend calls it makes, through the timing
 * decorator {@link dev.credence.bench.profile.TimedBackend}. Run it with {@code bench/profile.sh};
 * the committed results are in {@code bench/profiles/}.
 */
package dev.credence.bench.profile;
