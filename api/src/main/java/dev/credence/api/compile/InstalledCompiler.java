package dev.credence.api.compile;

import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** The {@link ProgramCompiler} found once, when first asked for (the holder idiom). */
final class InstalledCompiler {
    static final Optional<ProgramCompiler> FOUND = find();

    private InstalledCompiler() {}

    private static Optional<ProgramCompiler> find() {
        try {
            Iterator<ProgramCompiler> it = ServiceLoader.load(ProgramCompiler.class).iterator();
            return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
        } catch (ServiceConfigurationError e) {
            // A broken provider is reported once and treated as absent: programs then replay.
            System.Logger log = System.getLogger(InstalledCompiler.class.getName());
            log.log(System.Logger.Level.WARNING, "no program compiler: " + e.getMessage());
            return Optional.empty();
        }
    }
}
