/**
 * Stochastic-gradient MCMC for Credence models, provided to the inference registry as {@code sgld},
 * {@code sghmc} and {@code csgmcmc}.
 */
module dev.credence.inference.sgmcmc {
    requires dev.credence.api;

    exports dev.credence.inference.sgmcmc;

    provides dev.credence.api.infer.InferenceProvider with
            dev.credence.inference.sgmcmc.SgldProvider,
            dev.credence.inference.sgmcmc.SghmcProvider,
            dev.credence.inference.sgmcmc.CsgmcmcProvider;
}
