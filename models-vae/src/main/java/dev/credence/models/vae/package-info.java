/**
 * Variational autoencoders as Credence models: a generative model with a latent vector per example
 * and an amortised guide (the encoder), fitted by stochastic variational inference.
 *
 * <h2>The model</h2>
 *
 * A VAE (Kingma and Welling, "Auto-encoding variational Bayes", ICLR 2014) explains each image
 * {@code x} by a latent vector {@code z ~ Normal(0, I)} passed through a decoder network, {@code x
 * ~ p(x | decoder(z))}. Its posterior {@code p(z | x)} is intractable, so an encoder network gives
 * a Gaussian approximation {@code q(z | x)} for every image at once (amortised inference), and both
 * networks are trained together by maximising the evidence lower bound
 *
 * <pre>
 * ELBO(x) = E_q[log p(x | z)] - KL(q(z | x) || p(z))  &lt;=  log p(x).
 * </pre>
 *
 * {@link dev.credence.models.vae.Vae} writes this as an ordinary {@link
 * dev.credence.api.model.Model} (the latent site {@code z} inside a subsampled plate over the data,
 * the decoder's weights as {@code param} sites) and a guide (the encoder's weights as {@code param}
 * sites), so training is nothing but SVI on the pair, found through {@link
 * dev.credence.api.infer.Inferences}. Variants: the KL weight of the beta-VAE, the
 * importance-weighted bound of IWAE ({@link dev.credence.models.vae.ImportanceWeightedVae}), and
 * three likelihoods ({@link dev.credence.models.vae.Likelihood}).
 *
 * <h2>Using it</h2>
 *
 * <pre>{@code
 * Datasets sets = Datasets.builder().build();
 * VaeTrainer trainer = new VaeTrainer(backend, Inferences.discover(), VaeListener.NONE);
 * VaeResult r = trainer.train(VaeConfig.defaults(),
 *         sets.load("fashion-mnist", Split.TRAIN), sets.load("fashion-mnist", Split.TEST),
 *         Path.of("runs/vae"), false);
 * FittedVae vae = r.fitted();          // encode, decode, sample, elbo, logMarginal, anomalyScores
 * }</pre>
 *
 * A run's folder holds the per-epoch metrics (CSV and JSON), the checkpoint ({@link
 * dev.credence.models.vae.VaeCheckpoint}) with its run record, SVI's resumable state, the figures
 * ({@link dev.credence.models.vae.VaeFigures}), the anomaly scores and a summary.
 */
package dev.credence.models.vae;
