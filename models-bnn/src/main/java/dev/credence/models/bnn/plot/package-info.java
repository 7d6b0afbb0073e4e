/**
 * PNG figures drawn with {@code java.awt} and written by {@code javax.imageio}: the predictive band
 * of a 1-d regression with its epistemic part ({@link
 * dev.credence.models.bnn.plot.UncertaintyPlot}) and the reliability diagram of a classifier
 * ({@link dev.credence.models.bnn.plot.ReliabilityPlot}). Rendering is headless; if no font is
 * available, figures are drawn without text rather than failing.
 */
package dev.credence.models.bnn.plot;
