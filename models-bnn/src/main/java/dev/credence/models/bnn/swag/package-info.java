/**
 * SWAG and MultiSWAG (Maddox et al. 2019; Wilson and Izmailov 2020): a Gaussian fitted to the
 * iterates of SGD with a constant learning rate, started from a pretrained network.
 *
 * <p>{@link dev.credence.models.bnn.swag.SwagMoments} is the state of Algorithm 1 (running mean,
 * mean of squares, last K deviations) with a pure update; {@link
 * dev.credence.models.bnn.swag.SwagPosterior} samples the diagonal-plus-low-rank Gaussian; {@link
 * dev.credence.models.bnn.swag.Swag} runs pretraining and the SGD phase ({@link
 * dev.credence.models.bnn.swag.SwagSettings}) on any {@link dev.credence.models.bnn.Network}, and
 * mixes independent runs into MultiSWAG.
 */
package dev.credence.models.bnn.swag;
