package dev.credence.api.dist;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;

/**
 * A probability distribution over tensors, possibly a batch of independent ones.
 *
 * <h2>Shapes</h2>
 *
 * A draw has shape {@code sampleShape + batchShape + eventShape}. The <em>event shape</em> is the
 * shape of one outcome (a scalar for a normal, a vector of length {@code d} for a {@code d}-variate
 * normal); the <em>batch shape</em> indexes independent, differently parameterised distributions,
 * and comes from broadcasting the parameters; the <em>sample shape</em> indexes repeated draws.
 * {@link #logProb(Tensor)} returns one value per event, so its result has shape {@code sampleShape
 * + batchShape}.
 *
 * <h2>Sampling and gradients</h2>
 *
 * {@link #rsample} draws by a reparameterisation {@code x = g(params, noise)}, so gradients flow
 * from the draw to the parameters through {@link dev.credence.api.autodiff.Autodiff}; {@link
 * #hasRsample()} tells whether a family offers it. {@link #sample} never carries gradients. Random
 * numbers come from a {@link RandomKey}; a distribution that needs several independent streams
 * splits the key it is given.
 *
 * <h2>Validation</h2>
 *
 * Each family checks its parameters when it is constructed and, in {@code logProb}, that values lie
 * in the {@link #support()}. A failure names the family, the parameter, the constraint and the
 * value found. Checks cost a host round trip per tensor; {@link Validation} turns them off.
 *
 * <h2>Writing a family</h2>
 *
 * Compute the batch shape with {@link #broadcastParams(String, Tensor...)}, call the super
 * constructor, check each parameter with {@link #checkParam(String, Tensor, Constraint)}, and begin
 * {@code logProb} with {@link #checkValue(Tensor)}. Compute log-densities in log space with stable
 * composites ({@code log1p}, {@code softplus}, {@code logSigmoid}, {@code logSumExp}).
 */
public abstract class Distribution {
    private final Shape batchShape;
    private final Shape eventShape;
    private final boolean validate;

    /**
     * Creates a distribution with given shapes; the validation setting is read now.
     *
     * @param batchShape the batch shape
     * @param eventShape the event shape
     */
    protected Distribution(Shape batchShape, Shape eventShape) {
        this.batchShape = batchShape;
        this.eventShape = eventShape;
        this.validate = Validation.isEnabled();
    }

    /**
     * Returns the batch shape.
     *
     * @return the shape indexing independent distributions
     */
    public final Shape batchShape() {
        return batchShape;
    }

    /**
     * Returns the event shape.
     *
     * @return the shape of one outcome
     */
    public final Shape eventShape() {
        return eventShape;
    }

    /**
     * Returns the shape of a draw of the given sample shape.
     *
     * @param sampleShape the sample shape
     * @return {@code sampleShape + batchShape + eventShape}
     */
    public final Shape shape(int... sampleShape) {
        return Shape.concat(Shape.of(sampleShape), batchShape, eventShape);
    }

    /**
     * Tells whether this instance validates its arguments and values.
     *
     * @return the setting read at construction
     */
    public final boolean validatesArgs() {
        return validate;
    }

    /**
     * Returns the set of values with positive density.
     *
     * @return the support
     */
    public abstract Constraint support();

    /**
     * Tells whether {@link #rsample} is available.
     *
     * @return true for reparameterisable families
     */
    public boolean hasRsample() {
        return false;
    }

    /**
     * Draws without gradients.
     *
     * @param key the random key
     * @param sampleShape the sample shape
     * @return a tensor of shape {@link #shape(int...)}
     */
    public Tensor sample(RandomKey key, int... sampleShape) {
        if (!hasRsample()) {
            throw new UnsupportedOperationException(family() + " does not implement sample");
        }
        try (Autodiff.NoGrad off = Autodiff.noGrad()) {
            return rsample(key, sampleShape).detach();
        }
    }

