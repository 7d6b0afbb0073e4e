/**
 * The {@code spark-submit} entry ({@link dev.credence.spark.cli.Main}): {@code svi}, {@code
 * consensus} and {@code predict} commands over a table's columns with the {@link
 * dev.credence.spark.cli.BuiltInModels}.
 */
package dev.credence.spark.cli;
