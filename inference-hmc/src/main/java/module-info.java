/** Hamiltonian Monte Carlo and the No-U-Turn sampler for Credence models. */
module dev.credence.inference.hmc {
    requires dev.credence.api;

    exports dev.credence.inference.hmc;
}
