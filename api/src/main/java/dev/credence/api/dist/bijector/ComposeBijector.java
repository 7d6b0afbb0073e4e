package dev.credence.api.dist.bijector;

import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Bijectors applied in order: {@code forward} runs {@code parts[0]} first.
 *
 * <p>The parts may differ in event dimension (an elementwise map after a vector-to-matrix one,
 * say). The composition's input event dimension is the smallest that leaves every part at least the
 * event dimension it needs; walking forward, each part turns {@code domainEventDim} input axes into
 * {@code codomainEventDim} output axes. Each part's log-determinant is summed over the axes that
 * are event axes for the composition but batch axes for the part.
 */
public final class ComposeBijector extends Bijector {
    private final List<Bijector> parts;
    private final int domainEventDim;
    private final int codomainEventDim;

    /**
     * Composes bijectors.
     *
     * @param parts the maps, applied first to last; at least one
     */
    public ComposeBijector(List<Bijector> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("ComposeBijector: needs at least one part");
        }
        this.parts = List.copyOf(parts);
        int required = 0;
        for (int k = parts.size() - 1; k >= 0; k--) {
            Bijector p = parts.get(k);
            required =
                    Math.max(
                            p.domainEventDim(),
                            required - p.codomainEventDim() + p.domainEventDim());
        }
        this.domainEventDim = required;
        int e = required;
        for (Bijector p : parts) {
            e += p.codomainEventDim() - p.domainEventDim();
        }
        this.codomainEventDim = e;
    }

    /**
     * Returns the parts.
     *
     * @return the maps, in the order they are applied
     */
    public List<Bijector> parts() {
        return parts;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = x;
        for (Bijector p : parts) {
            y = p.forward(y);
        }
        return y;
    }

    @Override
    public Tensor inverse(Tensor y) {
        Tensor x = y;
        for (int k = parts.size() - 1; k >= 0; k--) {
            x = parts.get(k).inverse(x);
        }
        return x;
    }

    @Override
    public Tensor logAbsDetJacobian(Tensor x, Tensor y) {
        List<Tensor> inputs = new ArrayList<>(parts.size() + 1);
        inputs.add(x);
        for (int k = 0; k < parts.size() - 1; k++) {
            inputs.add(parts.get(k).forward(inputs.get(k)));
        }
        inputs.add(y);
        Tensor total = null;
        int e = domainEventDim;
        for (int k = 0; k < parts.size(); k++) {
            Bijector p = parts.get(k);
            Tensor term = p.logAbsDetJacobian(inputs.get(k), inputs.get(k + 1));
            term = Reductions.sumRightmost(term, e - p.domainEventDim());
            total = total == null ? term : total.add(term);
            e += p.codomainEventDim() - p.domainEventDim();
        }
        return total;
    }

    @Override
    public int domainEventDim() {
        return domainEventDim;
    }

    @Override
    public int codomainEventDim() {
        return codomainEventDim;
    }

    @Override
    public Constraint domain() {
        Bijector first = parts.get(0);
        return Constraints.independent(first.domain(), domainEventDim - first.domainEventDim());
    }

    @Override
    public Constraint codomain() {
        Bijector last = parts.get(parts.size() - 1);
        return Constraints.independent(last.codomain(), codomainEventDim - last.codomainEventDim());
    }

    @Override
    public Shape forwardShape(Shape x) {
        Shape s = x;
        for (Bijector p : parts) {
            s = p.forwardShape(s);
        }
        return s;
    }

    @Override
    public Shape inverseShape(Shape y) {
        Shape s = y;
        for (int k = parts.size() - 1; k >= 0; k--) {
            s = parts.get(k).inverseShape(s);
        }
        return s;
    }

    @Override
    public boolean isBijective() {
        return parts.stream().allMatch(Bijector::isBijective);
    }

    @Override
    public String toString() {
        return "Compose" + parts;
    }
}
