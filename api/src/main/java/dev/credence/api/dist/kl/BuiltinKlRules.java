package dev.credence.api.dist.kl;

import dev.credence.api.dist.Bernoulli;
import dev.credence.api.dist.Beta;
import dev.credence.api.dist.Categorical;
import dev.credence.api.dist.Dirichlet;
import dev.credence.api.dist.Exponential;
import dev.credence.api.dist.Gamma;
import dev.credence.api.dist.HalfNormal;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Laplace;
import dev.credence.api.dist.LogNormal;
import dev.credence.api.dist.MultivariateNormal;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.Poisson;
import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;

/** The closed-form divergences registered by {@link KlRegistry#withBuiltins()}. */
final class BuiltinKlRules {
    private BuiltinKlRules() {}

    static void registerAll(KlRegistry r) {
        r.register(Normal.class, Normal.class, BuiltinKlRules::normal);
        r.register(LogNormal.class, LogNormal.class, BuiltinKlRules::logNormal);
        r.register(HalfNormal.class, HalfNormal.class, BuiltinKlRules::halfNormal);
        r.register(Laplace.class, Laplace.class, BuiltinKlRules::laplace);
        r.register(Exponential.class, Exponential.class, BuiltinKlRules::exponential);
        r.register(Gamma.class, Gamma.class, BuiltinKlRules::gamma);
        r.register(Beta.class, Beta.class, BuiltinKlRules::beta);
        r.register(Dirichlet.class, Dirichlet.class, BuiltinKlRules::dirichlet);
        r.register(Bernoulli.class, Bernoulli.class, BuiltinKlRules::bernoulli);
        r.register(Categorical.class, Categorical.class, BuiltinKlRules::categorical);
        r.register(Poisson.class, Poisson.class, BuiltinKlRules::poisson);
        r.register(MultivariateNormal.class, MultivariateNormal.class, BuiltinKlRules::mvn);
        r.register(Independent.class, Independent.class, (p, q) -> independent(r, p, q));
    }

    /** {@code log(sq / sp) + (sp^2 + (mp - mq)^2) / (2 sq^2) - 1/2}. */
    private static Tensor gaussian(Tensor mp, Tensor sp, Tensor mq, Tensor sq) {
        Tensor ratio = sp.div(sq);
        Tensor diff = mp.sub(mq).div(sq);
        return ratio.square().add(diff.square()).mul(0.5).sub(ratio.log()).sub(0.5);
    }

    static Tensor normal(Normal p, Normal q) {
        return gaussian(p.loc(), p.scale(), q.loc(), q.scale());
    }

    static Tensor logNormal(LogNormal p, LogNormal q) {
        return gaussian(p.loc(), p.scale(), q.loc(), q.scale());
    }

    static Tensor halfNormal(HalfNormal p, HalfNormal q) {
        Tensor ratio = p.scale().div(q.scale());
        return ratio.square().mul(0.5).sub(ratio.log()).sub(0.5);
    }

    /** {@code log(bq / bp) + |mp - mq| / bq + (bp / bq) exp(-|mp - mq| / bp) - 1}. */
    static Tensor laplace(Laplace p, Laplace q) {
        Tensor d = p.loc().sub(q.loc()).abs();
        Tensor ratio = p.scale().div(q.scale());
        return ratio.log()
                .neg()
                .add(d.div(q.scale()))
                .add(ratio.mul(d.div(p.scale()).neg().exp()))
                .sub(1);
    }

    /** {@code log(rp / rq) + rq / rp - 1}. */
    static Tensor exponential(Exponential p, Exponential q) {
        Tensor ratio = q.rate().div(p.rate());
        return ratio.sub(ratio.log()).sub(1);
    }

    /**
     * {@code (ap - aq) psi(ap) - lgamma(ap) + lgamma(aq) + aq (log bp - log bq) + ap (bq - bp) /
     * bp} for shapes a and rates b.
     */
    static Tensor gamma(Gamma p, Gamma q) {
        Tensor ap = p.concentration();
        Tensor aq = q.concentration();
        Tensor bp = p.rate();
        Tensor bq = q.rate();
        return ap.sub(aq)
                .mul(ap.digamma())
                .sub(ap.lgamma())
                .add(aq.lgamma())
                .add(aq.mul(bp.log().sub(bq.log())))
                .add(ap.mul(bq.sub(bp)).div(bp));
    }

    /**
     * {@code log B(a2, b2) - log B(a1, b1) + (a1 - a2) psi(a1) + (b1 - b2) psi(b1) + (a2 - a1 + b2
     * - b1) psi(a1 + b1)}.
     */
    static Tensor beta(Beta p, Beta q) {
        Tensor a1 = p.concentration1();
        Tensor b1 = p.concentration0();
        Tensor a2 = q.concentration1();
        Tensor b2 = q.concentration0();
        Tensor t1 = a1.add(b1);
        return Elementwise.lbeta(a2, b2)
                .sub(Elementwise.lbeta(a1, b1))
                .add(a1.sub(a2).mul(a1.digamma()))
                .add(b1.sub(b2).mul(b1.digamma()))
                .add(a2.sub(a1).add(b2).sub(b1).mul(t1.digamma()));
    }

