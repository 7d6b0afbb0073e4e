package dev.credence.models.bnn.fit;

import dev.credence.api.infer.Option;
import dev.credence.api.infer.Range;
import dev.credence.models.bnn.baseline.PointTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The typed option schema of {@link BnnFitter}: each option's name, type, range and help, as {@link
 * Option} records of the inference SPI, and the options each method reads. {@link FitOptions}
 * checks given values against it, so a bad value is refused with the message the schema makes
 * ({@code option 'epochs' must be an integer in [1, 100000], found 'ten'}).
 *
 * <p>Options whose default depends on the network or on another option ({@code lr} is 0.03 for svi
 * and 0.01 otherwise, {@code lr-final} is {@code lr / 30}, {@code prior-scale} comes from the
 * weight prior) are declared without a default and documented in their help; the NUTS options are
 * passed on to the {@code nuts} provider, whose defaults apply.
 */
public final class BnnOptions {
    private static final Range POSITIVE = Range.greaterThan(0);

    /** Passes over the data. */
    public static final Option<Integer> EPOCHS =
            Option.integer("epochs", 40, Range.closed(1, 100_000), "passes over the data");

    /** Minibatch size. */
    public static final Option<Integer> BATCH_SIZE =
            Option.integer("batch-size", 32, Range.closed(1, Integer.MAX_VALUE), "minibatch size");

    /** Adam step size. */
    public static final Option<Double> LR =
            real("lr", POSITIVE, "Adam step size (default 0.03 for svi, 0.01 otherwise)");

    /** The step size reached at the end by exponential decay. */
    public static final Option<Double> LR_FINAL =
            real("lr-final", POSITIVE, "step size at the end of an exponential decay (lr / 30)");

    /** The guide of an svi fit. */
    public static final Option<String> GUIDE =
            Option.choice(
                    "guide",
                    "meanfield",
                    List.of("meanfield", "normal", "diagonal", "lowrank", "mvn", "delta"),
                    "meanfield (Bayes by Backprop) or an automatic guide of the svi provider");

    /** The gradient estimator of the mean-field guide. */
    public static final Option<String> ESTIMATOR =
            Option.choice(
                    "estimator",
                    "local",
                    List.of(
                            "reparam",
                            "reparameterisation",
                            "reparameterization",
                            "local",
                            "lrt",
                            "flipout"),
                    "meanfield's gradient estimator: reparam, local (local reparameterisation"
                            + " trick, also lrt) or flipout");

    /** Initialise the mean-field guide from a MAP network (MOPED). */
    public static final Option<Boolean> MOPED =
            Option.flag("moped", false, "initialise meanfield from a MAP network (MOPED)");

    /** MOPED's relative initial standard deviation. */
    public static final Option<Double> MOPED_DELTA =
            Option.real("moped-delta", 0.1, POSITIVE, "MOPED's relative initial sd");

    /** The Adam step size of MOPED's MAP network. */
    public static final Option<Double> MOPED_LR =
            Option.real("moped-lr", 0.01, POSITIVE, "Adam step size of MOPED's MAP network");

    /** Initial standard deviation of the guide. */
    public static final Option<Double> INIT_SCALE =
            Option.real(
                    "init-scale", BnnFitter.SVI_INIT_SCALE, POSITIVE, "initial sd of the guide");

    /** Initial median of the noise scale. */
    public static final Option<Double> INIT_NOISE =
            Option.real(
                    "init-noise",
                    PointTrainer.INITIAL_NOISE,
                    POSITIVE,
                    "initial median of the noise scale (standardised units)");

    /** ELBO samples per step. */
    public static final Option<Integer> PARTICLES =
            Option.integer("particles", 1, Range.closed(1, 10_000), "ELBO samples per step");

    /** Copies of each example with independent local noise. */
    public static final Option<Integer> LOCAL_SAMPLES =
            Option.integer(
                    "local-samples",
                    1,
                    Range.closed(1, 10_000),
                    "copies of each example with independent local noise (local, flipout)");

