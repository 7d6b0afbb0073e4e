package dev.credence.inference.vi;

import dev.credence.api.optim.Optimizer;
import dev.credence.api.optim.OptimizerState;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Program;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * One direct step of {@link Svi}, recorded as a {@link Program} for {@link CompiledSviStep}.
 *
 * <p>The program's inputs are the state's params and then its optimizer slots, slot by slot; its
 * outputs are the new params and slots in the same order, then four scalars: the loss ({@code
 * -elbo}), the log-likelihood and KL parts, and the sum of all gradient entries, which is finite
 * exactly when {@link Svi#update} would find every gradient finite (barring an overflow of the sum,
 * which only costs a direct retry). The step is taken with the key {@link RandomKey#perRun
 * perRun(runKey, step)}, equal to {@code runKey.fold(step)}, so that random draws and minibatches
 * become feeds of the step number.
 *
 * @param program the recording
 * @param next the new params and slots, as direct execution made them
 * @param outputs the four scalars, as direct execution made them
 * @param optimizerStep the optimizer's step count after the step
 * @param problem why the recording cannot be replayed, or null
 */
record StepRecording(
        Program program,
        List<Tensor> next,
        List<Tensor> outputs,
        long optimizerStep,
        String problem) {

    /**
     * Takes and records the step from {@code s}.
     *
     * @param svi the inference
     * @param s the state
     * @param runKey the run's key
     * @return the recording and the step's results
     */
    static StepRecording record(Svi svi, SviState s, RandomKey runKey) {
        List<Tensor> inputs = SupersededStates.tensors(s);
        int p = s.params().size();
        int slots = s.optimizer().slots().size();
        long[] optimizerStep = new long[1];
        List<List<Tensor>> made = new ArrayList<>(1);
        Program program =
                Program.record(
                        inputs,
                        s.step(),
                        xs -> {
                            List<List<Tensor>> slot = new ArrayList<>();
                            for (int k = 0; k < slots; k++) {
                                slot.add(xs.subList(p + k * p, p + (k + 1) * p));
                            }
                            OptimizerState os = new OptimizerState(s.optimizer().step(), slot);
                            RandomKey key = RandomKey.perRun(runKey, s.step());
                            List<Tensor> params = xs.subList(0, p);
                            ElboGradient.Parts g = svi.gradientParts(s.space(), params, key);
                            Optimizer.Update u = svi.optimizer().step(params, g.lossGrads(), os);
                            if (u.state().slots().size() != slots) {
                                throw new IllegalStateException(
                                        "the optimizer changed its number of slots");
                            }
                            optimizerStep[0] = u.state().step();
                            List<Tensor> out = new ArrayList<>(u.params());
                            u.state().slots().forEach(out::addAll);
                            out.add(g.loss());
                            out.add(g.logLikelihood());
                            out.add(g.kl());
                            out.add(gradientSum(g.lossGrads()));
                            made.add(out);
                            return out;
                        });
        String problem = program.notReplayableReason();
        if (problem == null && optimizerStep[0] != s.optimizer().step() + 1) {
            problem = "the optimizer's step count does not advance by one per step";
        }
        List<Tensor> out = made.get(0);
        int n = inputs.size();
        return new StepRecording(
                program,
                List.copyOf(out.subList(0, n)),
                List.copyOf(out.subList(n, n + 4)),
                optimizerStep[0],
                problem);
    }

    /**
     * The direct step this recording took, as {@link Svi#step} reports it; a step whose ELBO or
     * gradients are not finite is reported as refused without saying which (take it again directly
     * for the message).
     *
     * @param s the state it started from
     * @return the step
     */
    SviStep outcome(SviState s) {
        double elbo = -outputs.get(0).item();
        double ll = outputs.get(1).item();
        double kl = outputs.get(2).item();
        if (!Double.isFinite(elbo) || !Double.isFinite(outputs.get(3).item())) {
            return new SviStep(s, elbo, ll, kl, "not finite");
        }
        int p = s.params().size();
        List<List<Tensor>> slots = new ArrayList<>();
        for (int k = p; k < next.size(); k += p) {
            slots.add(next.subList(k, k + p));
        }
        return new SviStep(
                new SviState(
                        s.space(),
                        s.step() + 1,
                        next.subList(0, p),
                        new OptimizerState(optimizerStep, slots)),
                elbo,
                ll,
                kl,
                null);
    }

    /**
     * The sum of every gradient entry, in the first gradient's dtype (other dtypes are cast to it):
     * not finite when some entry is not, or, rarely, when the sum overflows.
     */
    static Tensor gradientSum(List<Tensor> grads) {
        Tensor total = null;
        for (Tensor g : grads) {
            Tensor s = g.sum();
            if (total != null && s.dtype() != total.dtype()) {
                s = s.cast(total.dtype());
            }
            total = total == null ? s : total.add(s);
        }
        return total;
    }
}
