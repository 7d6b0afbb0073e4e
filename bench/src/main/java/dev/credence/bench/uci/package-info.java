/**
 * The UCI regression benchmark of Hernández-Lobato and Adams (2015) for the Bayesian networks of
 * {@code models-bnn}, with the published reference columns beside the measured ones; run with
 * {@code bench/uci.sh}.
 */
package dev.credence.bench.uci;