    /** Rank of the low-rank guide. */
    public static final Option<Integer> RANK =
            Option.integer(
                    "rank",
                    0,
                    Range.closed(0, 100_000),
                    "rank of the lowrank guide (0: automatic)");

    /** Gaussian prior (weight decay) standard deviation of the point methods. */
    public static final Option<Double> PRIOR_SCALE =
            real("prior-scale", POSITIVE, "Gaussian prior sd, as weight decay (from the prior)");

    /** Dropout rate of MC dropout. */
    public static final Option<Double> DROPOUT =
            Option.real("dropout", 0.05, new Range(0, false, 1, true), "dropout rate");

    /** Networks in a deep ensemble. */
    public static final Option<Integer> MEMBERS =
            Option.integer("members", 5, Range.closed(1, 1000), "networks in the ensemble");

    /** Epochs of SWAG's SGD phase after the MAP pretraining. */
    public static final Option<Integer> SWAG_EPOCHS =
            Option.integer(
                    "swag-epochs", 5, Range.closed(1, 100_000), "epochs of SWAG's SGD phase");

    /** SWAG's constant SGD step size. */
    public static final Option<Double> SWAG_LR =
            Option.real("swag-lr", 0.01, POSITIVE, "SWAG's SGD step size (momentum 0.9)");

    /** SWAG snapshots per epoch. */
    public static final Option<Integer> SWAG_COLLECT =
            Option.integer("swag-collect", 4, Range.closed(1, 100_000), "snapshots per epoch");

    /** Deviations kept for SWAG's low-rank covariance. */
    public static final Option<Integer> SWAG_RANK =
            Option.integer(
                    "swag-rank", 20, Range.closed(2, 10_000), "deviations of the low-rank part");

    /** The factor on SWAG's posterior covariance. */
    public static final Option<Double> SWAG_SCALE =
            Option.real(
                    "swag-scale", 1.0, POSITIVE, "factor on SWAG's covariance (1: the paper's)");

    /** The mode a Laplace approximation is built at. */
    public static final Option<String> PRETRAIN =
            Option.choice(
                    "pretrain",
                    "map",
                    List.of("map", "swa"),
                    "Laplace's mode: the MAP network (map) or the SWA mean of SWAG's SGD phase after"
                            + " it (swa; the swag-* options)");

    /** The weights a Laplace approximation covers. */
    public static final Option<String> SUBSET =
            Option.choice(
                    "subset",
                    "last-layer",
                    List.of("last-layer", "all"),
                    "Laplace over the last layer or all weights");

    /** The curvature structure of a Laplace approximation. */
    public static final Option<String> HESSIAN =
            new Option<>(
                    "hessian",
                    String.class,
                    null,
                    Range.ANY,
                    List.of("full", "diag", "kfac"),
                    "GGN structure: full, diag or kfac (full for the last layer, kfac for all)");

    /** The prior precision of a Laplace approximation. */
    public static final Option<Double> PRIOR_PRECISION =
            real("prior-precision", POSITIVE, "Laplace prior precision (tuned by the evidence)");

    /** One tuned prior precision for all weights of a Laplace approximation, or one per layer. */
    public static final Option<String> PRIOR_STRUCTURE =
            Option.choice(
                    "prior-structure",
                    "scalar",
                    List.of("scalar", "layerwise"),
                    "Laplace prior precisions tuned by the evidence: one, or one per layer");

    /** The predictive of a Laplace approximation. */
    public static final Option<String> PREDICTIVE =
            new Option<>(
                    "predictive",
                    String.class,
                    null,
                    Range.ANY,
                    List.of("probit", "mc", "sample"),
                    "Laplace predictive: linearised, closed form (probit, for classifiers) or sampled (mc);"
                            + " or weight sampling (sample)");

