package dev.credence.inference.hmc;

import java.util.SplittableRandom;

/**
 * The No-U-Turn transition as Stan implements it: the trajectory doubles in a random direction
 * until it makes a U-turn, the tree depth limit is reached or the integration diverges; the next
 * state is drawn from the whole trajectory by multinomial sampling, biased toward the newest
 * subtree at the top level (Betancourt 2017, "A Conceptual Introduction to Hamiltonian Monte
 * Carlo", section A.3.2). The U-turn test is the generalised criterion {@code p#(-)·rho > 0 and
 * p#(+)·rho > 0} on sharp momenta {@code p# = M^-1 p}, applied to every merged pair of subtrees,
 * with the two extra checks across the join that Stan added in 2.21.
 *
 * <p>A leapfrog step whose energy error exceeds {@code maxDeltaH} (1000) is a divergence: the
 * subtree is rejected and the transition ends. Non-finite densities count as infinite energy.
 */
final class NutsTransition implements Transition {
    private final int maxDepth;
    private final double maxDeltaH;

    NutsTransition(int maxDepth) {
        this(maxDepth, 1000);
    }

    NutsTransition(int maxDepth, double maxDeltaH) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("max tree depth must be >= 1, found " + maxDepth);
        }
        this.maxDepth = maxDepth;
        this.maxDeltaH = maxDeltaH;
    }

    /** Mutable accumulators shared by one transition's tree building. */
    private static final class Run {
        final Metric metric;
        final LogDensity f;
        final SplittableRandom rng;
        final double eps;
        final double h0;
        final double[] scratch;
        int leapfrogs;
        double sumMetroProb;
        boolean divergent;

        Run(Metric metric, LogDensity f, SplittableRandom rng, double eps, double h0, int d) {
            this.metric = metric;
            this.f = f;
            this.rng = rng;
            this.eps = eps;
            this.h0 = h0;
            this.scratch = new double[d];
        }
    }

    /** The log-sum-exp accumulator {@code log(e^a + e^b)}. */
    static double logAddExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double m = Math.max(a, b);
        return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
    }

    private static boolean criterion(double[] pSharpMinus, double[] pSharpPlus, double[] rho) {
        return dot(pSharpPlus, rho) > 0 && dot(pSharpMinus, rho) > 0;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void add(double[] acc, double[] x) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += x[i];
        }
    }

    @Override
    public TransitionStats next(
            PhasePoint z, double eps, Metric metric, LogDensity f, SplittableRandom rng) {
        int d = z.q.length;
        metric.sampleMomentum(rng, z.p);
        double h0 = z.hamiltonian(metric);
        Run run = new Run(metric, f, rng, eps, h0, d);

        // The trajectory so far spans [left, right]; each end keeps its frontier point, momentum
        // and sharp momentum. rho is the sum of the momenta of every point on it.
        PhasePoint zRight = new PhasePoint(d);
        PhasePoint zLeft = new PhasePoint(d);
        PhasePoint zSample = new PhasePoint(d);
        PhasePoint zPropose = new PhasePoint(d);
        zRight.copyFrom(z);
        zLeft.copyFrom(z);
        zSample.copyFrom(z);
        double[] pSharp0 = new double[d];
        metric.velocity(z.p, pSharp0);
        double[] pLeft = z.p.clone();
        double[] pSharpLeft = pSharp0.clone();
        double[] pRight = z.p.clone();
        double[] pSharpRight = pSharp0.clone();
        double[] rho = z.p.clone();
        double logSumWeight = 0;
        int depth = 0;

        double[] pBeg = new double[d];
        double[] pSharpBeg = new double[d];
        double[] pEnd = new double[d];
        double[] pSharpEnd = new double[d];
        double[] ext = new double[d];
        while (depth < maxDepth) {
            double[] rhoNew = new double[d];
            double[] logSumWeightSubtree = {Double.NEGATIVE_INFINITY};
            boolean forward = rng.nextDouble() > 0.5;
            PhasePoint frontier = forward ? zRight : zLeft;
            boolean valid =
                    buildTree(
                            depth,
                            frontier,
                            zPropose,
                            pSharpBeg,
                            pSharpEnd,
                            rhoNew,
                            pBeg,
                            pEnd,
                            forward ? 1 : -1,
                            logSumWeightSubtree,
                            run);
            if (!valid) {
                break;
            }
            depth++;
            double lsw = logSumWeightSubtree[0];
            if (lsw > logSumWeight) {
                zSample.copyFrom(zPropose);
            } else if (rng.nextDouble() < Math.exp(lsw - logSumWeight)) {
                zSample.copyFrom(zPropose);
            }
            logSumWeight = logAddExp(logSumWeight, lsw);

            // The old trajectory A and the new subtree B; B's "beg" end touches A.
            boolean persist;
            if (forward) {
                // A + first point of B, and last point of A + B.
                for (int i = 0; i < d; i++) {
                    ext[i] = rho[i] + pBeg[i];
                }
                persist = criterion(pSharpLeft, pSharpBeg, ext);
                for (int i = 0; i < d; i++) {
                    ext[i] = rhoNew[i] + pRight[i];
                }
                persist &= criterion(pSharpRight, pSharpEnd, ext);
                System.arraycopy(pEnd, 0, pRight, 0, d);
                System.arraycopy(pSharpEnd, 0, pSharpRight, 0, d);
            } else {
                // B + first point of A, and last point of B + A.
                for (int i = 0; i < d; i++) {
                    ext[i] = rhoNew[i] + pLeft[i];
                }
                persist = criterion(pSharpEnd, pSharpLeft, ext);
                for (int i = 0; i < d; i++) {
                    ext[i] = rho[i] + pBeg[i];
                }
                persist &= criterion(pSharpBeg, pSharpRight, ext);
                System.arraycopy(pEnd, 0, pLeft, 0, d);
                System.arraycopy(pSharpEnd, 0, pSharpLeft, 0, d);
            }
            add(rho, rhoNew);
            persist &= criterion(pSharpLeft, pSharpRight, rho);
            if (!persist) {
                break;
            }
        }
        z.copyFrom(zSample);
        double accept = run.leapfrogs == 0 ? 0 : run.sumMetroProb / run.leapfrogs;
        return new TransitionStats(
                accept,
                eps,
                depth,
                run.leapfrogs,
                run.divergent,
                z.hamiltonian(metric),
                z.logDensity);
    }

    /**
     * Extends the trajectory from {@code z} by {@code 2^depth} leapfrog steps in direction {@code
     * sign}; on return {@code z} is the new frontier and {@code propose} the point sampled from the
     * new subtree. Outputs: the sharp momenta and momenta at both ends of the subtree ({@code beg}
     * is next to the existing trajectory), the subtree's momentum sum added to {@code rho}, its log
     * weight added to {@code logSumWeight[0]}.
     */
    private boolean buildTree(
            int depth,
            PhasePoint z,
            PhasePoint propose,
            double[] pSharpBeg,
            double[] pSharpEnd,
            double[] rho,
            double[] pBeg,
            double[] pEnd,
            int sign,
            double[] logSumWeight,
            Run run) {
        int d = z.q.length;
        if (depth == 0) {
            Leapfrog.step(z, sign * run.eps, run.metric, run.f, run.scratch);
            run.leapfrogs++;
            double h = z.hamiltonian(run.metric);
            if (h - run.h0 > maxDeltaH) {
                run.divergent = true;
                return false;
            }
            double w = run.h0 - h;
            logSumWeight[0] = logAddExp(logSumWeight[0], w);
            run.sumMetroProb += w > 0 ? 1 : Math.exp(w);
            propose.copyFrom(z);
            run.metric.velocity(z.p, pSharpBeg);
            System.arraycopy(pSharpBeg, 0, pSharpEnd, 0, d);
            add(rho, z.p);
            System.arraycopy(z.p, 0, pBeg, 0, d);
            System.arraycopy(z.p, 0, pEnd, 0, d);
            return true;
        }
        // The initial subtree.
        double[] logSumWeightInit = {Double.NEGATIVE_INFINITY};
        double[] pInitEnd = new double[d];
        double[] pSharpInitEnd = new double[d];
        double[] rhoInit = new double[d];
        boolean validInit =
                buildTree(
                        depth - 1,
                        z,
                        propose,
                        pSharpBeg,
                        pSharpInitEnd,
                        rhoInit,
                        pBeg,
                        pInitEnd,
                        sign,
                        logSumWeightInit,
                        run);
        if (!validInit) {
            return false;
        }
        // The final subtree.
        PhasePoint proposeFinal = new PhasePoint(d);
        double[] logSumWeightFinal = {Double.NEGATIVE_INFINITY};
        double[] pFinalBeg = new double[d];
        double[] pSharpFinalBeg = new double[d];
        double[] rhoFinal = new double[d];
        boolean validFinal =
                buildTree(
                        depth - 1,
                        z,
                        proposeFinal,
                        pSharpFinalBeg,
                        pSharpEnd,
                        rhoFinal,
                        pFinalBeg,
                        pEnd,
                        sign,
                        logSumWeightFinal,
                        run);
        if (!validFinal) {
            return false;
        }
        // Multinomial sample from the two halves (uniform progressive sampling inside subtrees).
        double subtree = logAddExp(logSumWeightInit[0], logSumWeightFinal[0]);
        logSumWeight[0] = logAddExp(logSumWeight[0], subtree);
        if (logSumWeightFinal[0] > subtree) {
            propose.copyFrom(proposeFinal);
        } else if (run.rng.nextDouble() < Math.exp(logSumWeightFinal[0] - subtree)) {
            propose.copyFrom(proposeFinal);
        }
        double[] rhoSubtree = new double[d];
        for (int i = 0; i < d; i++) {
            rhoSubtree[i] = rhoInit[i] + rhoFinal[i];
        }
        add(rho, rhoSubtree);
        boolean persist = criterion(pSharpBeg, pSharpEnd, rhoSubtree);
        double[] ext = new double[d];
        for (int i = 0; i < d; i++) {
            ext[i] = rhoInit[i] + pFinalBeg[i];
        }
        persist &= criterion(pSharpBeg, pSharpFinalBeg, ext);
        for (int i = 0; i < d; i++) {
            ext[i] = rhoFinal[i] + pInitEnd[i];
        }
        persist &= criterion(pSharpInitEnd, pSharpEnd, ext);
        return persist;
    }
}
