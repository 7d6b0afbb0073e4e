package dev.credence.api.model;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Device;
import dev.credence.api.backend.Shape;
import dev.credence.api.compile.CompiledProgram;
import dev.credence.api.compile.ProgramCompiler;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Program;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.TensorScope;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link Potential} whose value-and-gradient evaluation has been recorded once as a {@link
 * Program} and is replayed on each call: the same backend kernels in the same order, without
 * running the model, its effect handlers or the autodiff tape again. For small models, where that
 * overhead dominates, this is several times faster; the results are bit-identical.
 *
 * <p>{@link #of} records the evaluation at two random points and compares the recordings; it also
 * replays at a third point and checks the result against a direct evaluation. If the model's
 * structure depends on its values (a branch on a sampled value, say), or anything else differs, it
 * falls back to direct evaluation and {@link #reason()} says why.
 *
 * <p><b>Host compilation.</b> On a CPU backend, when a {@link ProgramCompiler} is installed (the
 * {@code credence-compiler} module provides one, and depending on {@code credence-inference-hmc}
 * brings it), the recording is then compiled for the host: kernels over {@code double[]} slots,
 * with no backend dispatch and no allocation, which is several times faster again for small models.
 * The compiled program is checked against direct evaluation at two points and used only if every
 * value agrees within {@link #HOST_TOLERANCE} (on the pure-Java backend the results are in fact
 * bit-identical); otherwise, or without a compiler, calls replay the recording and {@link
 * #hostReason()} says why. The system property {@code credence.hostCompile=false} turns host
 * compilation off.
 */
public final class CompiledPotential {
    /**
     * How closely a host-compiled program must reproduce direct evaluation: every value {@code c}
     * of it against the direct {@code d} within {@code HOST_TOLERANCE * max(1, |d|)} for the log
     * density, and within {@code HOST_TOLERANCE * max(1, max_i |d_i|)} for each gradient
     * coordinate; non-finite values must match exactly.
     */
    public static final double HOST_TOLERANCE = 1e-12;

    private final Potential potential;
    private final Program program;
    private final String reason;
    private final CompiledProgram host;
    private final String hostReason;
    private final ThreadLocal<CompiledProgram.Frame> frames;
    private volatile ConstrainProgram constrain;
    private volatile boolean constrainRecorded;

    private CompiledPotential(Potential potential, Program program, String reason) {
        this(potential, program, reason, null, reason);
    }

    private CompiledPotential(
            Potential potential,
            Program program,
            String reason,
            CompiledProgram host,
            String hostReason) {
        this.potential = potential;
        this.program = program;
        this.reason = reason;
        this.host = host;
        this.hostReason = hostReason;
        this.frames = host == null ? null : ThreadLocal.withInitial(host::newFrame);
    }

    /**
     * Compiles a potential if its evaluation can be replayed.
     *
     * @param potential the potential
     * @param key the key for the trial points
     * @return the compiled potential (check {@link #isCompiled()})
     */
    public static CompiledPotential of(Potential potential, RandomKey key) {
        try (TensorScope scope = TensorScope.open()) {
            Tensor a = potential.initialPoint(key.fold(1));
            Tensor b = potential.initialPoint(key.fold(2));
            Tensor c = potential.initialPoint(key.fold(3));
            Program pa = record(potential, a);
            Program pb = record(potential, b);
            if (pa.notReplayableReason() != null) {
                return new CompiledPotential(potential, null, pa.notReplayableReason());
            }
            if (!pa.signature().equals(pb.signature())) {
                return new CompiledPotential(
                        potential, null, "the evaluation's structure differs between points");
            }
            double[] replayGrad = new double[potential.dimension()];
            CompiledPotential cp = new CompiledPotential(potential, pa, null);
            double replayValue = cp.valueAndGradient(c.toDoubleArray(), replayGrad);
            Potential.ValueAndGradient direct = potential.valueAndGradient(c);
            boolean same =
                    Double.compare(replayValue, direct.value()) == 0
                            && Arrays.equals(replayGrad, direct.gradient().toDoubleArray());
            if (!same) {
                return new CompiledPotential(
                        potential, null, "a replay did not reproduce a direct evaluation exactly");
            }
            scope.keep(c);
            return hostCompiled(potential, pa, c, direct, a);
        } catch (RuntimeException e) {
            return new CompiledPotential(potential, null, "recording failed: " + e.getMessage());
        }
    }

    /**
     * Compiles the recording for the host and checks it at two points: {@code c}, whose direct
     * evaluation is already known, and {@code a}.
     */
    private static CompiledPotential hostCompiled(
            Potential p,
            Program program,
            Tensor c,
            Potential.ValueAndGradient directAtC,
            Tensor a) {
        if (!Boolean.parseBoolean(System.getProperty("credence.hostCompile", "true"))) {
            return new CompiledPotential(
                    p, program, null, null, "host compilation is off (credence.hostCompile)");
        }
        if (p.backend().device().kind() != Device.Kind.CPU) {
            return new CompiledPotential(
                    p, program, null, null, "the backend computes on " + p.backend().device());
        }
        ProgramCompiler compiler = ProgramCompiler.installed().orElse(null);
        if (compiler == null) {
            return new CompiledPotential(
                    p, program, null, null, "no program compiler is installed (credence-compiler)");
        }
        CompiledProgram hp;
        try {
            hp =
                    compiler.compile(
                            program,
                            p.backend(),
                            new Shape[] {Shape.of(p.dimension())},
                            new DType[] {p.dtype()});
        } catch (UnsupportedOperationException e) {
            return new CompiledPotential(p, program, null, null, e.getMessage());
        } catch (RuntimeException e) {
            return new CompiledPotential(p, program, null, null, "host compilation failed: " + e);
        }
        CompiledProgram.Frame f = hp.newFrame();
        for (Tensor x : List.of(c, a)) {
            Potential.ValueAndGradient direct = x == c ? directAtC : p.valueAndGradient(x);
            hp.run(f, x.toDoubleArray());
            String why =
                    disagreement(
                            direct.value(),
                            hp.output(f, 0)[0],
                            direct.gradient().toDoubleArray(),
                            hp.output(f, 1));
            if (why != null) {
                return new CompiledPotential(p, program, null, null, why);
            }
        }
        return new CompiledPotential(p, program, null, hp, null);
    }

    /** Why a compiled value and gradient differ from direct ones beyond the tolerance, or null. */
    static String disagreement(double value, double compiled, double[] grad, double[] cgrad) {
        if (!close(value, compiled, Math.max(1, Math.abs(value)))) {
            return "the host-compiled log density " + compiled + " differs from " + value;
        }
        double scale = 1;
        for (double g : grad) {
            scale = Math.max(scale, Math.abs(g));
        }
        for (int i = 0; i < grad.length; i++) {
            if (!close(grad[i], cgrad[i], scale)) {
                return "the host-compiled gradient coordinate "
                        + i
                        + " is "
                        + cgrad[i]
                        + ", direct evaluation gives "
                        + grad[i];
            }
        }
        return null;
    }

    private static boolean close(double want, double got, double scale) {
        if (!Double.isFinite(want) || !Double.isFinite(got)) {
            return Double.compare(want, got) == 0;
        }
        return Math.abs(want - got) <= HOST_TOLERANCE * scale;
    }

    private static Program record(Potential p, Tensor at) {
        return Program.record(
                at,
                x -> {
                    Autodiff.ValueAndGrad r =
                            Autodiff.valueAndGrad(xs -> p.logDensity(xs.get(0)), List.of(x));
                    return List.of(r.value(), r.grads().get(0));
                });
    }

    /**
     * Tells whether calls replay the recording.
     *
     * @return true if compiled
     */
    public boolean isCompiled() {
        return program != null;
    }

    /**
     * Why the potential was not compiled, or null if it was.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }

    /**
     * Tells whether calls run a program compiled for the host (by the installed {@link
     * ProgramCompiler}).
     *
     * @return true if host-compiled
     */
    public boolean isHostCompiled() {
        return host != null;
    }

    /**
     * Why calls do not run a host-compiled program, or null if they do.
     *
     * @return the reason
     */
    public String hostReason() {
        return hostReason;
    }

    /**
     * Returns the number of kernel calls per evaluation, or -1 if not compiled.
     *
     * @return the program size
     */
    public int kernelCalls() {
        return program == null ? -1 : program.size();
    }

    /**
     * Returns the wrapped potential.
     *
     * @return the potential
     */
    public Potential potential() {
        return potential;
    }

    /**
     * Maps a point to the values of the latent and deterministic sites, as {@link
     * Potential#constrain} does, replaying a recording when the potential is compiled.
     *
     * @param q the point
     * @return the site values by name
     */
    public java.util.Map<String, Tensor> constrain(double[] q) {
        ConstrainProgram c = constrainProgram();
        if (c == null) {
            return potential.constrain(
                    Tensor.of(potential.backend(), q, DType.FLOAT64, q.length)
                            .cast(potential.dtype()));
        }
        return c.constrain(potential, q);
    }

    /**
     * Maps a point to the values of the latent and deterministic sites, concatenated in the order
     * and with the shapes of {@link #constrainedShapes()}: what a sampler stores per draw. On a CPU
     * backend this runs a host-compiled recording (checked, like the potential's, against direct
     * evaluation).
     *
     * @param q the point
     * @return the site values, flat
     */
    public double[] constrainedValues(double[] q) {
        ConstrainProgram c = constrainProgram();
        if (c != null) {
            return c.values(potential, q);
        }
        java.util.List<double[]> parts = new java.util.ArrayList<>();
        int n = 0;
        try (TensorScope scope = TensorScope.open()) {
            for (Tensor t : constrain(q).values()) {
                double[] v = t.toDoubleArray();
                parts.add(v);
                n += v.length;
            }
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] v : parts) {
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return out;
    }

    /**
     * Returns the names and shapes of the values {@link #constrainedValues} returns, in order.
     *
     * @return shapes by site name
     */
    public java.util.Map<String, int[]> constrainedShapes() {
        ConstrainProgram c = constrainProgram();
        if (c != null) {
            return c.shapes();
        }
        java.util.Map<String, int[]> m = new java.util.LinkedHashMap<>();
        try (TensorScope scope = TensorScope.open()) {
            Tensor x = potential.initialPoint(RandomKey.of(11));
            for (var e : potential.constrain(x).entrySet()) {
                m.put(e.getKey(), e.getValue().shape().dims());
            }
        }
        return m;
    }

    private ConstrainProgram constrainProgram() {
        if (program == null) {
            return null;
        }
        if (constrainRecorded) {
            return constrain;
        }
        synchronized (this) {
            if (!constrainRecorded) {
                constrain = ConstrainProgram.recordOf(potential, host != null);
                constrainRecorded = true;
            }
            return constrain;
        }
    }

    /**
     * Evaluates the log density and its gradient at a point.
     *
     * @param q the point, of the potential's dimension
     * @param grad receives the gradient
     * @return the log density (NaN or -infinity where not finite)
     */
    public double valueAndGradient(double[] q, double[] grad) {
        if (host != null) {
            CompiledProgram.Frame f = frames.get();
            host.run(f, q);
            double[] g = host.output(f, 1);
            System.arraycopy(g, 0, grad, 0, grad.length);
            return host.output(f, 0)[0];
        }
        Backend b = potential.backend();
        DType dt = potential.dtype();
        if (program == null) {
            try (TensorScope scope = TensorScope.open()) {
                Tensor flat = Tensor.of(b, q, DType.FLOAT64, q.length).cast(dt);
                Potential.ValueAndGradient vg = potential.valueAndGradient(flat);
                double[] g = vg.gradient().toDoubleArray();
                System.arraycopy(g, 0, grad, 0, grad.length);
                return vg.value();
            }
        }
        Buffer in = b.fromDoubles(q, Shape.of(q.length), dt);
        Buffer[] out = program.run(b, in);
        double value = b.toDoubles(out[0])[0];
        double[] g = b.toDoubles(out[1]);
        System.arraycopy(g, 0, grad, 0, grad.length);
        b.release(in);
        b.release(out[0]);
        if (out[1] != out[0]) {
            b.release(out[1]);
        }
        return value;
    }
}
