/**
 * Bayesian neural network figures: predictive bands ({@link dev.credence.plot.bnn.BandFigure}) and
 * reliability diagrams ({@link dev.credence.plot.bnn.ReliabilityFigure}), from plain arrays so that
 * any model can draw them.
 */
package dev.credence.plot.bnn;