    /**
     * {@code lgamma(a0) - sum lgamma(a) - lgamma(b0) + sum lgamma(b) + sum (a - b)(psi(a) -
     * psi(a0))}.
     */
    static Tensor dirichlet(Dirichlet p, Dirichlet q) {
        Tensor a = p.concentration();
        Tensor b = q.concentration();
        Tensor a0 = a.sum(true, -1);
        Tensor b0 = b.sum(true, -1);
        Tensor norm =
                a0.lgamma()
                        .sub(b0.lgamma())
                        .squeeze(-1)
                        .sub(a.lgamma().sub(b.lgamma()).sum(false, -1));
        return norm.add(a.sub(b).mul(a.digamma().sub(a0.digamma())).sum(false, -1));
    }

    /**
     * With logits: {@code p (softplus(-lq) - softplus(-lp)) + (1 - p)(softplus(lq) -
     * softplus(lp))}, exact for any logits; otherwise from probabilities with {@code 0 log 0 = 0}.
     */
    static Tensor bernoulli(Bernoulli p, Bernoulli q) {
        Tensor pp = p.probs();
        if (p.isLogitParameterised() && q.isLogitParameterised()) {
            Tensor lp = p.logits();
            Tensor lq = q.logits();
            Tensor ones = lq.neg().softplus().sub(lp.neg().softplus());
            Tensor zeros = lq.softplus().sub(lp.softplus());
            return pp.mul(ones).add(pp.neg().add(1).mul(zeros));
        }
        Tensor qq = q.probs();
        Tensor p0 = pp.neg().add(1);
        Tensor q0 = qq.neg().add(1);
        return Elementwise.xlogy(pp, pp)
                .sub(Elementwise.xlogy(pp, qq))
                .add(Elementwise.xlogy(p0, p0))
                .sub(Elementwise.xlogy(p0, q0));
    }

    /** {@code sum_k p_k (log p_k - log q_k)}, with terms where {@code p_k = 0} set to 0. */
    static Tensor categorical(Categorical p, Categorical q) {
        if (p.categories() != q.categories()) {
            throw new IllegalArgumentException(
                    "KL(Categorical || Categorical): category counts differ ("
                            + p.categories()
                            + " and "
                            + q.categories()
                            + ")");
        }
        Tensor pp = p.probs();
        Tensor on = pp.gt(0);
        Tensor diff = p.logits().sub(q.logits());
        Tensor safeDiff = Tensor.where(on, diff, diff.zerosLike());
        return Tensor.where(on, pp.mul(safeDiff), pp.zerosLike()).sum(false, -1);
    }

    /** {@code rp log(rp / rq) - rp + rq}. */
    static Tensor poisson(Poisson p, Poisson q) {
        Tensor rp = p.rate();
        Tensor rq = q.rate();
        return Elementwise.xlogy(rp, rp).sub(Elementwise.xlogy(rp, rq)).sub(rp).add(rq);
    }

    /**
     * {@code (|Lq^-1 Lp|_F^2 + |Lq^-1 (mq - mp)|^2 - d) / 2 + sum log diag Lq - sum log diag Lp},
     * with triangular solves instead of inverses.
     */
    static Tensor mvn(MultivariateNormal p, MultivariateNormal q) {
        Tensor lp = p.scaleTril();
        Tensor lq = q.scaleTril();
        int d = lp.dim(-1);
        Tensor m = LinearAlgebra.triangularSolve(lq, lp, true, false);
        Tensor trace = m.square().sum(false, -2, -1);
        Tensor diff = q.loc().sub(p.loc()).unsqueeze(-1);
        Tensor maha =
                LinearAlgebra.triangularSolve(lq, diff, true, false).square().sum(false, -2, -1);
        Tensor logDetQ = LinearAlgebra.diagonal(lq).log().sum(false, -1);
        Tensor logDetP = LinearAlgebra.diagonal(lp).log().sum(false, -1);
        return trace.add(maha).sub(d).mul(0.5).add(logDetQ).sub(logDetP);
    }

    /** The base divergence summed over the reinterpreted axes. */
    static Tensor independent(KlRegistry r, Independent p, Independent q) {
        if (p.reinterpreted() != q.reinterpreted() || !p.eventShape().equals(q.eventShape())) {
            throw new IllegalArgumentException(
                    "KL(Independent || Independent): event shapes differ ("
                            + p.eventShape()
                            + " with "
                            + p.reinterpreted()
                            + " reinterpreted axes, and "
                            + q.eventShape()
                            + " with "
                            + q.reinterpreted()
                            + ")");
        }
        return Reductions.sumRightmost(r.kl(p.base(), q.base()), p.reinterpreted());
    }
}
