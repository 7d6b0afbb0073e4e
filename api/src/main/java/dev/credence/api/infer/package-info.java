/**
 * The inference SPI: what every algorithm (NUTS, SVI, SG-MCMC, and third-party ones) implements,
 * and what every caller sees, whichever algorithm fitted a model.
 *
 * <p>An algorithm is an {@link dev.credence.api.infer.InferenceProvider}, found with {@link
 * java.util.ServiceLoader} and reached by name through {@link dev.credence.api.infer.Inferences}.
 * It publishes its settings as typed {@link dev.credence.api.infer.Option}s (name, type, default,
 * {@link dev.credence.api.infer.Range}, help), from which option checking, error messages and
 * {@code credence inferences} are generated; callers pass them in an {@link
 * dev.credence.api.infer.InferenceConfig} together with the run's random key. The provider makes an
 * {@link dev.credence.api.infer.Inference}, which fits a model and returns a {@link
 * dev.credence.api.infer.Posterior}: draws ({@link dev.credence.api.infer.Draws}) under the model's
 * site names, summaries with convergence diagnostics, and predictions ({@link
 * dev.credence.api.infer.Predictive}).
 *
 * <p>Long runs report progress through a {@link dev.credence.api.infer.ProgressListener} and may
 * keep resumable state in a {@link dev.credence.api.infer.StateStore} (the io module provides one
 * on checkpoint files). {@link dev.credence.api.infer.Sbc} checks any provider by simulation-based
 * calibration.
 */
package dev.credence.api.infer;
