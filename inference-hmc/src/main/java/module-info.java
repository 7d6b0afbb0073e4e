/**
 * Hamiltonian Monte Carlo and the No-U-Turn sampler for Credence models, provided to the inference
 * registry as {@code nuts} and {@code hmc}.
 */
module dev.credence.inference.hmc {
    requires dev.credence.api;

    exports dev.credence.inference.hmc;

    provides dev.credence.api.infer.InferenceProvider with
            dev.credence.inference.hmc.NutsProvider,
            dev.credence.inference.hmc.NutsProvider.Hmc;
}
