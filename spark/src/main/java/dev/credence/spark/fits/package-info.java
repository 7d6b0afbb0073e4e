/**
 * Many independent fits as Spark tasks ({@link dev.credence.spark.fits.ManyFits}): per-group
 * models, SBC replications, ensemble members, chains; keyed by index so that the results do not
 * depend on the partitioning.
 */
package dev.credence.spark.fits;
