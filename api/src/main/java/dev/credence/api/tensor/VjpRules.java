package dev.credence.api.tensor;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of vector-Jacobian products: one rule per {@link dev.credence.api.backend.Primitive},
 * in one exhaustive switch, so a primitive without a rule does not compile.
 *
 * <p>A rule receives a recorded node and the cotangent {@code g} of its output and returns one
 * cotangent per input (null for inputs that take no gradient, such as indices and masks). Rules are
 * written with tensor operations, so when the backward pass is recorded (for a gradient of a
 * gradient) they differentiate again through this same table. The rules that take more than a line
 * are in {@link StructuredVjps} and, for convolution and pooling, {@link WindowVjps}.
 */
final class VjpRules {
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    private VjpRules() {}

    static Tensor[] vjp(TapeNode n, Tensor g) {
        if (n.loop() != null) {
            return n.loop().vjp(n.inputs(), n.output(), g);
        }
        Tensor[] in = n.inputs();
        Tensor y = n.output();
        Tensor x = in[0];
        Attributes attrs = n.attributes();
        return switch (n.op()) {
            case NEG -> one(g.neg());
            case EXP -> one(g.mul(y));
            case LOG -> one(g.div(x));
            case LOG1P -> one(g.div(x.add(1)));
            case EXPM1 -> one(g.mul(y.add(1)));
            case SQRT -> one(g.div(y.mul(2)));
            case ABS -> one(g.mul(x.sign()));
            case SIGN -> one(g.zerosLike());
            case SIN -> one(g.mul(x.cos()));
            case COS -> one(g.mul(x.sin()).neg());
            case TANH -> one(g.mul(y.square().neg().add(1)));
            case SIGMOID -> one(g.mul(y.mul(y.neg().add(1))));
            // the derivative of log(1 + e^x); above the threshold it differs from 1 by < 3e-9
            case SOFTPLUS -> one(g.mul(x.sigmoid()));
            // a 0/1 mask times g: two vectorised passes where a select is not vectorised on every
            // engine
            case RELU -> one(g.mul(Elementwise.cast(x.gt(0), g.dtype())));
            case LGAMMA -> one(g.mul(x.digamma()));
            case DIGAMMA -> one(g.mul(x.trigamma()));
            case TRIGAMMA ->
                    throw new UnsupportedOperationException(
                            "the derivative of trigamma (tetragamma) is not supported; third"
                                    + " derivatives of lgamma are out of scope");
            case ERF -> one(g.mul(x.square().neg().exp().mul(TWO_OVER_SQRT_PI)));
            case ADD -> two(unbroadcast(g, x.shape()), unbroadcast(g, in[1].shape()));
            case SUB -> two(unbroadcast(g, x.shape()), unbroadcast(g.neg(), in[1].shape()));
            case MUL ->
                    two(unbroadcast(g.mul(in[1]), x.shape()), unbroadcast(g.mul(x), in[1].shape()));
            case DIV ->
                    two(
                            unbroadcast(g.div(in[1]), x.shape()),
                            unbroadcast(g.mul(y).div(in[1]).neg(), in[1].shape()));
            case POW -> pow(g, x, in[1], y);
            case MAXIMUM -> extremum(g, x, in[1], true);
            case MINIMUM -> extremum(g, x, in[1], false);
            case LT, LE, EQ, ONE_HOT -> notDifferentiable(n);
            case WHERE -> {
                Tensor c = in[0];
                Tensor zero = g.zerosLike();
                yield new Tensor[] {
                    null,
                    unbroadcast(Elementwise.where(c, g, zero), in[1].shape()),
                    unbroadcast(Elementwise.where(c, zero, g), in[2].shape())
                };
            }
            case SUM -> {
                Attributes.Reduce a = (Attributes.Reduce) attrs;
                Tensor gk = a.keepDims() ? g : g.reshape(x.shape().reduce(a.axes(), true).dims());
                yield one(gk.broadcastTo(x.shape().dims()));
            }
            case MAX -> {
                Attributes.Reduce a = (Attributes.Reduce) attrs;
                int[] keep = x.shape().reduce(a.axes(), true).dims();
                Tensor yk = a.keepDims() ? y : y.reshape(keep);
                Tensor gk = a.keepDims() ? g : g.reshape(keep);
                Tensor mask = x.eq(yk.detach()).cast(x.dtype());
                Tensor count = mask.sum(true, a.axes());
                yield one(gk.mul(mask).div(count));
            }
            case CUMSUM -> {
                Attributes.Scan s = (Attributes.Scan) attrs;
                yield one(Reductions.cumsum(g, s.axis(), s.exclusive(), !s.reverse()));
            }
            case CUMPROD -> one(StructuredVjps.cumprod(g, x, y, (Attributes.Scan) attrs));
            case MATMUL -> StructuredVjps.matmul(g, x, in[1], (Attributes.MatMul) attrs);
            case CHOLESKY -> one(StructuredVjps.cholesky(g, y));
            case TRIANGULAR_SOLVE ->
                    StructuredVjps.triangularSolve(g, x, in[1], y, (Attributes.Triangular) attrs);
            case CONV2D -> WindowVjps.conv2d(g, x, in[1], (Attributes.Conv2d) attrs);
            case MAX_POOL2D -> one(WindowVjps.maxPool(g, x, y, (Attributes.Pool2d) attrs));
            case AVG_POOL2D -> one(WindowVjps.avgPool(g, x, (Attributes.Pool2d) attrs));
            case RESHAPE -> one(g.reshape(x.shape().dims()));
            case PERMUTE -> {
                int[] p = ((Attributes.Permutation) attrs).order();
                int[] inv = new int[p.length];
                for (int i = 0; i < p.length; i++) {
                    inv[p[i]] = i;
                }
                yield one(g.permute(inv));
            }
            case BROADCAST_TO -> one(unbroadcast(g, x.shape()));
            case SLICE -> one(padSlice(g, (Attributes.Range) attrs, x.shape()));
            case CONCAT -> {
                int axis = ((Attributes.Axis) attrs).axis();
                Tensor[] out = new Tensor[in.length];
                int at = 0;
                for (int i = 0; i < in.length; i++) {
                    int len = in[i].shape().dim(axis);
                    out[i] = g.narrow(axis, at, at + len);
                    at += len;
                }
                yield out;
            }
            case GATHER -> {
                int axis = ((Attributes.Axis) attrs).axis();
                yield new Tensor[] {
                    Indexing.scatterAdd(g, axis, in[1].detach(), x.shape().dims()), null
                };
            }
            case SCATTER_ADD -> {
                int axis = ((Attributes.Axis) attrs).axis();
                yield new Tensor[] {null, g.gather(axis, in[0].detach())};
            }
            case CAST -> one(g.cast(x.dtype()));
            case EMA -> {
                Attributes.Decay a = (Attributes.Decay) attrs;
                Tensor gx = g.mul(1 - a.decay());
                yield two(g.mul(a.decay()), a.squared() ? gx.mul(in[1].mul(2)) : gx);
            }
            case RMS_STEP -> rmsStep(g, in);
        };
    }

