/**
 * Bayesian neural networks for Credence: Bayesian layers with mean-field Gaussian weight posteriors
 * (local reparameterisation, Flipout, MOPED initialisation), MLP regressors and classifiers written
 * as ordinary models and fitted by SVI or NUTS through the inference registry, point-estimate
 * baselines (MAP, MC dropout, deep ensembles), and predictive uncertainty: its aleatoric/epistemic
 * decomposition, calibration metrics and PNG plots.
 *
 * <p>The module depends on the api, io and plot modules; inference algorithms are found at run time
 * through {@link dev.credence.api.infer.Inferences}. Figures are drawn by the plot module.
 */
module dev.credence.models.bnn {
    requires transitive dev.credence.api;
    requires transitive dev.credence.io;
    requires dev.credence.plot;

    exports dev.credence.models.bnn;
    exports dev.credence.models.bnn.layer;
    exports dev.credence.models.bnn.baseline;
    exports dev.credence.models.bnn.predict;
    exports dev.credence.models.bnn.metrics;
    exports dev.credence.models.bnn.plot;
    exports dev.credence.models.bnn.data;
    exports dev.credence.models.bnn.fit;
}
