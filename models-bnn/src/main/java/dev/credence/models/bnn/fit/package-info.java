/**
 * Fitting networks by name, the entry point of tools such as the command line: {@link
 * dev.credence.models.bnn.fit.BnnFitter} turns an inference name ({@code nuts}, {@code svi}, {@code
 * map}, {@code mcdropout}, {@code ensemble}) and string options into a fitted {@link
 * dev.credence.models.bnn.fit.FittedBnn}; {@link dev.credence.models.bnn.fit.BnnWorkflow} does the
 * same from a CSV file, with standardisation, prediction tables, metrics, plots and saved fits.
 *
 * <p>Bayesian inference goes through the inference registry ({@link
 * dev.credence.api.infer.Inferences}), so this module needs no inference module at compile time:
 * the {@code svi} and {@code nuts} providers are found on the module or class path at run time.
 */
package dev.credence.models.bnn.fit;