    /** {@code y = p - (u / r) rate} with {@code r = sqrt(s) + eps}. */
    private static Tensor[] rmsStep(Tensor g, Tensor[] in) {
        Tensor u = in[1];
        Tensor root = in[2].sqrt();
        Tensor r = root.add(in[3]);
        Tensor rate = in[4];
        Tensor ratio = u.div(r);
        // d y / d r = u rate / r^2; r grows with s as 1 / (2 sqrt(s)) and with eps as 1
        Tensor dr = g.mul(ratio.div(r).mul(rate));
        return new Tensor[] {
            g,
            g.mul(rate).div(r).neg(),
            dr.div(root.mul(2)),
            unbroadcast(dr, in[3].shape()),
            unbroadcast(g.mul(ratio).neg(), in[4].shape())
        };
    }

    static Tensor[] one(Tensor a) {
        return new Tensor[] {a};
    }

    static Tensor[] two(Tensor a, Tensor b) {
        return new Tensor[] {a, b};
    }

    private static Tensor[] notDifferentiable(TapeNode n) {
        throw new IllegalStateException(
                n.op().opName() + " has a non-floating result and is never on the tape");
    }

    private static Tensor[] pow(Tensor g, Tensor a, Tensor b, Tensor y) {
        Tensor ga = g.mul(b).mul(a.pow(b.sub(1)));
        Tensor positive = a.gt(0);
        Tensor safeA = Elementwise.where(positive, a, a.onesLike());
        Tensor logA = Elementwise.where(positive, safeA.log(), a.zerosLike());
        Tensor gb = g.mul(y).mul(logA);
        return two(unbroadcast(ga, a.shape()), unbroadcast(gb, b.shape()));
    }

    /** Gradient of max(a, b) or min(a, b): to the winner, split equally on ties. */
    private static Tensor[] extremum(Tensor g, Tensor a, Tensor b, boolean isMax) {
        Tensor win = (isMax ? a.gt(b) : a.lt(b)).cast(g.dtype());
        Tensor tie = a.eq(b).cast(g.dtype()).mul(0.5);
        Tensor wa = win.add(tie);
        Tensor wb = wa.neg().add(1);
        return two(unbroadcast(g.mul(wa), a.shape()), unbroadcast(g.mul(wb), b.shape()));
    }

    /** Sums a broadcast cotangent back down to the shape of the operand it came from. */
    static Tensor unbroadcast(Tensor g, Shape target) {
        Shape s = g.shape();
        if (s.equals(target)) {
            return g;
        }
        int lead = s.rank() - target.rank();
        List<Integer> axes = new ArrayList<>();
        for (int i = 0; i < s.rank(); i++) {
            if (i < lead || (target.dim(i - lead) == 1 && s.dim(i) != 1)) {
                axes.add(i);
            }
        }
        int[] ax = axes.stream().mapToInt(Integer::intValue).toArray();
        Tensor r = ax.length == 0 ? g : g.sum(true, ax);
        return r.reshape(target.dims());
    }

    /** Places a slice's cotangent back into zeros of the sliced tensor's shape. */
    private static Tensor padSlice(Tensor g, Attributes.Range range, Shape full) {
        int[] begin = range.begin();
        int[] end = range.end();
        Tensor r = g;
        for (int axis = 0; axis < full.rank(); axis++) {
            int before = begin[axis];
            int after = full.dim(axis) - end[axis];
            if (before == 0 && after == 0) {
                continue;
            }
            List<Tensor> parts = new ArrayList<>(3);
            int[] d = r.shape().dims();
            if (before > 0) {
                d[axis] = before;
                parts.add(Tensor.zeros(g.backend(), g.dtype(), d));
            }
            parts.add(r);
            if (after > 0) {
                d = r.shape().dims();
                d[axis] = after;
                parts.add(Tensor.zeros(g.backend(), g.dtype(), d));
            }
            r = Indexing.concat(parts, axis);
        }
        return r;
    }
}
