package dev.credence.inference.vi;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;
import dev.credence.api.optim.Optimizer;
import dev.credence.api.optim.OptimizerState;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Program;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whole step of {@link Svi} (guide and model traces, ELBO, gradients, optimizer update)
 * recorded once as a {@link Program} and replayed at every later step: one backend call per
 * primitive, without running the model, its effect handlers, the autodiff tape or the optimizer's
 * bookkeeping again. This is what {@link Svi#run} uses when it computes gradients itself.
 *
 * <p><b>Which steps run how.</b> The first two steps of a run execute directly and are recorded;
 * the third executes directly and is also replayed, and the replay must reproduce it bit for bit.
 * From the fourth on, steps are replayed. Random draws and minibatches are {@link
 * dev.credence.api.tensor.Feed}s of the step's key ({@link RandomKey#perRun}), and the optimizer's
 * step-dependent rates are feeds of its step count ({@link Optimizer#stepScalar}), so a replay of
 * step {@code s} computes exactly what a direct step {@code s} would. The step falls back to direct
 * execution for the rest of the run, and {@link #reason()} says why, when:
 *
 * <ul>
 *   <li>a recording read an intermediate value on the host (a model that branches on a sampled
 *       value, say);
 *   <li>the two recordings differ in structure, or in a host-made value that has no feed;
 *   <li>the optimizer's step count does not advance by one per step;
 *   <li>the replay of the third step differs from its direct execution in any bit.
 * </ul>
 *
 * <p><b>Non-finite steps.</b> A replayed step whose ELBO or gradients are not finite is discarded
 * and the step is taken again directly, so that a refused step is reported exactly as without
 * compilation.
 *
 * <p>Outputs of a replay that the program makes fresh are owned by the new state; {@link
 * SupersededStates} frees them when the state is replaced. {@link #close()} frees the constants the
 * recordings made.
 */
final class CompiledSviStep implements AutoCloseable {
    private final Svi svi;
    private final RandomKey runKey;
    private Program recorded;
    private Program program;
    private int recordings;
    private boolean verified;
    private long replayed;
    private String reason;

    /**
     * Prepares to compile the steps of one run.
     *
     * @param svi the inference
     * @param runKey the run's key; step {@code s} uses {@code runKey.fold(s)}
     */
    CompiledSviStep(Svi svi, RandomKey runKey) {
        this.svi = svi;
        this.runKey = runKey;
    }

    /**
     * Why steps run directly, or null while they are (being) compiled.
     *
     * @return the reason or null
     */
    String reason() {
        return reason;
    }

    /** Whether steps are now replayed. */
    boolean isCompiled() {
        return program != null;
    }

    /**
     * Takes one step from {@code s}, as {@link Svi#step} would, by recording, verifying or
     * replaying as the run has got to.
     *
     * @param s the state
     * @return the step
     */
    SviStep step(SviState s) {
        if (reason != null) {
            return svi.step(s, runKey);
        }
        try {
            if (program != null) {
                return replayed(s);
            }
            if (recordings < 2) {
                return recordingStep(s);
            }
            return verifyingStep(s);
        } catch (RuntimeException e) {
            fallBack("compiling the step failed: " + e);
            return svi.step(s, runKey);
        }
    }

    /** A direct step, recorded; the second recording is compared with the first. */
    private SviStep recordingStep(SviState s) {
        StepRecording r = StepRecording.record(svi, s, runKey);
        SviStep taken = r.outcome(s);
        if (!taken.ok()) {
            r.program().close();
            return svi.step(s, runKey);
        }
        recordings++;
        String problem = r.problem();
        if (problem == null && recorded != null) {
            problem = compare(recorded, r.program(), s.space().entries().get(0).init().backend());
        }
        if (problem != null) {
            r.program().close();
            fallBack(problem);
            return taken;
        }
        if (recorded != null) {
            recorded.close();
            recorded = r.program().optimized(backend(s));
            problem = stateOutputs(recorded, SupersededStates.tensors(s).size());
            if (problem != null) {
                fallBack(problem);
            }
        } else {
            recorded = r.program();
        }
        return taken;
    }

    private static String compare(Program a, Program b, Backend backend) {
        if (!a.signature().equals(b.signature())) {
            return "the step's structure differs between two steps";
        }
        return b.differingConstant(a, backend);
    }

    /** Why the state's part of a program's outputs could not be owned by new states, or null. */
    private static String stateOutputs(Program p, int n) {
        for (int i = 0; i < n; i++) {
            if (!p.isFreshOutput(i) && !p.isInputOutput(i)) {
                return "a param or optimizer slot would be a constant of the recording";
            }
        }
        return null;
    }

    /** A direct step that a replay must reproduce exactly; then steps are replayed. */
    private SviStep verifyingStep(SviState s) {
        SviStep direct = svi.step(s, runKey);
        if (!direct.ok()) {
            return direct;
        }
        Backend b = backend(s);
        Buffer[] out = recorded.run(b, inputs(s), s.step());
        List<Tensor> want = new ArrayList<>(SupersededStates.tensors(direct.state()));
        boolean same = true;
        for (int i = 0; i < want.size() && same; i++) {
            same = Arrays.equals(b.toDoubles(out[i]), want.get(i).toDoubleArray());
        }
        int n = want.size();
        same =
                same
                        && Double.compare(-b.toDoubles(out[n])[0], direct.elbo()) == 0
                        && Double.compare(b.toDoubles(out[n + 1])[0], direct.logLikelihood()) == 0
                        && Double.compare(b.toDoubles(out[n + 2])[0], direct.kl()) == 0;
        releaseFresh(b, out);
        if (!same) {
            fallBack("a replayed step did not reproduce a direct step exactly");
        } else {
            program = recorded;
            recorded = null;
            verified = true;
        }
        return direct;
    }

    private SviStep replayed(SviState s) {
        replayed++;
        Backend b = backend(s);
        Buffer[] out = program.run(b, inputs(s), s.step());
        int p = s.params().size();
        int n = SupersededStates.tensors(s).size();
        double elbo = -b.toDoubles(out[n])[0];
        double ll = b.toDoubles(out[n + 1])[0];
        double kl = b.toDoubles(out[n + 2])[0];
        double check = b.toDoubles(out[n + 3])[0];
        if (!Double.isFinite(elbo) || !Double.isFinite(check)) {
            releaseFresh(b, out);
            return svi.step(s, runKey);
        }
        List<Tensor> old = SupersededStates.tensors(s);
        List<Tensor> next = new ArrayList<>(n);
        java.util.Map<Buffer, Tensor> wrapped = new java.util.IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            Buffer o = out[i];
            next.add(
                    program.isFreshOutput(i)
                            ? wrapped.computeIfAbsent(o, x -> Tensor.wrap(b, x))
                            : same(old, o));
        }
        for (int i = n; i < out.length; i++) {
            if (program.isFreshOutput(i) && !wrapped.containsKey(out[i])) {
                wrapped.put(out[i], null);
                b.release(out[i]);
            }
        }
        List<List<Tensor>> slots = new ArrayList<>();
        for (int k = p; k < n; k += p) {
            slots.add(next.subList(k, k + p));
        }
        OptimizerState os = new OptimizerState(s.optimizer().step() + 1, slots);
        return new SviStep(
                new SviState(s.space(), s.step() + 1, next.subList(0, p), os), elbo, ll, kl, null);
    }

    /** The input tensor that a non-fresh output passes through. */
    private static Tensor same(List<Tensor> inputs, Buffer b) {
        for (Tensor t : inputs) {
            if (t.buffer() == b) {
                return t;
            }
        }
        throw new IllegalStateException("a replayed output is neither fresh nor an input");
    }

    private void releaseFresh(Backend b, Buffer[] out) {
        Program p = program != null ? program : recorded;
        java.util.Set<Buffer> done =
                java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < out.length; i++) {
            if (p.isFreshOutput(i) && done.add(out[i])) {
                b.release(out[i]);
            }
        }
    }

    private static Buffer[] inputs(SviState s) {
        List<Tensor> ts = SupersededStates.tensors(s);
        Buffer[] in = new Buffer[ts.size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = ts.get(i).buffer();
        }
        return in;
    }

    private static Backend backend(SviState s) {
        return s.params().get(0).backend();
    }

    private void fallBack(String why) {
        reason = why;
        close();
    }

    /**
     * Says how the steps ran so far, for {@link SviResult#steps()}.
     *
     * @return {@code "compiled: N steps replayed, K kernel calls each"} or {@code "direct: why"}
     */
    String describe() {
        if (program != null) {
            return "compiled: "
                    + replayed
                    + " steps replayed, "
                    + program.size()
                    + " kernel calls each";
        }
        if (reason != null && replayed > 0) {
            return "compiled, then direct: " + replayed + " steps replayed before " + reason;
        }
        return "direct: "
                + (reason == null ? "the run ended before the step was compiled" : reason);
    }

    /**
     * Switches compilation off for this run.
     *
     * @param why the reason, for {@link #describe()}
     */
    void off(String why) {
        fallBack(why);
    }

    /** Whether the replay was checked against a direct step (for tests). */
    boolean verified() {
        return verified;
    }

    /** Frees the recordings' own constants; later steps run directly. */
    @Override
    public void close() {
        if (recorded != null) {
            recorded.close();
            recorded = null;
        }
        if (program != null) {
            program.close();
            program = null;
        }
        if (reason == null) {
            reason = "the run has ended";
        }
    }
}
