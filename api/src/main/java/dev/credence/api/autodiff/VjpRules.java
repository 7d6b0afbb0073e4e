package dev.credence.api.autodiff;

import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of vector-Jacobian products: one rule per {@link Primitive}.
 *
 * <p>A rule receives a recorded node and the cotangent {@code g} of its output and returns one
 * cotangent per input (null for inputs that take no gradient, such as indices and masks). Rules are
 * written with {@link Tensor} operations, so when {@link Autodiff} records them (for a gradient of
 * a gradient) they differentiate again through this same table.
 */
final class VjpRules {
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    private VjpRules() {}

    static Tensor[] vjp(GradNode n, Tensor g) {
        Tensor[] in = n.inputs();
        Tensor y = n.output();
        Tensor x = in.length > 0 ? in[0] : null;
        return switch (n.op()) {
            case IDENTITY -> in.length == 0 ? new Tensor[0] : one(g);
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
            case WHERE -> {
                Tensor c = in[0];
                Tensor zero = g.zerosLike();
                yield new Tensor[] {
                    null,
                    unbroadcast(Tensor.where(c, g, zero), in[1].shape()),
                    unbroadcast(Tensor.where(c, zero, g), in[2].shape())
                };
            }
            case SUM -> {
                Tensor.ReduceAttr a = (Tensor.ReduceAttr) n.attr();
                Tensor gk = a.keepDims() ? g : g.reshape(x.shape().reduce(a.axes(), true).dims());
                yield one(gk.broadcastTo(x.shape().dims()));
            }
            case MAX -> {
                Tensor.ReduceAttr a = (Tensor.ReduceAttr) n.attr();
                int[] keep = x.shape().reduce(a.axes(), true).dims();
                Tensor yk = a.keepDims() ? y : y.reshape(keep);
                Tensor gk = a.keepDims() ? g : g.reshape(keep);
                Tensor mask = x.eq(yk.detach()).cast(x.dtype());
                Tensor count = mask.sum(true, a.axes());
                yield one(gk.mul(mask).div(count));
            }
            case MATMUL -> {
                // An operand off the tape (data, say) gets no gradient: the backward pass would
                // drop it, and a product costs as much as the forward one.
                Tensor b = in[1];
                yield two(
                        x.node() == null ? null : unbroadcast(g.matmul(b.transpose()), x.shape()),
                        b.node() == null ? null : unbroadcast(x.transpose().matmul(g), b.shape()));
            }
            case RESHAPE -> one(g.reshape(x.shape().dims()));
            case PERMUTE -> {
                int[] p = (int[]) n.attr();
                int[] inv = new int[p.length];
                for (int i = 0; i < p.length; i++) {
                    inv[p[i]] = i;
                }
                yield one(g.permute(inv));
            }
            case BROADCAST_TO -> one(unbroadcast(g, x.shape()));
            case SLICE -> one(padSlice(g, (int[][]) n.attr(), x.shape()));
            case CONCAT -> {
                int axis = (Integer) n.attr();
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
                int axis = (Integer) n.attr();
                yield new Tensor[] {
                    Tensor.scatterAdd(g, axis, in[1].detach(), x.shape().dims()), null
                };
            }
            case SCATTER_ADD -> {
                int axis = (Integer) n.attr();
                yield new Tensor[] {null, g.gather(axis, in[0].detach())};
            }
            case CAST -> one(g.cast(x.dtype()));
        };
    }

    private static Tensor[] one(Tensor a) {
        return new Tensor[] {a};
    }

    private static Tensor[] two(Tensor a, Tensor b) {
        return new Tensor[] {a, b};
    }

    private static Tensor[] pow(Tensor g, Tensor a, Tensor b, Tensor y) {
        Tensor ga = g.mul(b).mul(a.pow(b.sub(1)));
        Tensor positive = a.gt(0);
        Tensor safeA = Tensor.where(positive, a, a.onesLike());
        Tensor logA = Tensor.where(positive, safeA.log(), a.zerosLike());
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
    private static Tensor padSlice(Tensor g, int[][] range, Shape full) {
        Tensor r = g;
        for (int axis = 0; axis < full.rank(); axis++) {
            int before = range[0][axis];
            int after = full.dim(axis) - range[1][axis];
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
            r = Tensor.concat(parts, axis);
        }
        return r;
    }
}
