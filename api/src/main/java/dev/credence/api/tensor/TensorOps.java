package dev.credence.api.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Composite operations built from the primitives in {@link Tensor}. They differentiate through the
 * primitives' rules, so none of them needs a gradient rule of its own.
 */
final class TensorOps {
    private TensorOps() {}

    /** Above this, softplus(x) equals x to within e^-20 relative. */
    private static final double SOFTPLUS_LINEAR = 20.0;

    static Tensor relu(Tensor x) {
        return Tensor.where(x.gt(0), x, x.zerosLike());
    }

    static Tensor softplus(Tensor x) {
        // log1p(exp(x)) is exact for all x below the threshold (exp underflows gracefully for
        // very negative x); above it the result is x. Clamping inside keeps the unselected branch
        // finite so that its zero cotangent never meets an infinity.
        Tensor capped = x.minimum(x.scalarLike(SOFTPLUS_LINEAR));
        return Tensor.where(x.gt(SOFTPLUS_LINEAR), x, capped.exp().log1p());
    }

    static Tensor clamp(Tensor x, double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clamp: needs lo <= hi, found " + lo + " > " + hi);
        }
        Tensor l = x.scalarLike(lo);
        Tensor h = x.scalarLike(hi);
        return Tensor.where(x.lt(l), l, Tensor.where(x.gt(h), h, x));
    }

    static Tensor mean(Tensor x, boolean keepDims, int... axes) {
        int[] ax = x.shape().normalizeAxes(axes, "mean");
        long n = 1;
        for (int a : ax) {
            n *= x.shape().dim(a);
        }
        return x.sum(keepDims, ax).div((double) n);
    }

    static Tensor logSumExp(Tensor x, boolean keepDims, int... axes) {
        int[] ax = x.shape().normalizeAxes(axes, "logSumExp");
        Tensor m = x.detach().max(true, ax);
        // An all -inf (or +inf) slice would give inf - inf; shift by 0 there instead.
        m = Tensor.where(m.isFinite(), m, m.zerosLike());
        Tensor r = x.sub(m).exp().sum(true, ax).log().add(m);
        if (!keepDims) {
            r = r.reshape(x.shape().reduce(ax, false).dims());
        }
        return r;
    }

    static Tensor binaryCrossEntropy(Tensor p, Tensor t) {
        Tensor floor = p.scalarLike(-100);
        Tensor logP = p.log().maximum(floor);
        Tensor log1mP = p.neg().log1p().maximum(floor);
        return t.mul(logP).add(t.neg().add(1).mul(log1mP)).neg();
    }

    static Tensor swapAxes(Tensor x, int a, int b) {
        if (x.rank() < 2) {
            throw new IllegalArgumentException(
                    "transpose: needs rank >= 2, found shape " + x.shape());
        }
        int r = x.rank();
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) {
            perm[i] = i;
        }
        int ia = x.shape().normalizeAxis(a, "transpose");
        int ib = x.shape().normalizeAxis(b, "transpose");
        perm[ia] = ib;
        perm[ib] = ia;
        return x.permute(perm);
    }

    static Tensor unsqueeze(Tensor x, int axis) {
        int r = x.rank();
        if (axis < -r - 1 || axis > r) {
            throw new IllegalArgumentException(
                    "unsqueeze: axis " + axis + " out of range for shape " + x.shape());
        }
        int ax = axis < 0 ? axis + r + 1 : axis;
        int[] d = x.shape().dims();
        int[] out = new int[r + 1];
        System.arraycopy(d, 0, out, 0, ax);
        out[ax] = 1;
        System.arraycopy(d, ax, out, ax + 1, r - ax);
        return x.reshape(out);
    }

    static Tensor squeeze(Tensor x, int axis) {
        int ax = x.shape().normalizeAxis(axis, "squeeze");
        if (x.shape().dim(ax) != 1) {
            throw new IllegalArgumentException(
                    "squeeze: axis "
                            + ax
                            + " of shape "
                            + x.shape()
                            + " has size "
                            + x.shape().dim(ax)
                            + ", not 1");
        }
        int[] d = x.shape().dims();
        int[] out = new int[d.length - 1];
        System.arraycopy(d, 0, out, 0, ax);
        System.arraycopy(d, ax + 1, out, ax, d.length - ax - 1);
        return x.reshape(out);
    }

    static Tensor narrow(Tensor x, int axis, int start, int end) {
        int ax = x.shape().normalizeAxis(axis, "narrow");
        int[] begin = new int[x.rank()];
        int[] stop = x.shape().dims();
        begin[ax] = start;
        stop[ax] = end;
        return x.slice(begin, stop);
    }

    static Tensor stack(List<Tensor> ts, int axis) {
        if (ts.isEmpty()) {
            throw new IllegalArgumentException("stack: needs at least one tensor");
        }
        List<Tensor> parts = new ArrayList<>(ts.size());
        for (Tensor t : ts) {
            if (!t.shape().equals(ts.get(0).shape())) {
                throw new IllegalArgumentException(
                        "stack: shapes differ: " + ts.get(0).shape() + " and " + t.shape());
            }
            parts.add(unsqueeze(t, axis));
        }
        return Tensor.concat(parts, axis < 0 ? axis : axis);
    }
}
