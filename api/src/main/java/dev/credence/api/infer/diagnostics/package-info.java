/**
 * Convergence diagnostics usable by any sampler: rank-normalised split R-hat, bulk and tail
 * effective sample sizes and the Monte Carlo standard error of the mean ({@link
 * dev.credence.api.infer.diagnostics.Convergence}, after Vehtari et al. 2021), the E-BFMI of
 * Hamiltonian samplers, and the per-parameter summary rows ({@link
 * dev.credence.api.infer.diagnostics.ParameterSummary}) that Stan and ArviZ print.
 */
package dev.credence.api.infer.diagnostics;
