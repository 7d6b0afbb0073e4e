/**
 * Embarrassingly parallel MCMC over data shards: consensus Monte Carlo ({@link
 * dev.credence.spark.mcmc.ConsensusMonteCarlo}, Scott et al. 2016), with the sub-posteriors sampled
 * by the inference registry's NUTS and combined by {@link
 * dev.credence.spark.mcmc.ConsensusCombiner}.
 */
package dev.credence.spark.mcmc;
