package dev.credence.api.tensor;

import dev.credence.api.backend.Attributes;

/**
 * The vector-Jacobian rules of {@link VjpRules} that take more than a line: matrix products with
 * transposed operands, the Cholesky factorisation, triangular solves and cumulative products. Like
 * every rule they are written with tensor operations, so they differentiate again.
 */
final class StructuredVjps {
    private StructuredVjps() {}

    /**
     * {@code C = op(a) op(b)}. Each cotangent is itself one product with transpose flags, so the
     * backward pass materialises no transpose. An operand off the tape (data, say) gets no
     * gradient: the backward pass would drop it, and a product costs as much as the forward one.
     */
    static Tensor[] matmul(Tensor g, Tensor a, Tensor b, Attributes.MatMul f) {
        boolean ta = f.transposeA();
        boolean tb = f.transposeB();
        Tensor ga = null;
        if (a.isTracked()) {
            ga = ta ? LinearAlgebra.matmul(b, g, tb, true) : LinearAlgebra.matmul(g, b, false, !tb);
            ga = VjpRules.unbroadcast(ga, a.shape());
        }
        Tensor gb = null;
        if (b.isTracked()) {
            gb = tb ? LinearAlgebra.matmul(g, a, true, ta) : LinearAlgebra.matmul(a, g, !ta, false);
            gb = VjpRules.unbroadcast(gb, b.shape());
        }
        return VjpRules.two(ga, gb);
    }

    /**
     * {@code L = chol(A)}, reading the lower triangle of {@code A}. With {@code Phi} the lower
     * triangle with its diagonal halved, Murray (2016, eq. 10) gives {@code S = L^-T Phi(L^T Lbar)
     * L^-1} as the cotangent of the symmetric matrix; since only the lower triangle is read, the
     * exact cotangent of the input is {@code Phi(S + S^T)}.
     */
    static Tensor cholesky(Tensor lbar, Tensor l) {
        Tensor p = LinearAlgebra.triangle(LinearAlgebra.matmul(l, lbar, true, false), true, 0.5);
        Tensor x = LinearAlgebra.triangularSolve(l, p, true, true);
        Tensor st = LinearAlgebra.triangularSolve(l, x.transpose(), true, true);
        return LinearAlgebra.triangle(st.add(st.transpose()), true, 0.5);
    }

    /**
     * {@code X = op(T)^-1 B}: {@code Bbar = op(T)^-T Xbar} and {@code op(T)bar = -Bbar X^T},
     * restricted to the triangle of {@code T} that the solve reads.
     */
    static Tensor[] triangularSolve(
            Tensor g, Tensor t, Tensor b, Tensor x, Attributes.Triangular f) {
        Tensor bbar = LinearAlgebra.triangularSolve(t, g, f.lower(), !f.transpose());
        Tensor tbar = null;
        if (t.isTracked()) {
            Tensor full =
                    f.transpose()
                            ? LinearAlgebra.matmul(x, bbar, false, true)
                            : LinearAlgebra.matmul(bbar, x, false, true);
            tbar =
                    VjpRules.unbroadcast(
                            LinearAlgebra.triangle(full.neg(), f.lower(), 1), t.shape());
        }
        return VjpRules.two(tbar, VjpRules.unbroadcast(bbar, b.shape()));
    }

    /**
     * {@code y = cumprod(x)} along an axis, in scan order (forward or reverse, inclusive or
     * exclusive). Write {@code R(k)} for the entries whose product is {@code y[k]}; then {@code
     * xbar[j] = sum over k with j in R(k) of g[k] y[k] / x[j]}, a cumulative sum in the opposite
     * direction. That division fails where {@code x[j] = 0}, so zeros are handled apart: past the
     * first zero (in scan order) every such {@code y[k]} is 0 and so is the gradient, and at the
     * first zero {@code z} the products leave {@code x[z]} out: {@code xbar[z] = E[z] * sum over k
     * with z in R(k) of g[k] Q[k]}, where {@code E} is the exclusive product of the entries before
     * {@code z} and {@code Q} the product of those after it. Everything is a scan or elementwise,
     * so the rule costs O(n) and needs no host read.
     */
    static Tensor cumprod(Tensor g, Tensor x, Tensor y, Attributes.Scan s) {
        int axis = s.axis();
        boolean ex = s.exclusive();
        boolean rev = s.reverse();
        Tensor nonZero = Elementwise.not(x.eq(0));
        Tensor nz = nonZero.cast(x.dtype());
        Tensor ones = x.onesLike();
        Tensor safeX = Elementwise.where(nonZero, x, ones);
        Tensor regular = Reductions.cumsum(g.mul(y), axis, ex, !rev).div(safeX);
        // before[j] = 1 where no zero precedes j in scan order; the first zero is where x is 0
        // and before is 1.
        Tensor before = Reductions.cumprod(nz, axis, true, rev);
        Tensor firstZero = nz.neg().add(1).mul(before);
        Tensor afterFirstZero = Elementwise.where(before.eq(1), ones, x);
        Tensor q = Reductions.cumprod(afterFirstZero, axis, ex, rev);
        Tensor e = Reductions.cumprod(x, axis, true, rev);
        Tensor atZero = firstZero.mul(e).mul(Reductions.cumsum(g.mul(q), axis, ex, !rev));
        return Elementwise.where(nonZero, regular, atZero);
    }
}
