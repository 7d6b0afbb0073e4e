/**
 * The variational autoencoder family for Credence: a generative model with a per-example latent
 * variable and an amortised guide (the encoder), trained by stochastic variational inference found
 * through the inference registry, with evaluation, images and checkpoints.
 */
module dev.credence.models.vae {
    requires transitive dev.credence.api;
    requires transitive dev.credence.io;
    requires dev.credence.plot;

    exports dev.credence.models.vae;
}
