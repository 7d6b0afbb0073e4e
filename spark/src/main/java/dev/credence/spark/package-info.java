/**
 * Credence on Apache Spark: Bayesian inference and prediction past one machine, with Spark's own
 * scheduler, broadcast and aggregation (no home-made cluster).
 *
 * <h2>The pieces</h2>
 *
 * <ul>
 *   <li>{@link dev.credence.spark.Shards}: a table's partitions as cached {@link
 *       dev.credence.spark.Shard}s of host arrays, and a {@link dev.credence.spark.ShardModel}: a
 *       model written for a block of rows, as for all rows in one process.
 *   <li>{@link dev.credence.spark.svi.DataParallelSvi}: data-parallel SVI, the params on the
 *       driver, each partition's ELBO-gradient share summed by {@code treeAggregate}.
 *   <li>{@link dev.credence.spark.mcmc.ConsensusMonteCarlo}: NUTS on every shard with the prior to
 *       the power {@code 1/S}, combined by precision-weighted averages.
 *   <li>{@link dev.credence.spark.fits.ManyFits}: independent fits as tasks, keys {@code
 *       runKey.fold(i)}.
 *   <li>{@link dev.credence.spark.predict.DistributedPredictor}: posterior predictive columns on a
 *       table, streamed in batches.
 *   <li>{@link dev.credence.spark.cli.Main}: the {@code spark-submit} entry.
 * </ul>
 *
 * <h2>Running</h2>
 *
 * Spark is a provided dependency: the cluster supplies it. The module is an automatic module
 * ({@code dev.credence.spark}) that runs on the class path, as Spark does; on Java 17 the JVM needs
 * the {@code --add-opens} flags Spark documents ({@code spark-submit} adds them). Tasks carry their
 * settings as serializable records and lambdas ({@link dev.credence.spark.ShardModel}, {@link
 * dev.credence.spark.GuideFactory}, {@link dev.credence.spark.ElboFactory}); tensors never travel,
 * host arrays ({@link dev.credence.spark.HostValue}) do. Every executor computes on the backend a
 * run names ({@link dev.credence.spark.ExecutorBackends}), which must be installed there.
 */
package dev.credence.spark;
