/**
 * Scores of predictive distributions against held-out targets.
 *
 * <p>Regression: RMSE of the predictive mean, the average log predictive density (the "test
 * log-likelihood" of Hernández-Lobato and Adams 2015: {@code (1/N) sum_i log (1/S) sum_s p(y_i |
 * x_i, w_s)}, a log-mean-exp over draws, not a mean of logs) and the coverage of central credible
 * intervals. Classification: accuracy, average log predictive density, the Brier score (Brier 1950)
 * and the expected calibration error with its reliability diagram (Naeini, Cooper and Hauskrecht
 * 2015; Guo et al., "On calibration of modern neural networks", ICML 2017).
 */
package dev.credence.models.bnn.metrics;
