/**
 * MCMC figures from {@link dev.credence.api.infer.Draws}: trace, rank histograms and
 * autocorrelation ({@link dev.credence.plot.mcmc.McmcFigures}), pair plots with divergences marked
 * ({@link dev.credence.plot.mcmc.PairFigure}) and the energy plot with E-BFMI ({@link
 * dev.credence.plot.mcmc.EnergyFigure}).
 */
package dev.credence.plot.mcmc;
