/**
 * Variational inference for Credence models: evidence lower bounds, automatic guides and stochastic
 * variational inference, provided to the inference registry as {@code svi}.
 */
module dev.credence.inference.vi {
    requires transitive dev.credence.api;

    exports dev.credence.inference.vi;

    provides dev.credence.api.infer.InferenceProvider with
            dev.credence.inference.vi.SviProvider;
}
