package dev.credence.models.bnn.data;

import dev.credence.io.HostArray;
import dev.credence.io.data.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One data set of the UCI regression benchmark in the layout of Hernández-Lobato and Adams (2015),
 * as distributed with Gal and Ghahramani's experiments: a folder with {@code data.txt}
 * (whitespace-separated numbers, one row per line), {@code index_features.txt} and {@code
 * index_target.txt} (0-based columns), {@code index_train_<k>.txt} and {@code index_test_<k>.txt}
 * (0-based rows of split k), {@code n_splits.txt}, {@code n_hidden.txt} and {@code n_epochs.txt}.
 *
 * @param name the folder name
 * @param data all rows: features {@code [N, D]} and targets {@code [N]}
 * @param splits the number of train/test splits
 * @param hiddenUnits the prescribed hidden layer width
 * @param epochs the prescribed number of training epochs
 * @param folder the folder, for reading splits
 */
public record UciDataset(
        String name, Dataset data, int splits, int hiddenUnits, int epochs, Path folder) {

    /**
     * Reads a data set from its folder ({@code <folder>/data.txt} or {@code
     * <folder>/data/data.txt}).
     *
     * @param folder the data set's folder
     * @return the data set
     * @throws IOException if a file is missing or malformed (the message names it)
     */
    public static UciDataset read(Path folder) throws IOException {
        Path dir = Files.exists(folder.resolve("data.txt")) ? folder : folder.resolve("data");
        Path dataFile = dir.resolve("data.txt");
        if (!Files.exists(dataFile)) {
            throw new IOException(
                    "UCI data set: no data.txt in " + folder + " or " + folder.resolve("data"));
        }
        double[][] rows = readRows(dataFile);
        int[] features = readInts(dir.resolve("index_features.txt"));
        int target = readInts(dir.resolve("index_target.txt"))[0];
        int n = rows.length;
        double[] x = new double[n * features.length];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < features.length; j++) {
                x[i * features.length + j] = rows[i][features[j]];
            }
            y[i] = rows[i][target];
        }
        Dataset d =
                Dataset.of(HostArray.ofDoubles(x, n, features.length), HostArray.ofDoubles(y, n));
        return new UciDataset(
                folder.getFileName().toString(),
                d,
                readInts(dir.resolve("n_splits.txt"))[0],
                readInts(dir.resolve("n_hidden.txt"))[0],
                readInts(dir.resolve("n_epochs.txt"))[0],
                dir);
    }

    /**
     * Returns the training rows of a split.
     *
     * @param k the split, {@code 0 <= k < splits()}
     * @return the training set
     * @throws IOException if the index file cannot be read
     */
    public Dataset train(int k) throws IOException {
        return data.subset(readInts(folder.resolve("index_train_" + check(k) + ".txt")));
    }

    /**
     * Returns the test rows of a split.
     *
     * @param k the split, {@code 0 <= k < splits()}
     * @return the test set
     * @throws IOException if the index file cannot be read
     */
    public Dataset test(int k) throws IOException {
        return data.subset(readInts(folder.resolve("index_test_" + check(k) + ".txt")));
    }

    private int check(int k) {
        if (k < 0 || k >= splits) {
            throw new IllegalArgumentException(
                    name + ": split " + k + " does not exist; there are " + splits);
        }
        return k;
    }

    private static double[][] readRows(Path file) throws IOException {
        List<double[]> out = new ArrayList<>();
        int line = 0;
        for (String s : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            line++;
            String t = s.trim();
            if (t.isEmpty()) {
                continue;
            }
            String[] cells = t.split("\\s+");
            double[] row = new double[cells.length];
            try {
                for (int j = 0; j < cells.length; j++) {
                    row[j] = Double.parseDouble(cells[j]);
                }
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + line + ": not a number: " + t, e);
            }
            if (!out.isEmpty() && row.length != out.get(0).length) {
                throw new IOException(
                        file
                                + " line "
                                + line
                                + " has "
                                + row.length
                                + " cells, the first row "
                                + out.get(0).length);
            }
            out.add(row);
        }
        return out.toArray(new double[0][]);
    }

    private static int[] readInts(Path file) throws IOException {
        double[][] rows = readRows(file);
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = (int) rows[i][0];
        }
        return out;
    }
}
