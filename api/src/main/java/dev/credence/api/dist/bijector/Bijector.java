package dev.credence.api.dist.bijector;

import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.tensor.Tensor;
import java.util.List;

/**
 * An invertible, differentiable map {@code y = f(x)} from a {@link #domain()} to a {@link
 * #codomain()}, with the log absolute determinant of its Jacobian for the change-of-variables
 * formula {@code log p_Y(y) = log p_X(x) - log|det df/dx|}.
 *
 * <p><b>Event dimensions.</b> A bijector acts on blocks of trailing axes: {@link #domainEventDim()}
 * of them on the input, {@link #codomainEventDim()} on the output (both 0 for elementwise maps such
 * as {@link ExpBijector}; 1 to 2 for {@link CorrCholeskyBijector}, which turns vectors into
 * matrices). Leading axes are batch axes, mapped independently. {@link #logAbsDetJacobian} returns
 * one value per batch index: elementwise maps return a tensor of {@code x}'s shape, and a caller
 * working with larger events sums the extra trailing axes.
 *
 * <p><b>Shapes.</b> Maps that change the event shape report it with {@link #forwardShape} and
 * {@link #inverseShape}, so that {@link dev.credence.api.model.Potential} can lay out the
 * unconstrained space before evaluating anything.
 *
 * <p>Implement {@link #forward}, {@link #inverse}, {@link #logAbsDetJacobian}, {@link #domain} and
 * {@link #codomain} with differentiable tensor operations; the tests of this package check every
 * bijector's round trip and its log-determinant against finite differences.
 */
public abstract class Bijector {

    /** For subclasses. */
    protected Bijector() {}

    /**
     * Maps from the domain to the codomain.
     *
     * @param x a point of the domain
     * @return {@code f(x)}
     */
    public abstract Tensor forward(Tensor x);

    /**
     * Maps from the codomain back to the domain.
     *
     * @param y a point of the codomain
     * @return {@code f^-1(y)}
     */
    public abstract Tensor inverse(Tensor y);

    /**
     * Returns {@code log |det J_f(x)|}, one value per batch index.
     *
     * @param x the input
     * @param y the output {@code f(x)}, which implementations may use to save work
     * @return a tensor of {@code x}'s shape without its {@link #domainEventDim()} trailing axes
     */
    public abstract Tensor logAbsDetJacobian(Tensor x, Tensor y);

    /**
     * Returns the set the inputs live in.
     *
     * @return the domain
     */
    public abstract Constraint domain();

    /**
     * Returns the set the outputs live in.
     *
     * @return the codomain
     */
    public abstract Constraint codomain();

    /**
     * Returns the number of trailing input axes that form one event.
     *
     * @return {@code domain().eventDim()}
     */
    public int domainEventDim() {
        return domain().eventDim();
    }

    /**
     * Returns the number of trailing output axes that form one event.
     *
     * @return {@code codomain().eventDim()}
     */
    public int codomainEventDim() {
        return codomain().eventDim();
    }

    /**
     * Returns the shape of {@code forward(x)} for an input shape.
     *
     * @param x the input shape
     * @return the output shape (the same, unless the map changes event shapes)
     */
    public Shape forwardShape(Shape x) {
        return x;
    }

    /**
     * Returns the shape of {@code inverse(y)} for an output shape.
     *
     * @param y the output shape
     * @return the input shape
     */
    public Shape inverseShape(Shape y) {
        return y;
    }

    /**
     * Tells whether the map is a true bijection. {@link SoftmaxTransform}, used to reach the
     * simplex cheaply in variational inference, is not: it has no log-determinant.
     *
     * @return true for bijections
     */
    public boolean isBijective() {
        return true;
    }

    /**
     * Returns the inverse map.
     *
     * @return a bijector with forward and inverse exchanged
     */
    public Bijector inv() {
        return new InverseBijector(this);
    }

    /**
     * Returns the composition that applies this map, then {@code next}.
     *
     * @param next the map applied second
     * @return {@code next o this}
     */
    public Bijector then(Bijector next) {
        return new ComposeBijector(List.of(this, next));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
