/**
 * Data for models: {@link dev.credence.io.data.Dataset} (rows of features and optional targets in
 * host memory) with minibatches shuffled reproducibly by a {@link
 * dev.credence.api.random.RandomKey}; readers for IDX files ({@link
 * dev.credence.io.data.IdxReader}, the MNIST format) and numeric text tables ({@link
 * dev.credence.io.data.CsvReader}); and {@link dev.credence.io.data.Datasets}, which finds the
 * named sets {@code fashion-mnist} and {@code mnist} on disk or downloads them, verified by
 * SHA-256.
 *
 * <p>Files that are not what they should be raise {@link dev.credence.io.FileFormatException} with
 * the file, the place and what was expected and found.
 */
package dev.credence.io.data;
