package dev.credence.tck;

import dev.credence.api.backend.Backend;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole conformance kit. A backend module certifies its backend by extending this class in one
 * test class:
 *
 * <pre>{@code
 * class MyBackendConformanceTest extends BackendConformanceKit {
 *     @Override
 *     protected Backend createBackend() {
 *         return new MyProvider().create(BackendConfig.defaults());
 *     }
 * }
 * }</pre>
 *
 * <p>Every test's display name starts with a rule id (for example {@code B2}) that names the clause
 * of the contract it checks; the rules are listed in the kit's README and in each contract
 * interface. Forward results are compared with exact values computed here in double precision;
 * gradients are compared with central finite differences.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendConformanceKit
        implements CreationContract,
                UnaryContract,
                BinaryContract,
                ReductionContract,
                ScanContract,
                MatmulContract,
                LinearAlgebraContract,
                MovementContract,
                WindowContract,
                GradientContract,
                StructuredGradientContract,
                UpdateContract,
                LifecycleContract {

    private Backend backend;

    /** For subclasses. */
    protected BackendConformanceKit() {}

    /**
     * Creates the backend under test; called once per kit run.
     *
     * @return a new backend
     */
    protected abstract Backend createBackend();

    @Override
    public final synchronized Backend backend() {
        if (backend == null) {
            backend = createBackend();
        }
        return backend;
    }
}
