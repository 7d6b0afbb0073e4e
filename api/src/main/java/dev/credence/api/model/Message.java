package dev.credence.api.model;

import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement of a model on its way through the effect handlers: the mutable counterpart of a
 * {@link Site}.
 *
 * <p>{@link ModelContext} builds one message per statement and passes it to each active {@link
 * Effect}, innermost first; handlers read and change it (set a value, mark it observed, rescale it,
 * mask it, give it a random key, or stop it from reaching outer handlers). Then the default
 * behaviour fills in what is still missing (draw a value, use a parameter's initial value), and
 * handlers see the finished message in {@link Effect#postprocess}.
 */
public final class Message {
    private final String name;
    private SiteKind kind;
    private final Distribution distribution;
    private final Constraint constraint;
    private Tensor value;
    private double scale = 1;
    private Tensor mask;
    private final List<PlateFrame> plates = new ArrayList<>(2);
    private RandomKey key;
    private boolean stop;
    private Distribution effectiveDistribution;
    private final int plateSize;
    private int plateSubsample;
    private int plateDim;
    private int[] indices;

    Message(
            String name,
            SiteKind kind,
            Distribution distribution,
            Tensor value,
            Constraint constraint,
            int plateSize,
            int plateSubsample,
            int plateDim) {
        this.name = name;
        this.kind = kind;
        this.distribution = distribution;
        this.effectiveDistribution = distribution;
        this.value = value;
        this.constraint = constraint;
        this.plateSize = plateSize;
        this.plateSubsample = plateSubsample;
        this.plateDim = plateDim;
    }

    /**
     * Returns the site name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the kind of statement.
     *
     * @return the kind
     */
    public SiteKind kind() {
        return kind;
    }

    /**
     * Tells whether this is a random variable (latent or observed).
     *
     * @return true for {@code SAMPLE} and {@code OBSERVE}
     */
    public boolean isRandom() {
        return kind == SiteKind.SAMPLE || kind == SiteKind.OBSERVE;
    }

    /**
     * Returns the distribution, as reshaped by the plates around the statement.
     *
     * @return the distribution, or null for non-random sites
     */
    public Distribution distribution() {
        return effectiveDistribution;
    }

    /**
     * Replaces the distribution (plates broadcast it to their size).
     *
     * @param d the distribution
     */
    public void setDistribution(Distribution d) {
        this.effectiveDistribution = d;
    }

    /**
     * Returns the distribution as the model wrote it.
     *
     * @return the original distribution
     */
    public Distribution originalDistribution() {
        return distribution;
    }

    /**
     * Returns the constraint of a parameter.
     *
     * @return the constraint, or null for other kinds
     */
    public Constraint constraint() {
        return constraint;
    }

    /**
     * Returns the value, or null while nothing has provided one.
     *
     * @return the value
     */
    public Tensor value() {
        return value;
    }

    /**
     * Sets the value.
     *
     * @param value the value
     */
    public void setValue(Tensor value) {
        this.value = value;
    }

    /**
     * Turns a latent sample into an observation of the given value.
     *
     * @param observed the observed value
     */
    public void observe(Tensor observed) {
        if (kind != SiteKind.SAMPLE && kind != SiteKind.OBSERVE) {
            throw new IllegalStateException(
                    "site '" + name + "' is a " + kind + " site and cannot be observed");
        }
        this.kind = SiteKind.OBSERVE;
        this.value = observed;
    }

    /**
     * Returns the factor applied to this site's log-probability.
     *
     * @return the scale, 1 unless plates or handlers changed it
     */
    public double scale() {
        return scale;
    }

    /**
     * Multiplies the log-probability scale.
     *
     * @param factor a positive factor
     */
    public void multiplyScale(double factor) {
        this.scale *= factor;
    }

    /**
     * Returns the BOOL mask of log-probability terms to keep.
     *
     * @return the mask, or null when all terms count
     */
    public Tensor mask() {
        return mask;
    }

    /**
     * Sets the mask.
     *
     * @param mask a BOOL tensor broadcasting against the site's log-probabilities, or null
     */
    public void setMask(Tensor mask) {
        this.mask = mask;
    }

    /**
     * Returns the plates around the statement, outermost first.
     *
     * @return the live list of frames
     */
    public List<PlateFrame> plates() {
        return plates;
    }

    /**
     * Returns the random key for drawing this site's value.
     *
     * @return the key, or null if no seed handler gave one
     */
    public RandomKey key() {
        return key;
    }

    /**
     * Sets the random key.
     *
     * @param key the key
     */
    public void setKey(RandomKey key) {
        this.key = key;
    }

    /**
     * Tells whether a handler stopped the message from reaching outer handlers.
     *
     * @return true once stopped
     */
    public boolean isStopped() {
        return stop;
    }

    /** Stops the message: handlers outside the current one neither process nor record it. */
    public void stop() {
        this.stop = true;
    }

    /**
     * For {@link SiteKind#PLATE} messages: the full size of the plate.
     *
     * @return N
     */
    public int plateSize() {
        return plateSize;
    }

    /**
     * For {@link SiteKind#PLATE} messages: the subsample size.
     *
     * @return B
     */
    public int plateSubsampleSize() {
        return plateSubsample;
    }

    /**
     * For {@link SiteKind#PLATE} messages: the batch axis.
     *
     * @return the dim, negative
     */
    public int plateDim() {
        return plateDim;
    }

    /**
     * For {@link SiteKind#PLATE} messages: the subsample indices.
     *
     * @return the indices, or null until drawn (and when not subsampling)
     */
    public int[] subsample() {
        return indices == null ? null : indices.clone();
    }

    /**
     * For {@link SiteKind#PLATE} messages: sets the subsample indices (as replay does, so that a
     * model and its guide use the same minibatch).
     *
     * @param indices indices in {@code [0, plateSize)}
     */
    public void setSubsample(int[] indices) {
        this.indices = indices == null ? null : indices.clone();
        if (indices != null) {
            this.plateSubsample = indices.length;
        }
    }

    int[] subsampleNoCopy() {
        return indices;
    }

    Site toSite() {
        List<PlateFrame> frames =
                kind == SiteKind.PLATE
                        ? List.of(
                                new PlateFrame(name, plateSize, plateSubsample, plateDim, indices))
                        : List.copyOf(plates);
        return new Site(name, kind, effectiveDistribution, value, scale, mask, frames, constraint);
    }
}
