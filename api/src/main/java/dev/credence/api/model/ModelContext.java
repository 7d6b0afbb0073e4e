package dev.credence.api.model;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.Unit;
import dev.credence.api.dist.Validation;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Program;
import dev.credence.api.tensor.Recording;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The interpreter of one model run: the statements a model calls ({@code sample}, {@code observe},
 * {@code param}, {@code deterministic}, {@code plate}) and the stack of effect handlers that gives
 * them meaning.
 *
 * <p>Each statement becomes a {@link Message} that passes through the active {@link Effect}s,
 * innermost first, then through the default behaviour, then back through {@link
 * Effect#postprocess}. By default a latent {@code sample} draws from its distribution with the
 * random key a {@link Handlers#seed} handler assigned (reparameterised when the distribution
 * allows, so gradients flow through guide samples), and a {@code param} takes its initial value.
 *
 * <p>A context is used by one thread for one run. Contexts are cheap; thread safety comes from
 * giving each run its own, never from sharing.
 */
public final class ModelContext {
    private final List<Effect> stack = new ArrayList<>();
    private final List<Plate> plates = new ArrayList<>();
    private final Map<String, int[]> plateIndices = new HashMap<>();

    /** Creates a context with no handlers. */
    public ModelContext() {}

    /**
     * Runs a model with one more handler on the stack.
     *
     * @param model the model
     * @param effect the handler, innermost for the duration of the run
     */
    public void run(Model model, Effect effect) {
        push(effect);
        try {
            model.run(this);
        } finally {
            pop(effect);
        }
    }

    void push(Effect e) {
        stack.add(e);
    }

    void pop(Effect e) {
        if (stack.isEmpty() || stack.get(stack.size() - 1) != e) {
            throw new IllegalStateException(
                    "effect handlers were closed out of order (a plate closed outside its"
                            + " try-with-resources block?)");
        }
        stack.remove(stack.size() - 1);
    }

    /**
     * Declares a latent random variable.
     *
     * @param name a name unique within the run
     * @param d its distribution
     * @return its value (drawn, substituted, replayed or conditioned by the handlers)
     */
    public Tensor sample(String name, Distribution d) {
        return sample(name, d, null);
    }

    /**
     * Declares a random variable, observed if a value is given.
     *
     * @param name a name unique within the run
     * @param d its distribution
     * @param observed the observed value, or null for a latent variable
     * @return the value
     */
    public Tensor sample(String name, Distribution d, Tensor observed) {
        SiteKind kind = observed == null ? SiteKind.SAMPLE : SiteKind.OBSERVE;
        return apply(new Message(name, kind, d, observed, null, 0, 0, 0)).value();
    }

    /**
     * Declares an observed random variable.
     *
     * @param name a name unique within the run
     * @param d its distribution
     * @param value the observed value
     * @return the value
     */
    public Tensor observe(String name, Distribution d, Tensor value) {
        if (value == null) {
            throw new IllegalArgumentException("observe '" + name + "': the value is null");
        }
        return sample(name, d, value);
    }

    /**
     * Adds a term to the model's log joint density: Stan's {@code target += logFactor}. Use it for
     * densities that no single distribution states, such as the forward algorithm's marginal
     * likelihood of a hidden Markov model, or a prior on a constrained parameter ({@code ordered[2]
     * mu; mu ~ normal(0, 2)} is an {@link dev.credence.api.dist.ImproperUniform} site plus a
     * factor). Inside plates the term is weighted like any observed site.
     *
     * <p>It is recorded as an observed site of the {@link dev.credence.api.dist.Unit} distribution,
     * as Pyro and NumPyro do.
     *
     * @param name a name unique within the run
     * @param logFactor the log-density term (floating dtype; any batch shape, summed in the joint)
     * @return the term
     */
    public Tensor factor(String name, Tensor logFactor) {
        if (logFactor == null) {
            throw new IllegalArgumentException("factor '" + name + "': the term is null");
        }
        observe(name, new Unit(logFactor), logFactor.zerosLike().detach());
        return logFactor;
    }

    /**
     * Declares an unconstrained learnable parameter.
     *
     * @param name a name unique within the run
     * @param init its initial value
     * @return its value (the initial value unless a handler substitutes one)
     */
    public Tensor param(String name, Tensor init) {
        return param(name, init, Constraints.real());
    }

    /**
     * Declares a learnable parameter restricted to a constraint; optimisers keep it there through
     * {@link dev.credence.api.dist.bijector.Bijectors#transformTo}.
     *
     * @param name a name unique within the run
     * @param init its initial value, inside the constraint
     * @param constraint the constraint
     * @return its value
     */
    public Tensor param(String name, Tensor init, Constraint constraint) {
        return apply(new Message(name, SiteKind.PARAM, null, null, constraint, 0, 0, 0), init)
                .value();
    }

    /**
     * Records a named function of other values, so that it appears in traces and posteriors.
     *
     * @param name a name unique within the run
     * @param value the value
     * @return the value (or a substituted one)
     */
    public Tensor deterministic(String name, Tensor value) {
        return apply(new Message(name, SiteKind.DETERMINISTIC, null, value, null, 0, 0, 0)).value();
    }

    /**
     * Enters a plate of {@code size} conditionally independent repetitions, without subsampling.
     *
     * @param name the plate's name
     * @param size the number of repetitions
     * @return the plate, to close with try-with-resources
     */
    public Plate plate(String name, int size) {
        return plate(name, size, size);
    }

    /**
     * Enters a plate with subsampling: each run uses {@code subsampleSize} random indices of {@code
     * [0, size)}, and log-probabilities inside are multiplied by {@code size / subsampleSize}.
     *
     * @param name the plate's name
     * @param size the full number of repetitions N
     * @param subsampleSize the minibatch size B, {@code 1 <= B <= N}
     * @return the plate, to close with try-with-resources
     */
    public Plate plate(String name, int size, int subsampleSize) {
        return plate(name, size, subsampleSize, -1 - plates.size());
    }

    /**
     * Enters a plate on a given batch axis.
     *
     * @param name the plate's name
     * @param size the full number of repetitions N
     * @param subsampleSize the minibatch size B
     * @param dim the batch axis, negative (counted from the right of batch shapes)
     * @return the plate, to close with try-with-resources
     */
    public Plate plate(String name, int size, int subsampleSize, int dim) {
        if (size < 1 || subsampleSize < 1 || subsampleSize > size || dim >= 0) {
            throw new IllegalArgumentException(
                    "plate '"
                            + name
                            + "': needs size >= 1, 1 <= subsampleSize <= size and a negative dim,"
                            + " found size "
                            + size
                            + ", subsampleSize "
                            + subsampleSize
                            + ", dim "
                            + dim);
        }
        for (Plate p : plates) {
            if (p.dim() == dim || p.name().equals(name)) {
                throw new IllegalArgumentException(
                        "plate '"
                                + name
                                + "' clashes with the enclosing plate '"
                                + p.name()
                                + "' (same name or dim "
                                + dim
                                + ")");
            }
        }
        int[] indices = plateIndices.get(name);
        if (indices == null && !plateIndices.containsKey(name)) {
            Message m =
                    new Message(name, SiteKind.PLATE, null, null, null, size, subsampleSize, dim);
            apply(m);
            indices = m.subsampleNoCopy();
            plateIndices.put(name, indices);
        }
        int b = indices == null ? size : indices.length;
        Plate p = new Plate(this, new PlateFrame(name, size, b, dim, indices));
        plates.add(p);
        push(p.effect());
        return p;
    }

    void closePlate(Plate p) {
        pop(p.effect());
        plates.remove(p);
    }

    private Message apply(Message m) {
        return apply(m, null);
    }

    /** The interpreter loop: process inner to outer, default behaviour, postprocess. */
    private Message apply(Message m, Tensor paramInit) {
        int n = stack.size();
        int last = 0;
        for (int i = n - 1; i >= 0; i--) {
            stack.get(i).process(m);
            last = i;
            if (m.isStopped()) {
                break;
            }
        }
        defaultBehaviour(m, paramInit);
        for (int j = last; j < n; j++) {
            stack.get(j).postprocess(m);
        }
        return m;
    }

    private static void defaultBehaviour(Message m, Tensor paramInit) {
        switch (m.kind()) {
            case SAMPLE -> {
                if (m.value() == null) {
                    if (m.key() == null) {
                        throw new IllegalStateException(
                                "sample site '"
                                        + m.name()
                                        + "' has no value and no random key: run the model"
                                        + " under Handlers.seed(model, key), or give the site a"
                                        + " value with condition, substitute or replay");
                    }
                    Distribution d = m.distribution();
                    m.setValue(d.hasRsample() ? d.rsample(m.key()) : d.sample(m.key()));
                }
            }
            case PARAM -> {
                if (m.value() == null) {
                    checkInit(m, paramInit);
                    m.setValue(paramInit);
                }
            }
            case PLATE -> {
                if (m.subsampleNoCopy() == null && m.plateSubsampleSize() < m.plateSize()) {
                    if (m.key() == null) {
                        throw new IllegalStateException(
                                "plate '"
                                        + m.name()
                                        + "' subsamples and needs a random key: run the model"
                                        + " under Handlers.seed(model, key), or replay the"
                                        + " subsample from another trace");
                    }
                    m.setSubsample(drawSubsample(m.key(), m.plateSize(), m.plateSubsampleSize()));
                }
            }
            default -> {}
        }
    }

    /** Checks a parameter's initial value when it is used and validation is on. */
    private static void checkInit(Message m, Tensor init) {
        if (!Validation.isEnabled()) {
            return;
        }
        for (int v : m.constraint().check(init.detach()).toIntArray()) {
            if (v == 0) {
                throw new IllegalArgumentException(
                        "param '"
                                + m.name()
                                + "': the initial value must be "
                                + m.constraint().describe()
                                + ", found "
                                + init);
            }
        }
    }

    /**
     * Draws a subsample with {@link #subsample}; with a key that follows a run ({@link
     * RandomKey#perRun}) while a {@link Program} is recorded, the index tensor later made from it
     * is declared as a {@link dev.credence.api.tensor.Feed} that draws the subsample of each
     * replayed run.
     */
    private static int[] drawSubsample(RandomKey key, int n, int b) {
        int[] idx = subsample(key, n, b);
        if (key.followsRun() && Recording.isActive()) {
            Shape shape = Shape.of(b);
            Recording.feedInts(
                    idx,
                    (backend, run) ->
                            backend.fromInts(subsample(key.atRun(run), n, b), shape, DType.INT32));
        }
        return idx;
    }

    /**
     * The first {@code b} entries of a random permutation of {@code 0..n-1} (Fisher-Yates, stopped
     * after {@code b} swaps). Only the positions a swap touched are stored, in a map, so a draw
     * costs {@code O(b)} rather than an array of all {@code n} indices (a minibatch of 128 from
     * 60,000 images is drawn at every training step).
     */
    static int[] subsample(RandomKey key, int n, int b) {
        double[] u = key.uniformDoubles(b);
        Map<Integer, Integer> moved = new HashMap<>(4 * b);
        int[] out = new int[b];
        for (int i = 0; i < b; i++) {
            int j = i + (int) Math.floor(u[i] * (n - i));
            int atJ = moved.getOrDefault(j, j);
            moved.put(j, moved.getOrDefault(i, i));
            out[i] = atJ;
        }
        return out;
    }

    /**
     * Returns the plates open at this point, outermost first.
     *
     * @return the plates
     */
    public List<Plate> activePlates() {
        return List.copyOf(plates);
    }
}
