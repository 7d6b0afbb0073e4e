#!/usr/bin/env python3
"""Writes distributions.tsv: reference log-densities, moments, entropies and KL divergences.

Regenerate (from the repository root) with Debian's SciPy:

    /usr/bin/python3 api-tests/src/test/resources/golden/make_golden.py

The fixture is checked in; builds never run this script. Each line of the output is

    kind <TAB> family <TAB> parameters <TAB> value <TAB> expected

kind is logprob, mean, variance, entropy or kl. Parameters are name=numbers pairs separated by
';' (numbers separated by spaces; KL parameters are prefixed p. and q.). Values and expected
results are space-separated numbers (vectors and matrices flattened row-major).

The references are computed independently of the Java formulas wherever SciPy allows: densities
and moments from scipy.stats, KL divergences by numerical quadrature or summation of
p log(p/q), the continuous Bernoulli's normaliser and moments by quadrature, and the LKJ density
from the normalising constant of Lewandowski, Kurowicka and Joe (2009, equation 16) plus the
Jacobian of the Cholesky map.
"""
import math
import os

import numpy as np
from scipy import integrate, special, stats

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "distributions.tsv")
rows = []


def fmt(xs):
    return " ".join(repr(float(x)) for x in np.ravel(xs))


def params(**kw):
    return ";".join(f"{k}={fmt(v)}" for k, v in kw.items())


def add(kind, family, ps, value, expected):
    rows.append("\t".join([kind, family, ps, fmt(value) if value is not None else "-", fmt(expected)]))


def scalar_family(family, ps, frozen, values, mean=True, variance=True, entropy=True):
    for v in values:
        lp = frozen.logpmf(v) if hasattr(frozen, "logpmf") else frozen.logpdf(v)
        add("logprob", family, ps, v, lp)
    if mean:
        add("mean", family, ps, None, frozen.mean())
    if variance:
        add("variance", family, ps, None, frozen.var())
    if entropy:
        add("entropy", family, ps, None, frozen.entropy())


def continuous():
    scalar_family("Normal", params(loc=0.3, scale=1.7), stats.norm(0.3, 1.7), [-2.5, 0.3, 4.0])
    scalar_family("LogNormal", params(loc=-0.2, scale=0.8),
                  stats.lognorm(s=0.8, scale=math.exp(-0.2)), [0.1, 1.0, 3.5])
    scalar_family("HalfNormal", params(scale=2.5), stats.halfnorm(scale=2.5), [0.0, 0.7, 6.0])
    scalar_family("Cauchy", params(loc=1.0, scale=0.5), stats.cauchy(1.0, 0.5), [-3.0, 1.0, 2.2],
                  mean=False, variance=False)
    scalar_family("HalfCauchy", params(scale=1.5), stats.halfcauchy(scale=1.5), [0.0, 0.4, 10.0],
                  mean=False, variance=False)
    scalar_family("StudentT", params(df=3.5, loc=0.5, scale=2.0), stats.t(3.5, 0.5, 2.0),
                  [-4.0, 0.5, 7.0])
    scalar_family("Laplace", params(loc=-1.0, scale=0.7), stats.laplace(-1.0, 0.7), [-3.0, -1.0, 0.5])
    scalar_family("Exponential", params(rate=1.3), stats.expon(scale=1 / 1.3), [0.0, 0.5, 4.0])
    scalar_family("Gamma", params(concentration=2.5, rate=1.5), stats.gamma(2.5, scale=1 / 1.5),
                  [0.1, 1.0, 5.0])
    scalar_family("Gamma", params(concentration=0.5, rate=2.0), stats.gamma(0.5, scale=0.5),
                  [0.01, 0.3, 2.0])
    scalar_family("InverseGamma", params(concentration=3.5, rate=2.0), stats.invgamma(3.5, scale=2.0),
                  [0.2, 1.0, 4.0])
    scalar_family("Beta", params(concentration1=2.0, concentration0=3.5), stats.beta(2.0, 3.5),
                  [0.05, 0.4, 0.9])
    scalar_family("Beta", params(concentration1=0.5, concentration0=0.5), stats.beta(0.5, 0.5),
                  [0.01, 0.5, 0.99])
    scalar_family("Uniform", params(low=-1.0, high=3.0), stats.uniform(-1.0, 4.0), [-0.5, 0.0, 2.9])
    mixture()
    continuous_bernoulli()


def mixture():
    pi, s1, s2 = 0.5, 1.0, 0.0025
    ps = params(pi=pi, sigma1=s1, sigma2=s2)
    for v in [0.0, 0.001, 0.5, 2.0]:
        lp = np.logaddexp(math.log(pi) + stats.norm(0, s1).logpdf(v),
                          math.log1p(-pi) + stats.norm(0, s2).logpdf(v))
        add("logprob", "ScaleMixtureNormal", ps, v, lp)
    add("mean", "ScaleMixtureNormal", ps, None, 0.0)
    add("variance", "ScaleMixtureNormal", ps, None, pi * s1 ** 2 + (1 - pi) * s2 ** 2)


