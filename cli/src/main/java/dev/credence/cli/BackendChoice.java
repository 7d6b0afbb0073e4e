package dev.credence.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BackendUnavailableException;
import dev.credence.api.backend.Backends;
import java.util.Optional;

/**
 * Creates the backend a command runs on: the one its {@code --backend} option names, else the one
 * {@code -Dcredence.backend} or {@code CREDENCE_BACKEND} names, else the available backend with the
 * highest priority ({@link Backends#select()}). A name that no installed plugin provides fails with
 * the way to install it: the pack that brings it, or where a third-party jar goes.
 */
final class BackendChoice {

    /** The help text of every command's {@code --backend} option. */
    static final String OPTION_HELP =
            "Backend to run on (default: $CREDENCE_BACKEND or -Dcredence.backend, else the"
                    + " available backend with the highest priority; see `credence backends`).";

    private BackendChoice() {}

    /**
     * Creates the backend.
     *
     * @param backends the registry
     * @param option the {@code --backend} option, or null when not given
     * @return a new backend
     * @throws BackendUnavailableException if the chosen backend is not installed or cannot run
     */
    static Backend select(Backends backends, String option) {
        Optional<String> named = option == null ? backends.requested() : Optional.of(option.trim());
        if (named.isEmpty()) {
            return backends.select();
        }
        String name = named.get();
        if (backends.find(name).isEmpty()) {
            throw new BackendUnavailableException(notInstalled(backends, name));
        }
        return backends.select(name);
    }

    /** The message for a backend that no installed plugin provides. */
    static String notInstalled(Backends backends, String name) {
        Optional<BackendPack> pack = BackendPack.providing(name);
        if (pack.isPresent()) {
            return "backend '"
                    + name
                    + "' is not installed: it comes in the "
                    + pack.get().id()
                    + " pack; to install it, "
                    + pack.get().installHint()
                    + ". "
                    + backends.describe();
        }
        StringBuilder sb =
                new StringBuilder("unknown backend '")
                        .append(name)
                        .append("'. ")
                        .append(backends.describe())
                        .append(". More backends: ");
        for (BackendPack p : BackendPack.values()) {
            sb.append(p.backends())
                    .append(" from the ")
                    .append(p.id())
                    .append(" pack (")
                    .append(p.installHint())
                    .append("); ");
        }
        sb.setLength(sb.length() - 2);
        sb.append(BackendPack.pluginHint());
        return sb.toString();
    }
}
