package dev.credence.api.random;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Feed;
import dev.credence.api.tensor.Program;
import dev.credence.api.tensor.Recording;
import dev.credence.api.tensor.Tensor;
import java.io.Serializable;

/**
 * An immutable, splittable key for counter-based random numbers, in the style of JAX's PRNG keys.
 *
 * <p>A key never changes: drawing numbers does not advance it. To draw again, {@link #split()} the
 * key into fresh ones, or {@link #fold(long)} in a step or chain number. Every chain, layer and
 * step thus owns a stream that depends only on the path of splits that led to it, so a run is
 * reproducible bit for bit whatever the thread schedule.
 *
 * <pre>{@code
 * RandomKey key = RandomKey.of(42);
 * RandomKey[] ks = key.split(2);
 * Tensor eps = ks[0].normal(backend, DType.FLOAT32, 128, 20);
 * RandomKey step7 = ks[1].fold(7);
 * }</pre>
 *
 * <p>Numbers come from Philox-4x32-10 keyed by this key, with the element index as counter; they
 * are generated on the host and copied to the backend, so all backends see the same numbers.
 *
 * <p>A key is {@link Serializable} (two ints), so that the tasks of a distributed run can carry the
 * keys they derive their streams from; files store keys through {@link #toString()}.
 */
public final class RandomKey implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int DRAW = 0;
    private static final int SPLIT = 0x5EED5EED;
    private static final int FOLD = 0x0F01D000;

    private final int k0;
    private final int k1;

    /**
     * For a key derived from {@link #perRun}: the base key and the path of folds and splits that
     * led here, so that the same key can be derived for another run ({@link #atRun}). Null for
     * every other key. Not part of the key's value ({@link #equals}) and not serialized.
     */
    private final transient Origin origin;

    /** Base key and path: pairs {@code (FOLD, data)} or {@code (SPLIT, index)}. */
    private record Origin(RandomKey base, long[] path) {
        Origin then(int op, long arg) {
            long[] p = java.util.Arrays.copyOf(path, path.length + 2);
            p[path.length] = op;
            p[path.length + 1] = arg;
            return new Origin(base, p);
        }
    }

    private RandomKey(int k0, int k1) {
        this(k0, k1, null);
    }

    private RandomKey(int k0, int k1, Origin origin) {
        this.k0 = k0;
        this.k1 = k1;
        this.origin = origin;
    }

    /**
     * The key of run {@code run} of a repeated computation, {@code base.fold(run)}, which also
     * remembers how every key derived from it was derived. While a {@link Program} is being
     * recorded, tensors drawn from such keys (and minibatches subsampled with them) are declared as
     * {@link Feed}s, so that a replay of run {@code r} draws what {@code perRun(base, r)} would.
     * Otherwise the key behaves exactly as {@code base.fold(run)}, to which it is equal.
     *
     * @param base the key of the whole computation
     * @param run the run number, e.g. an optimisation step
     * @return the run's key
     */
    public static RandomKey perRun(RandomKey base, long run) {
        RandomKey k = base.fold(run);
        return new RandomKey(k.k0, k.k1, new Origin(base, new long[0]));
    }

    /**
     * Tells whether this key was derived from a {@link #perRun} key, so that {@link #atRun} can
     * derive it for another run.
     *
     * @return true for such keys
     */
    public boolean followsRun() {
        return origin != null;
    }

    /**
     * Derives this key for another run: the key that the same folds and splits give when started
     * from {@code perRun(base, run)}.
     *
     * @param run the run
     * @return the key
     * @throws IllegalStateException if this key does not {@link #followsRun()}
     */
    public RandomKey atRun(long run) {
        if (origin == null) {
            throw new IllegalStateException(
                    "this key was not derived from RandomKey.perRun, so it has no run to move to");
        }
        RandomKey k = origin.base().fold(run);
        long[] p = origin.path();
        for (int i = 0; i < p.length; i += 2) {
            k = p[i] == FOLD ? k.fold(p[i + 1]) : k.splitAt((int) p[i + 1]);
        }
        return k;
    }

    private RandomKey splitAt(int i) {
        int[] o = new int[4];
        Philox.block(k0, k1, i, 0, 0, SPLIT, o);
        return new RandomKey(o[0], o[1], origin == null ? null : origin.then(SPLIT, i));
    }

    /**
     * Creates a key from a seed.
     *
     * @param seed any long
     * @return the key
     */
    public static RandomKey of(long seed) {
        int[] o = new int[4];
        Philox.block(0x3C6EF372, 0xA54FF53A, (int) seed, (int) (seed >>> 32), 0, SPLIT, o);
        return new RandomKey(o[0], o[1]);
    }

    /**
     * Splits into {@code n} independent keys.
     *
     * @param n the number of keys
     * @return the keys
     */
    public RandomKey[] split(int n) {
        RandomKey[] out = new RandomKey[n];
        for (int i = 0; i < n; i++) {
            out[i] = splitAt(i);
        }
        return out;
    }

    /**
     * Splits into two keys.
     *
     * @return two keys
     */
    public RandomKey[] split() {
        return split(2);
    }

    /**
     * Derives a key for a piece of data, such as a step or chain number.
     *
     * @param data the data
     * @return a new key, different for each value of {@code data}
     */
    public RandomKey fold(long data) {
        int[] o = new int[4];
        Philox.block(k0, k1, (int) data, (int) (data >>> 32), 0, FOLD, o);
        return new RandomKey(o[0], o[1], origin == null ? null : origin.then(FOLD, data));
    }

    /**
     * Returns {@code n} uniform 32-bit words, four per Philox block.
     *
     * @param n how many
     * @param stream a tag separating independent streams under one key
     * @return the words
     */
    int[] bits(int n, int stream) {
        int[] out = new int[n];
        int[] o = new int[4];
        for (int b = 0; b * 4 < n; b++) {
            Philox.block(k0, k1, b, 0, stream, DRAW, o);
            int m = Math.min(4, n - b * 4);
            System.arraycopy(o, 0, out, b * 4, m);
        }
        return out;
    }

    /**
     * Draws uniform doubles in {@code [0, 1)} with 53 random bits each.
     *
     * @param n how many
     * @return the draws
     */
    public double[] uniformDoubles(int n) {
        return uniformDoubles(n, 0);
    }

    private double[] uniformDoubles(int n, int stream) {
        int[] w = bits(2 * n, stream);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            long hi = (w[2 * i] & 0xFFFFFFFFL) >>> 6; // 26 bits
            long lo = (w[2 * i + 1] & 0xFFFFFFFFL) >>> 5; // 27 bits
            out[i] = ((hi << 27) | lo) * 0x1.0p-53;
        }
        return out;
    }

    /**
     * Draws standard normal doubles by the Box-Muller transform.
     *
     * @param n how many
     * @return the draws
     */
    public double[] normalDoubles(int n) {
        int pairs = (n + 1) / 2;
        double[] u = uniformDoubles(2 * pairs, 1);
        double[] out = new double[n];
        for (int i = 0; i < pairs; i++) {
            double r = Math.sqrt(-2.0 * Math.log1p(-u[2 * i]));
            double t = 2.0 * Math.PI * u[2 * i + 1];
            out[2 * i] = r * Math.cos(t);
            if (2 * i + 1 < n) {
                out[2 * i + 1] = r * Math.sin(t);
            }
        }
        return out;
    }

    /**
     * Draws a uniform integer in {@code [0, bound)}.
     *
     * @param bound the exclusive upper bound, positive
     * @return the draw
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("nextInt: bound must be positive, found " + bound);
        }
        return (int) Math.floor(uniformDoubles(1, 2)[0] * bound);
    }

    /**
     * Draws a tensor of uniform values in {@code [0, 1)}.
     *
     * @param b the backend
     * @param dtype FLOAT32 or FLOAT64
     * @param dims the shape
     * @return the draws
     */
    public Tensor uniform(Backend b, DType dtype, int... dims) {
        Shape s = Shape.of(dims);
        Tensor t = Tensor.of(b, uniformDoubles(s.size()), floating(dtype, "uniform"), s.dims());
        if (origin != null && Recording.isActive()) {
            Shape ts = t.shape();
            Recording.feed(
                    t,
                    (be, run) -> be.fromDoubles(atRun(run).uniformDoubles(ts.size()), ts, dtype));
        }
        return t.reshape(dims);
    }

    /**
     * Draws a tensor of standard normal values.
     *
     * @param b the backend
     * @param dtype FLOAT32 or FLOAT64
     * @param dims the shape
     * @return the draws
     */
    public Tensor normal(Backend b, DType dtype, int... dims) {
        Shape s = Shape.of(dims);
        Tensor t = Tensor.of(b, normalDoubles(s.size()), floating(dtype, "normal"), s.dims());
        if (origin != null && Recording.isActive()) {
            Shape ts = t.shape();
            Recording.feed(
                    t, (be, run) -> be.fromDoubles(atRun(run).normalDoubles(ts.size()), ts, dtype));
        }
        return t.reshape(dims);
    }

    /**
     * Draws Bernoulli variables with success probabilities {@code p}.
     *
     * @param p probabilities in [0, 1]
     * @return a tensor of 0 and 1 with the dtype and shape of {@code p}
     */
    public Tensor bernoulli(Tensor p) {
        double[] u = uniformDoubles(p.size(), 3);
        double[] pv = p.toDoubleArray();
        double[] out = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            out[i] = u[i] < pv[i] ? 1 : 0;
        }
        return Tensor.of(p.backend(), out, p.dtype(), p.shape().dims()).reshape(p.shape().dims());
    }

    /**
     * Draws category indices from unnormalised log-probabilities along the last axis, by the
     * Gumbel-max trick.
     *
     * @param logits a floating tensor of shape {@code [..., k]}
     * @return INT32 indices of shape {@code [...]}
     */
    public Tensor categorical(Tensor logits) {
        int k = logits.dim(-1);
        int rows = logits.size() / Math.max(k, 1);
        double[] l = logits.toDoubleArray();
        double[] u = uniformDoubles(l.length, 4);
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            double best = Double.NEGATIVE_INFINITY;
            int arg = 0;
            for (int j = 0; j < k; j++) {
                double g = l[r * k + j] - Math.log(-Math.log1p(-u[r * k + j]) + 0.0);
                if (g > best) {
                    best = g;
                    arg = j;
                }
            }
            out[r] = arg;
        }
        int[] dims = logits.shape().reduce(new int[] {logits.rank() - 1}, false).dims();
        return Tensor.ofInts(logits.backend(), out, dims.length == 0 ? new int[0] : dims)
                .reshape(dims);
    }

    private static DType floating(DType d, String op) {
        if (!d.isFloating()) {
            throw new IllegalArgumentException(
                    op + ": dtype must be FLOAT32 or FLOAT64, found " + d);
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RandomKey r && r.k0 == k0 && r.k1 == k1;
    }

    @Override
    public int hashCode() {
        return 31 * k0 + k1;
    }

    @Override
    public String toString() {
        return String.format("RandomKey[%08x%08x]", k0, k1);
    }
}