    /**
     * Draws by reparameterisation, so that gradients flow to the parameters.
     *
     * @param key the random key
     * @param sampleShape the sample shape
     * @return a tensor of shape {@link #shape(int...)}
     * @throws UnsupportedOperationException if the family is not reparameterisable
     */
    public Tensor rsample(RandomKey key, int... sampleShape) {
        throw new UnsupportedOperationException(
                family()
                        + " has no reparameterised sampler (hasRsample() is false); use"
                        + " sample(key, ...), whose draws carry no gradient");
    }

    /**
     * Evaluates the log-density (or log-mass) of each event.
     *
     * @param value a tensor of shape {@code [...] + batchShape + eventShape} (or broadcastable)
     * @return the log-densities, shape {@code [...] + batchShape}
     */
    public abstract Tensor logProb(Tensor value);

    /**
     * Returns the mean.
     *
     * @return a tensor of shape {@code batchShape + eventShape}
     */
    public Tensor mean() {
        throw unsupported("mean");
    }

    /**
     * Returns the variance (elementwise, for vector events).
     *
     * @return a tensor of shape {@code batchShape + eventShape}
     */
    public Tensor variance() {
        throw unsupported("variance");
    }

    /**
     * Returns the standard deviation.
     *
     * @return the square root of {@link #variance()}
     */
    public Tensor stddev() {
        return variance().sqrt();
    }

    /**
     * Returns the differential (or Shannon) entropy in nats.
     *
     * @return a tensor of shape {@code batchShape}
     */
    public Tensor entropy() {
        throw unsupported("entropy");
    }

    /**
     * Returns the same family with parameters broadcast to a larger batch shape.
     *
     * @param newBatchShape a shape to which the current batch shape broadcasts
     * @return the expanded distribution
     */
    public abstract Distribution expand(Shape newBatchShape);

    /**
     * Returns the same family with parameters broadcast to a larger batch shape.
     *
     * @param dims the new batch shape
     * @return the expanded distribution
     */
    public final Distribution expand(int... dims) {
        return expand(Shape.of(dims));
    }

    /**
     * Returns the family name used in messages.
     *
     * @return the simple class name
     */
    public String family() {
        return getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return family() + "(batch " + batchShape + ", event " + eventShape + ")";
    }

    // ------------------------------------------------------------------ helpers for families

    /**
     * Checks that parameters share a floating dtype and a backend, and broadcasts their shapes.
     *
     * @param family the family name, for messages
     * @param params the parameters
     * @return the broadcast shape
     */
    protected static Shape broadcastParams(String family, Tensor... params) {
        Shape s = Shape.scalar();
        Tensor first = params[0];
        for (Tensor p : params) {
            if (!p.dtype().isFloating()) {
                throw new IllegalArgumentException(
                        family + ": parameters must be FLOAT32 or FLOAT64, found " + p.dtype());
            }
            if (p.dtype() != first.dtype() || p.backend() != first.backend()) {
                throw new IllegalArgumentException(
                        family
                                + ": parameters must share dtype and backend, found "
                                + first.dtype()
                                + " on "
                                + first.backend().name()
                                + " and "
                                + p.dtype()
                                + " on "
                                + p.backend().name());
            }
            s = Shape.broadcast(s, p.shape(), family + " parameters");
        }
        return s;
    }

    /**
     * Checks a parameter against its constraint when validation is on.
     *
     * @param name the parameter name
     * @param value the parameter
     * @param c the constraint
     * @throws IllegalArgumentException naming the family, parameter, constraint and value found
     */
    protected final void checkParam(String name, Tensor value, Constraint c) {
        if (validate) {
            String where = family() + ": parameter '" + name + "' must be " + c.describe();
            requireAll(where, value, c);
        }
    }

    /**
     * Checks that a value fits the event shape and, when validation is on, lies in the support.
     *
     * @param value the value passed to {@code logProb}
     * @throws IllegalArgumentException naming the family, the support and the value found
     */
    protected final void checkValue(Tensor value) {
        int er = eventShape.rank();
        int[] vd = value.shape().dims();
        if (vd.length < er
                || !Arrays.equals(
                        Arrays.copyOfRange(vd, vd.length - er, vd.length), eventShape.dims())) {
            throw new IllegalArgumentException(
                    family()
                            + ".logProb: the value's trailing axes must match the event shape "
                            + eventShape
                            + ", found value shape "
                            + value.shape());
        }
        if (validate) {
            requireAll(
                    family() + ".logProb: value must lie in the support " + support().describe(),
                    value,
                    support());
        }
    }

