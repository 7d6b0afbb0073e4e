/**
 * Probabilistic models as programs, effect handlers that interpret them, and the potential that
 * samplers consume.
 *
 * <h2>Models</h2>
 *
 * A {@link dev.credence.api.model.Model} is a function of a {@link
 * dev.credence.api.model.ModelContext} that declares random variables with {@code sample} and
 * {@code observe}, learnable parameters with {@code param}, derived quantities with {@code
 * deterministic}, and conditional independence with {@code plate}. Data lives in the model object.
 *
 * <h2>Effect handlers</h2>
 *
 * The meaning of a statement is decided by the handlers around the model, after Pyro's Poutine and
 * NumPyro's {@code handlers.py} (Bingham et al., "Pyro: deep universal probabilistic programming",
 * JMLR 20, 2019; Phan et al., "Composable effects for flexible and accelerated probabilistic
 * programming in NumPyro", 2019). Each statement is a {@link dev.credence.api.model.Message} that
 * visits the handler stack of its context, innermost first, then gets default behaviour, then is
 * post-processed; see {@link dev.credence.api.model.Effect}. The stack belongs to the context of a
 * single run, never to a global, so one model can run on many threads at once. {@link
 * dev.credence.api.model.Handlers} lists the handlers: {@code trace}, {@code replay}, {@code
 * condition}, {@code substitute}, {@code seed}, {@code scale}, {@code mask} and {@code block}.
 *
 * <h2>Plates and minibatches</h2>
 *
 * {@code plate(name, N, B)} declares {@code N} conditionally independent repetitions of which a run
 * uses {@code B}, chosen from the seed handler's key. Log-probabilities inside are multiplied by
 * {@code N / B}, so the log joint of a subsampled run is an unbiased estimate of the full one and
 * minibatch ELBOs come out right without user arithmetic.
 *
 * <h2>Potentials</h2>
 *
 * {@link dev.credence.api.model.Potential} turns a model into the log joint density on an
 * unconstrained {@code R^n} (with bijections from {@link
 * dev.credence.api.dist.bijector.BijectorRegistry#bijectTo()} and their log-determinants), with its
 * gradient: the interface between models and HMC, NUTS and automatic guides. Example models are in
 * {@link dev.credence.api.model.examples}.
 */
package dev.credence.api.model;
