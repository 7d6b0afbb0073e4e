package dev.credence.compiler;

/**
 * The scalar functions that generated code calls where a JVM instruction sequence would need a
 * branch: comparisons, selection, integer arithmetic with Java's wrap-around, the maximum of a
 * reduction. Each computes exactly what the corresponding kernel computes for one element.
 */
final class ScalarOps {
    private ScalarOps() {}

    static double lt(double a, double b) {
        return a < b ? 1 : 0;
    }

    static double le(double a, double b) {
        return a <= b ? 1 : 0;
    }

    static double eq(double a, double b) {
        return a == b ? 1 : 0;
    }

    static double select(double c, double a, double b) {
        return c != 0 ? a : b;
    }

    static double maxCombine(double acc, double v) {
        return ReductionKernels.combine(true, acc, v);
    }

    static double toBool(double v) {
        return v != 0 ? 1 : 0;
    }

    static double iadd(double a, double b) {
        return (int) a + (int) b;
    }

    static double isub(double a, double b) {
        return (int) a - (int) b;
    }

    static double imul(double a, double b) {
        return (int) a * (int) b;
    }

    static double imax(double a, double b) {
        return Math.max((int) a, (int) b);
    }

    static double imin(double a, double b) {
        return Math.min((int) a, (int) b);
    }

    static double ilt(double a, double b) {
        return (int) a < (int) b ? 1 : 0;
    }

    static double ile(double a, double b) {
        return (int) a <= (int) b ? 1 : 0;
    }

    static double ieq(double a, double b) {
        return (int) a == (int) b ? 1 : 0;
    }

    static double ineg(double a) {
        return -(int) a;
    }

    static double iabs(double a) {
        return Math.abs((int) a);
    }
}
