package dev.credence.spark.cli;

import java.io.PrintWriter;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code spark-submit} entry of credence-spark:
 *
 * <pre>
 * spark-submit --master spark://host:7077 --class dev.credence.spark.cli.Main \
 *     credence-spark.jar svi --data rows.parquet --features x1,x2,x3 --target y --steps 2000
 * </pre>
 *
 * Commands: {@code svi} (data-parallel SVI), {@code consensus} (consensus Monte Carlo with NUTS),
 * {@code predict} (posterior prediction from an {@code svi} checkpoint). Each fits one of the
 * {@link BuiltInModels} to the table's columns. Errors are one line on stderr with an exit code: 2
 * usage, 4 data, 5 numerical, 1 anything else.
 */
@Command(
        name = "credence-spark",
        mixinStandardHelpOptions = true,
        description = "Bayesian inference and prediction on Apache Spark.",
        subcommands = {SviCommand.class, ConsensusCommand.class, PredictCommand.class})
public final class Main implements Runnable {
    /** Exit code: bad usage or options. */
    static final int USAGE = 2;

    /** Exit code: the data cannot be read or does not fit the model. */
    static final int DATA = 4;

    /** Exit code: the fit diverged. */
    static final int NUMERICAL = 5;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs a command in this JVM's Spark session.
     *
     * @param args the command line
     * @return the exit code
     */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs a command with given output streams.
     *
     * @param out where results go
     * @param err where errors go
     * @param args the command line
     * @return the exit code
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(
                (e, line, parsed) -> {
                    line.getErr().println("credence-spark: " + e.getMessage());
                    line.getErr().flush();
                    if (e instanceof dev.credence.inference.vi.SviDivergedException) {
                        return NUMERICAL;
                    }
                    if (e instanceof IllegalArgumentException
                            || e instanceof org.apache.spark.sql.AnalysisException) {
                        return DATA;
                    }
                    return 1;
                });
        return cl.execute(args);
    }

    /**
     * The session that {@code spark-submit} configured (master, executors), or a local one when run
     * outside it.
     *
     * @return the session
     */
    static SparkSession session() {
        SparkSession.Builder b = SparkSession.builder().appName("credence-spark");
        if (System.getProperty("spark.master") == null) {
            b = b.master("local[*]");
        }
        return b.getOrCreate();
    }

    /**
     * The {@code main} of {@code spark-submit}.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int code = execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
