package dev.credence.api.model;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
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
 */
public final class CompiledPotential {
    private final Potential potential;
    private final Program program;
    private final String reason;
    private volatile Constrain constrain;

    /** A recorded {@link Potential#constrain}: site names, shapes, and the program. */
    private record Constrain(List<String> names, List<int[]> shapes, Program program) {}

    private CompiledPotential(Potential potential, Program program, String reason) {
        this.potential = potential;
        this.program = program;
        this.reason = reason;
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
            return cp;
        } catch (RuntimeException e) {
            return new CompiledPotential(potential, null, "recording failed: " + e.getMessage());
        }
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
        Backend b = potential.backend();
        DType dt = potential.dtype();
        Constrain c = constrainProgram();
        if (c == null) {
            return potential.constrain(Tensor.of(b, q, DType.FLOAT64, q.length).cast(dt));
        }
        Buffer in = b.fromDoubles(q, Shape.of(q.length), dt);
        Buffer[] out = c.program().run(b, in);
        b.release(in);
        java.util.Map<String, Tensor> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < out.length; i++) {
            m.put(c.names().get(i), Tensor.wrap(b, out[i]).reshape(c.shapes().get(i)));
        }
        return m;
    }

    private Constrain constrainProgram() {
        if (program == null) {
            return null;
        }
        Constrain c = constrain;
        if (c != null) {
            return c.program() == null ? null : c;
        }
        synchronized (this) {
            if (constrain == null) {
                constrain = recordConstrain();
            }
            return constrain.program() == null ? null : constrain;
        }
    }

    private Constrain recordConstrain() {
        try (TensorScope scope = TensorScope.open()) {
            Tensor a = potential.initialPoint(RandomKey.of(11));
            java.util.List<String> names = new java.util.ArrayList<>();
            java.util.List<int[]> shapes = new java.util.ArrayList<>();
            Program p =
                    Program.record(
                            a,
                            x -> {
                                var sites = potential.constrain(x);
                                java.util.List<Tensor> outs = new java.util.ArrayList<>();
                                for (var e : sites.entrySet()) {
                                    names.add(e.getKey());
                                    shapes.add(e.getValue().shape().dims());
                                    outs.add(e.getValue());
                                }
                                return outs;
                            });
            Tensor t = potential.initialPoint(RandomKey.of(12));
            var direct = potential.constrain(t);
            Buffer[] out =
                    p.notReplayableReason() == null ? p.run(potential.backend(), t.buffer()) : null;
            if (out == null || !names.equals(java.util.List.copyOf(direct.keySet()))) {
                return new Constrain(names, shapes, null);
            }
            for (int i = 0; i < out.length; i++) {
                double[] want = direct.get(names.get(i)).toDoubleArray();
                if (!Arrays.equals(want, potential.backend().toDoubles(out[i]))) {
                    return new Constrain(names, shapes, null);
                }
            }
            return new Constrain(names, shapes, p);
        } catch (RuntimeException e) {
            return new Constrain(List.of(), List.of(), null);
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
