package dev.credence.models.posteriordb;

import dev.credence.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data of a Stan program in Stan's JSON format ({@code data.json} in posteriordb and CmdStan):
 * an object whose members are numbers, arrays of numbers, or arrays of arrays (rows of a matrix or
 * of a two-dimensional array).
 *
 * <pre>{@code
 * PosteriorData d = PosteriorData.read(dir.resolve("data.json"));
 * int n = d.integer("N");
 * double[] y = d.reals("y");          // vector[N] y  or  array[N] real y
 * int[] k = d.ints("k");              // array[N] int k
 * double[][] x = d.matrix("X");       // matrix[N, D] X, one array per row
 * }</pre>
 *
 * Each accessor checks the member's kind and says what was expected and what was found.
 */
public final class PosteriorData {
    private final Map<String, Object> members;
    private final String source;

    private PosteriorData(Map<String, Object> members, String source) {
        this.members = members;
        this.source = source;
    }

    /**
     * Reads a data file.
     *
     * @param file the JSON file
     * @return the data
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is not a JSON object
     */
    public static PosteriorData read(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    /**
     * Parses data from JSON text.
     *
     * @param json the text
     * @param source where it came from, for messages
     * @return the data
     */
    public static PosteriorData parse(String json, String source) {
        return new PosteriorData(Json.parseObject(json, source), source);
    }

    /**
     * Returns the names of the members.
     *
     * @return the names, in file order
     */
    public Set<String> names() {
        return members.keySet();
    }

    /**
     * Returns a real scalar.
     *
     * @param name the member
     * @return its value
     */
    public double real(String name) {
        return number(get(name), name);
    }

    /**
     * Returns an integer scalar.
     *
     * @param name the member
     * @return its value
     */
    public int integer(String name) {
        return toInt(get(name), name);
    }

    /**
     * Returns a one-dimensional array of reals (integers are widened).
     *
     * @param name the member
     * @return a new array
     */
    public double[] reals(String name) {
        List<?> l = list(get(name), name);
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(l.get(i), name + "[" + (i + 1) + "]");
        }
        return out;
    }

    /**
     * Returns a one-dimensional array of integers.
     *
     * @param name the member
     * @return a new array
     */
    public int[] ints(String name) {
        List<?> l = list(get(name), name);
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toInt(l.get(i), name + "[" + (i + 1) + "]");
        }
        return out;
    }

    /**
     * Returns a matrix or a two-dimensional array of reals, one array per row.
     *
     * @param name the member
     * @return the rows, all of the same length
     */
    public double[][] matrix(String name) {
        List<?> rows = list(get(name), name);
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            List<?> row = list(rows.get(i), name + "[" + (i + 1) + "]");
            if (i > 0 && row.size() != out[0].length) {
                throw new IllegalArgumentException(
                        source
                                + ": "
                                + name
                                + " is ragged: row 1 has "
                                + out[0].length
                                + " entries, row "
                                + (i + 1)
                                + " has "
                                + row.size());
            }
            out[i] = new double[row.size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = number(row.get(j), name + "[" + (i + 1) + "," + (j + 1) + "]");
            }
        }
        return out;
    }

    /**
     * Returns a matrix as one row-major array.
     *
     * @param name the member
     * @return the entries, row after row
     */
    public double[] matrixRowMajor(String name) {
        double[][] m = matrix(name);
        int cols = m.length == 0 ? 0 : m[0].length;
        double[] out = new double[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * cols, cols);
        }
        return out;
    }

    private Object get(String name) {
        Object v = members.get(name);
        if (v == null) {
            throw new IllegalArgumentException(
                    source + ": no data member '" + name + "'; members: " + members.keySet());
        }
        return v;
    }

    private List<?> list(Object v, String what) {
        if (v instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException(
                source + ": " + what + " must be an array, found " + describe(v));
    }

    private double number(Object v, String what) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(
                source + ": " + what + " must be a number, found " + describe(v));
    }

    private int toInt(Object v, String what) {
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return (int) (long) l;
        }
        throw new IllegalArgumentException(
                source + ": " + what + " must be a 32-bit integer, found " + describe(v));
    }

    private static String describe(Object v) {
        if (v instanceof List<?> l) {
            return "an array of " + l.size();
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        return String.valueOf(v);
    }

    @Override
    public String toString() {
        return "PosteriorData[" + source + ", members " + members.keySet() + "]";
    }
}
