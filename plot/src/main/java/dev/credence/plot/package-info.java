/**
 * Figures on XChart: {@link dev.credence.plot.Figure} tiles charts and writes PNG and SVG; {@link
 * dev.credence.plot.Charts} holds the house style. The figures themselves are in the subpackages:
 * {@code mcmc} (trace, rank, pair, energy, autocorrelation), {@code vi} (the ELBO curve), {@code
 * bnn} (predictive bands, reliability), {@code image} (image grids) and {@code report} (the HTML
 * run report that shows them).
 */
package dev.credence.plot;