    private static void requireAll(String what, Tensor value, Constraint c) {
        Tensor ok;
        try (Autodiff.NoGrad off = Autodiff.noGrad()) {
            ok = c.check(value.detach());
        }
        int[] flags = ok.toIntArray();
        for (int k = 0; k < flags.length; k++) {
            if (flags[k] == 0) {
                throw new IllegalArgumentException(
                        what + "; found " + describeEvent(value, ok.shape(), c.eventDim(), k));
            }
        }
    }

    private static String describeEvent(Tensor value, Shape checked, int eventDim, int k) {
        int[] vd = value.shape().dims();
        int[] event = Arrays.copyOfRange(vd, vd.length - eventDim, vd.length);
        Tensor v = value.detach().broadcastTo(Shape.concat(checked, Shape.of(event)).dims());
        int eventSize = Shape.of(event).size();
        double[] all = v.toDoubleArray();
        double[] ev = Arrays.copyOfRange(all, k * eventSize, (k + 1) * eventSize);
        String found = ev.length == 1 ? Double.toString(ev[0]) : Arrays.toString(ev);
        if (checked.rank() == 0) {
            return found;
        }
        int[] idx = new int[checked.rank()];
        int rest = k;
        int[] strides = checked.strides();
        for (int i = 0; i < idx.length; i++) {
            idx[i] = rest / strides[i];
            rest %= strides[i];
        }
        return found + " at index " + Arrays.toString(idx) + " of shape " + checked;
    }

    /**
     * Throws the exception for an operation the family does not define in closed form.
     *
     * @param what the operation
     * @return the exception, to throw
     */
    protected final UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(
                family() + " has no closed-form " + what + "; estimate it from samples");
    }

    /**
     * Checks that the batch shape broadcasts to a new one, for {@link #expand(Shape)}.
     *
     * @param newBatchShape the requested batch shape
     * @return the requested shape
     */
    protected final Shape checkExpand(Shape newBatchShape) {
        if (!batchShape.broadcastsTo(newBatchShape)) {
            throw new IllegalArgumentException(
                    family()
                            + ".expand: batch shape "
                            + batchShape
                            + " cannot be broadcast to "
                            + newBatchShape);
        }
        return newBatchShape;
    }

    /**
     * Broadcasts a parameter to {@code batchShape + trailing}.
     *
     * @param p the parameter
     * @param batch the batch shape
     * @param trailing the parameter's own trailing dimensions (empty for scalar parameters)
     * @return the broadcast parameter
     */
    protected static Tensor expandParam(Tensor p, Shape batch, int... trailing) {
        return p.broadcastTo(Shape.concat(batch, Shape.of(trailing)).dims());
    }

    /**
     * Draws standard normal noise of a given shape in a reference tensor's dtype and backend.
     *
     * @param key the key
     * @param like a tensor giving dtype and backend
     * @param shape the shape
     * @return the noise
     */
    protected static Tensor standardNormal(RandomKey key, Tensor like, Shape shape) {
        return key.normal(like.backend(), like.dtype(), shape.dims());
    }

    /**
     * Draws uniform noise strictly inside (0, 1), even after rounding to FLOAT32.
     *
     * @param key the key
     * @param like a tensor giving dtype and backend
     * @param shape the shape
     * @return the noise
     */
    protected static Tensor openUniform(RandomKey key, Tensor like, Shape shape) {
        double[] u = key.uniformDoubles(shape.size());
        double lo = like.dtype() == DType.FLOAT32 ? 0x1.0p-25 : 0x1.0p-54;
        double hi = like.dtype() == DType.FLOAT32 ? 1 - 0x1.0p-24 : 1 - 0x1.0p-53;
        for (int i = 0; i < u.length; i++) {
            u[i] = Math.min(Math.max(u[i] + 0x1.0p-54, lo), hi);
        }
        return Tensor.of(like.backend(), u, like.dtype(), shape);
    }
}