def continuous_bernoulli():
    for lam in [0.3, 0.5, 0.5001, 0.9, 0.02]:
        ps = params(probs=lam)
        kernel = lambda x: lam ** x * (1 - lam) ** (1 - x)
        z = integrate.quad(kernel, 0, 1, epsabs=1e-15, epsrel=1e-13)[0]
        logc = -math.log(z)
        pdf = lambda x: kernel(x) / z
        for v in [0.1, 0.5, 0.95]:
            add("logprob", "ContinuousBernoulli", ps, v, logc + v * math.log(lam) + (1 - v) * math.log1p(-lam))
        m = integrate.quad(lambda x: x * pdf(x), 0, 1, epsabs=1e-15, epsrel=1e-13)[0]
        var = integrate.quad(lambda x: (x - m) ** 2 * pdf(x), 0, 1, epsabs=1e-15, epsrel=1e-13)[0]
        ent = -integrate.quad(lambda x: pdf(x) * math.log(pdf(x)), 0, 1, epsabs=1e-15, epsrel=1e-13)[0]
        add("mean", "ContinuousBernoulli", ps, None, m)
        add("variance", "ContinuousBernoulli", ps, None, var)
        add("entropy", "ContinuousBernoulli", ps, None, ent)


def discrete():
    scalar_family("Bernoulli", params(probs=0.3), stats.bernoulli(0.3), [0, 1])
    logit = -1.2
    scalar_family("BernoulliLogits", params(logits=logit), stats.bernoulli(special.expit(logit)), [0, 1])
    probs = np.array([0.2, 0.5, 0.3])
    ps = params(probs=probs)
    for k in range(3):
        add("logprob", "Categorical", ps, k, math.log(probs[k]))
    add("entropy", "Categorical", ps, None, stats.entropy(probs))
    logits = np.array([0.4, -1.0, 2.0, 0.0])
    ps = params(logits=logits)
    lp = logits - special.logsumexp(logits)
    for k in range(4):
        add("logprob", "CategoricalLogits", ps, k, lp[k])
    add("entropy", "CategoricalLogits", ps, None, stats.entropy(np.exp(lp)))
    scalar_family("Binomial", params(totalCount=10.0, probs=0.35), stats.binom(10, 0.35), [0, 3, 10],
                  entropy=False)
    scalar_family("Poisson", params(rate=3.2), stats.poisson(3.2), [0, 2, 9], entropy=False)
    scalar_family("Poisson", params(rate=40.0), stats.poisson(40.0), [25, 40, 61], entropy=False)


def multivariate():
    loc = np.array([0.5, -1.0, 2.0])
    tril = np.array([[1.5, 0, 0], [0.3, 0.8, 0], [-0.4, 0.2, 1.2]])
    cov = tril @ tril.T
    d = stats.multivariate_normal(loc, cov)
    ps = params(loc=loc, scaleTril=tril)
    for v in [np.array([0.0, 0.0, 0.0]), np.array([1.2, -2.5, 3.3])]:
        add("logprob", "MultivariateNormal", ps, v, d.logpdf(v))
    add("mean", "MultivariateNormal", ps, None, loc)
    add("variance", "MultivariateNormal", ps, None, np.diag(cov))
    add("entropy", "MultivariateNormal", ps, None, d.entropy())

    alpha = np.array([1.5, 2.0, 0.7])
    dd = stats.dirichlet(alpha)
    ps = params(concentration=alpha)
    for v in [np.array([0.2, 0.5, 0.3]), np.array([0.6, 0.1, 0.3])]:
        add("logprob", "Dirichlet", ps, v, dd.logpdf(v))
    add("mean", "Dirichlet", ps, None, dd.mean())
    add("variance", "Dirichlet", ps, None, dd.var())
    add("entropy", "Dirichlet", ps, None, dd.entropy())

    for dim, eta, corr in [
        (2, 0.5, np.array([[1.0, -0.6], [-0.6, 1.0]])),
        (3, 2.0, np.array([[1.0, 0.3, -0.2], [0.3, 1.0, 0.5], [-0.2, 0.5, 1.0]])),
        (4, 1.0, np.array([[1.0, 0.1, 0.2, 0.0], [0.1, 1.0, -0.3, 0.25],
                           [0.2, -0.3, 1.0, 0.4], [0.0, 0.25, 0.4, 1.0]])),
    ]:
        chol = np.linalg.cholesky(corr)
        add("logprob", "LKJCholesky", params(dim=dim, concentration=eta), chol, lkj_cholesky_logpdf(chol, eta))


def lkj_cholesky_logpdf(chol, eta):
    """LKJ density of R = L L^T (LKJ 2009, eq. 16) times the Jacobian prod_i L_ii^(d - 1 - i)."""
    d = chol.shape[0]
    log_c = 0.0
    for k in range(1, d):
        log_c += (2 * eta - 2 + d - k) * (d - k) * math.log(2)
        log_c += (d - k) * special.betaln(eta + (d - k - 1) / 2, eta + (d - k - 1) / 2)
    corr = chol @ chol.T
    log_r = (eta - 1) * math.log(np.linalg.det(corr)) - log_c
    log_jac = sum((d - 1 - i) * math.log(chol[i, i]) for i in range(d))
    return log_r + log_jac


