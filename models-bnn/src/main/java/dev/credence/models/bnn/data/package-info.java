/**
 * Tabular data for the networks: standardisation with training statistics ({@link
 * dev.credence.models.bnn.data.Standardizer}) and the UCI regression benchmark layout of
 * Hernández-Lobato and Adams (2015), with its fixed train/test splits ({@link
 * dev.credence.models.bnn.data.UciDataset}).
 */
package dev.credence.models.bnn.data;
