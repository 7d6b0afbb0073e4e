/**
 * Posterior prediction over Spark tables ({@link dev.credence.spark.predict.DistributedPredictor}):
 * predictive mean, sd, epistemic and aleatoric sds and quantiles as new columns, computed by {@link
 * dev.credence.spark.predict.BatchPredictor} one batch of rows at a time.
 */
package dev.credence.spark.predict;