def kl_quad(family, ps, p, q, lo, hi):
    f = lambda x: p.pdf(x) * (p.logpdf(x) - q.logpdf(x)) if p.pdf(x) > 0 else 0.0
    val = integrate.quad(f, lo, hi, epsabs=1e-13, epsrel=1e-12, limit=500)[0]
    add("kl", family, ps, None, val)


def kl_sum(family, ps, p, q, support):
    add("kl", family, ps, None, sum(p.pmf(k) * (p.logpmf(k) - q.logpmf(k)) for k in support if p.pmf(k) > 0))


def kls():
    kl_quad("Normal|Normal", params(**{"p.loc": 0.3, "p.scale": 1.2, "q.loc": -0.5, "q.scale": 2.0}),
            stats.norm(0.3, 1.2), stats.norm(-0.5, 2.0), -np.inf, np.inf)
    kl_quad("LogNormal|LogNormal", params(**{"p.loc": 0.1, "p.scale": 0.5, "q.loc": -0.3, "q.scale": 0.9}),
            stats.lognorm(s=0.5, scale=math.exp(0.1)), stats.lognorm(s=0.9, scale=math.exp(-0.3)), 0, np.inf)
    kl_quad("HalfNormal|HalfNormal", params(**{"p.scale": 1.3, "q.scale": 0.6}),
            stats.halfnorm(scale=1.3), stats.halfnorm(scale=0.6), 0, np.inf)
    kl_quad("Laplace|Laplace", params(**{"p.loc": 0.2, "p.scale": 0.8, "q.loc": -0.4, "q.scale": 1.5}),
            stats.laplace(0.2, 0.8), stats.laplace(-0.4, 1.5), -np.inf, np.inf)
    kl_quad("Exponential|Exponential", params(**{"p.rate": 1.7, "q.rate": 0.6}),
            stats.expon(scale=1 / 1.7), stats.expon(scale=1 / 0.6), 0, np.inf)
    kl_quad("Gamma|Gamma", params(**{"p.concentration": 2.5, "p.rate": 1.5, "q.concentration": 1.2, "q.rate": 0.7}),
            stats.gamma(2.5, scale=1 / 1.5), stats.gamma(1.2, scale=1 / 0.7), 0, np.inf)
    kl_quad("Beta|Beta", params(**{"p.concentration1": 2.0, "p.concentration0": 3.5,
                                   "q.concentration1": 1.5, "q.concentration0": 1.2}),
            stats.beta(2.0, 3.5), stats.beta(1.5, 1.2), 0, 1)
    kl_sum("Bernoulli|Bernoulli", params(**{"p.probs": 0.3, "q.probs": 0.6}),
           stats.bernoulli(0.3), stats.bernoulli(0.6), [0, 1])
    kl_sum("Poisson|Poisson", params(**{"p.rate": 3.2, "q.rate": 5.0}),
           stats.poisson(3.2), stats.poisson(5.0), range(200))
    pp = np.array([0.2, 0.5, 0.3])
    qq = np.array([0.6, 0.1, 0.3])
    add("kl", "Categorical|Categorical", params(**{"p.probs": pp, "q.probs": qq}), None,
        float(np.sum(pp * np.log(pp / qq))))
    # Independent normals: the sum of the univariate divergences, each by quadrature.
    ml, sl, mq, sq = [0.0, 1.0], [1.0, 0.5], [0.5, -1.0], [2.0, 0.7]
    total = sum(integrate.quad(lambda x: stats.norm(a, b).pdf(x) * (stats.norm(a, b).logpdf(x) - stats.norm(c, e).logpdf(x)),
                               -np.inf, np.inf, epsabs=1e-13, epsrel=1e-12)[0]
                for a, b, c, e in zip(ml, sl, mq, sq))
    add("kl", "IndependentNormal|IndependentNormal",
        params(**{"p.loc": ml, "p.scale": sl, "q.loc": mq, "q.scale": sq}), None, total)
    # Multivariate normals: the Gaussian formula evaluated with dense NumPy inverses.
    lp = np.array([[1.0, 0.0], [0.4, 0.9]])
    lq = np.array([[1.5, 0.0], [-0.3, 0.6]])
    mp, mq2 = np.array([0.2, -0.1]), np.array([1.0, 0.5])
    sp, sq2 = lp @ lp.T, lq @ lq.T
    iq = np.linalg.inv(sq2)
    kl = 0.5 * (np.trace(iq @ sp) + (mq2 - mp) @ iq @ (mq2 - mp) - 2
                + math.log(np.linalg.det(sq2) / np.linalg.det(sp)))
    add("kl", "MultivariateNormal|MultivariateNormal",
        params(**{"p.loc": mp, "p.scaleTril": lp, "q.loc": mq2, "q.scaleTril": lq}), None, kl)


continuous()
discrete()
multivariate()
kls()
with open(OUT, "w") as f:
    f.write("# Generated by make_golden.py; do not edit by hand.\n")
    f.write("\n".join(rows) + "\n")
print(f"wrote {len(rows)} rows to {OUT}")