    /** Exact output curvature or one sampled label per example. */
    public static final Option<Boolean> EXACT =
            new Option<>(
                    "exact",
                    Boolean.class,
                    null,
                    Range.ANY,
                    List.of(),
                    "exact output curvature (true for the last layer) or a sampled label");

    private static final List<Option<?>> TRAINING = List.of(EPOCHS, BATCH_SIZE, LR);

    /** SWAG's SGD phase, which Laplace at the SWA mean runs too. */
    private static final List<Option<?>> SWAG_PHASE =
            concat(TRAINING, PRIOR_SCALE, SWAG_EPOCHS, SWAG_LR, SWAG_COLLECT, SWAG_RANK);

    private static final List<Option<?>> SWAG = concat(SWAG_PHASE, SWAG_SCALE);

    /**
     * The options of the {@code nuts} provider that a network fit passes on, with the bounds a
     * network fit allows; the provider's defaults apply.
     */
    private static final List<Option<?>> NUTS =
            List.of(
                    passed("chains", Integer.class, Range.closed(1, 1000), "chains"),
                    passed("num-warmup", Integer.class, Range.closed(0, 1_000_000), "warm-up"),
                    passed("num-samples", Integer.class, Range.closed(1, 10_000_000), "draws"),
                    passed("adapt-delta", Double.class, Range.open(0, 1), "target acceptance"),
                    passed("max-tree-depth", Integer.class, Range.closed(1, 30), "tree depth"),
                    passed("dense-metric", Boolean.class, Range.ANY, "a dense metric"),
                    passed("threads", Integer.class, Range.closed(1, 4096), "threads"));

    private static final Map<String, List<Option<?>>> BY_METHOD =
            Map.of(
                    "svi",
                    List.of(
                            EPOCHS,
                            BATCH_SIZE,
                            LR,
                            LR_FINAL,
                            GUIDE,
                            ESTIMATOR,
                            MOPED,
                            MOPED_DELTA,
                            MOPED_LR,
                            INIT_SCALE,
                            INIT_NOISE,
                            PARTICLES,
                            LOCAL_SAMPLES,
                            RANK),
                    "nuts",
                    NUTS,
                    "map",
                    concat(TRAINING, PRIOR_SCALE),
                    "mcdropout",
                    concat(TRAINING, PRIOR_SCALE, DROPOUT),
                    "ensemble",
                    concat(TRAINING, PRIOR_SCALE, MEMBERS),
                    "swag",
                    SWAG,
                    "multiswag",
                    concat(SWAG, MEMBERS),
                    "laplace",
                    concat(
                            SWAG_PHASE,
                            PRETRAIN,
                            SUBSET,
                            HESSIAN,
                            PRIOR_PRECISION,
                            PRIOR_STRUCTURE,
                            PREDICTIVE,
                            EXACT));

    private BnnOptions() {}

    /**
     * Returns the options a method reads, in the order of its listing.
     *
     * @param method one of {@link FitOptions#METHODS}
     * @return its options
     * @throws IllegalArgumentException for an unknown method
     */
    public static List<Option<?>> of(String method) {
        List<Option<?>> o = BY_METHOD.get(method);
        if (o == null) {
            throw new IllegalArgumentException(
                    "unknown inference '"
                            + method
                            + "' for a network; known: "
                            + FitOptions.METHODS);
        }
        return o;
    }

    private static Option<Double> real(String name, Range range, String help) {
        return new Option<>(name, Double.class, null, range, List.of(), help);
    }

    private static <T> Option<T> passed(String name, Class<T> type, Range range, String help) {
        return new Option<>(name, type, null, range, List.of(), help + " (the nuts provider's)");
    }

    private static List<Option<?>> concat(List<Option<?>> first, Option<?>... more) {
        List<Option<?>> out = new ArrayList<>(first);
        out.addAll(List.of(more));
        return List.copyOf(out);
    }
}
