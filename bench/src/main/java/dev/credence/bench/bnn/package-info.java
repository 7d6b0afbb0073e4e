/**
 * Measured claims about the Bayesian networks of {@code models-bnn}: epistemic uncertainty in a gap
 * of the data (NUTS and Bayes by Backprop side by side, with a PNG), the test log-likelihood of a
 * Bayesian network against the MAP network on a small training set, and both against training-set
 * size; run with {@code bench/bnn-claims.sh}.
 */
package dev.credence.bench.bnn;
