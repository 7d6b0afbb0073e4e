/**
 * The network's PNG figures, drawn by the {@code plot} module (XChart): the predictive band of a
 * 1-d regression with its epistemic part ({@link dev.credence.models.bnn.plot.UncertaintyPlot}, on
 * {@code dev.credence.plot.bnn.BandFigure}) and the reliability diagram of a classifier ({@link
 * dev.credence.models.bnn.plot.ReliabilityPlot}, on {@code
 * dev.credence.plot.bnn.ReliabilityFigure}). These classes turn the network's predictions into the
 * figures' inputs; rendering is headless.
 */
package dev.credence.models.bnn.plot;
