package dev.credence.io.stan;

import dev.credence.api.infer.Draws;
import dev.credence.io.AtomicFiles;
import dev.credence.io.FileFormatException;
import dev.credence.io.RunRecord;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes and reads MCMC draws in the CSV layout of CmdStan's {@code sample} method, one file per
 * chain, so that CmdStan's {@code stansummary}, CmdStanR's {@code read_cmdstan_csv} and CmdStanPy
 * read Credence's draws as they read Stan's.
 *
 * <p>A file holds, in order: comment lines ({@code #}) with the run's settings as CmdStan prints
 * them ({@code # key = value}, indented by section); the header row ({@code lp__}, the other
 * sampler diagnostics, then the parameters); the adaptation comments ({@code # Step size = ...} and
 * the diagonal of the inverse mass matrix); one row per post-warm-up draw; and the elapsed times.
 * Doubles are written with {@link Double#toString(double)}, so reading gives back the same bits;
 * non-finite values are written as Stan writes them ({@code nan}, {@code inf}, {@code -inf}).
 *
 * <p>The settings are those of NUTS with a diagonal metric, the only sampler this layout describes.
 * The {@code stan_version} lines name the CmdStan release whose layout is followed ({@value
 * #STAN_LAYOUT}); readers check them, and they do not claim that Stan ran.
 *
 * <pre>{@code
 * List<String> names = StanCsv.flatNames("theta", 8); // theta.1 ... theta.8
 * List<Path> files = StanCsv.writeChains(dir, "eight_schools", chains, record);
 * StanChain back = StanCsv.read(files.get(0));
 * }</pre>
 */
public final class StanCsv {

    /** The sampler diagnostic columns, in CmdStan's order, before the parameters. */
    public static final List<String> DIAGNOSTICS =
            List.of(
                    "lp__",
                    "accept_stat__",
                    "stepsize__",
                    "treedepth__",
                    "n_leapfrog__",
                    "divergent__",
                    "energy__");

    /** The CmdStan release whose CSV layout these files follow. */
    public static final String STAN_LAYOUT = "2.32.0";

    private StanCsv() {}

    /**
     * Returns the flattened column names of an array parameter in Stan's order: dots between
     * indices, indices from 1, the first index varying fastest (column-major), so a 2 x 2 matrix
     * {@code L} gives {@code L.1.1, L.2.1, L.1.2, L.2.2}. Values must be given in the same order.
     *
     * @param name the parameter name
     * @param dims the array's dimensions; none for a scalar
     * @return the names
     */
    public static List<String> flatNames(String name, int... dims) {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        List<String> out = new ArrayList<>(n);
        int[] idx = new int[dims.length];
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder(name);
            for (int j : idx) {
                sb.append('.').append(j + 1);
            }
            out.add(sb.toString());
            for (int a = 0; a < dims.length && ++idx[a] == dims[a]; a++) {
                idx[a] = 0;
            }
        }
        return out;
    }

    /**
     * Writes one file per chain, {@code STEM-ID.csv} in a folder, with the run record beside each.
     *
     * @param dir the folder, created if needed
     * @param stem the file name stem
     * @param chains the chains
     * @param record the provenance record written beside each file
     * @return the files written, in chain order
     * @throws IOException if a file cannot be written
     */
    public static List<Path> writeChains(
            Path dir, String stem, List<StanChain> chains, RunRecord record) throws IOException {
        List<Path> files = new ArrayList<>();
        for (StanChain c : chains) {
            Path f = dir.resolve(stem + "-" + c.id() + ".csv");
            write(f, c);
            record.writeBeside(f);
            files.add(f);
        }
        return files;
    }

    /**
     * Writes one chain to a file, atomically.
     *
     * @param file the file
     * @param chain the chain
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, StanChain chain) throws IOException {
        AtomicFiles.write(
                file,
                out -> {
                    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    StanCsvWriter.write(w, chain, file.getFileName().toString());
                    w.flush();
                });
    }

    /**
     * Reads one chain from a Stan CSV file of the NUTS sampler, written by Credence or CmdStan.
     *
     * @param file the file
     * @return the chain
     * @throws FileFormatException naming the line and column of the first problem
     * @throws IOException if the file cannot be read
     */
    public static StanChain read(Path file) throws IOException {
        return StanCsvReader.read(file);
    }

    /**
     * Reads chains back as draws, for diagnostics and figures: every column is a scalar parameter
     * under its Stan name, and the seven sampler columns become the statistics of {@link
     * Draws#SAMPLER_STATS}. The chains must have the same columns and as many draws.
     *
     * @param chains the chains, in order
     * @return the draws
     * @throws IllegalArgumentException if the chains do not match
     */
    public static Draws draws(List<StanChain> chains) {
        if (chains.isEmpty()) {
            throw new IllegalArgumentException("Stan CSV: no chains to read draws from");
        }
        StanChain first = chains.get(0);
        Map<String, int[]> sites = new LinkedHashMap<>();
        first.names().forEach(n -> sites.put(n, new int[0]));
        int n = first.draws().length;
        double[][][] values = new double[chains.size()][][];
        Map<String, double[][]> stats = new LinkedHashMap<>();
        for (String s : Draws.SAMPLER_STATS) {
            stats.put(s, new double[chains.size()][n]);
        }
        for (int c = 0; c < chains.size(); c++) {
            StanChain k = chains.get(c);
            if (!k.names().equals(first.names()) || k.draws().length != n) {
                throw new IllegalArgumentException(
                        "Stan CSV: chain "
                                + k.id()
                                + " has other columns or another number of draws than chain "
                                + first.id());
            }
            values[c] = k.draws();
            for (int d = 0; d < n; d++) {
                for (int j = 0; j < DIAGNOSTICS.size(); j++) {
                    stats.get(Draws.SAMPLER_STATS.get(j))[c][d] = k.diagnostics()[d][j];
                }
            }
        }
        return new Draws(sites, values, stats);
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        } else if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return Double.toString(v);
    }

    static double parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "nan", "-nan" -> Double.NaN;
            case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }
}
