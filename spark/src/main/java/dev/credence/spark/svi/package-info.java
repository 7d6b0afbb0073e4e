/**
 * Data-parallel stochastic variational inference on Spark ({@link
 * dev.credence.spark.svi.DataParallelSvi}): the driver runs the SVI loop of {@code inference-vi}
 * with a {@link dev.credence.inference.vi.GradientSource} whose every call is one Spark job that
 * sums the partitions' ELBO-gradient shares.
 */
package dev.credence.spark.svi;
