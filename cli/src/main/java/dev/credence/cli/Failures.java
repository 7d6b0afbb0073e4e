package dev.credence.cli;

import dev.credence.api.backend.BackendUnavailableException;
import dev.credence.cli.folder.RunFolderException;
import dev.credence.cli.folder.Sizes;
import dev.credence.io.data.InvalidDataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.Locale;

/**
 * Maps what escaped a command to an {@link ExitCode} and the one line the user reads.
 *
 * <p>The first exception in the cause chain of a known kind decides, so a numerical failure that a
 * thread pool wrapped in an {@code IllegalStateException} still exits {@link ExitCode#NUMERICAL}
 * with its own message:
 *
 * <table class="striped">
 *   <caption>Classification</caption>
 *   <tr><th>thrown</th><th>exit code</th></tr>
 *   <tr><td>{@link CommandFailure}</td><td>its own</td></tr>
 *   <tr><td>{@link RunFolderException}</td><td>OUTPUT; RESOURCES when out of space; DATA when a
 *       folder to read is missing</td></tr>
 *   <tr><td>{@link BackendUnavailableException}</td><td>BACKEND_UNAVAILABLE</td></tr>
 *   <tr><td>{@link OutOfMemoryError}; an I/O error "No space left on device"</td>
 *       <td>RESOURCES</td></tr>
 *   <tr><td>{@link InvalidDataException}, {@link IOException}, {@link UncheckedIOException}</td>
 *       <td>DATA</td></tr>
 *   <tr><td>{@link ArithmeticException}</td><td>NUMERICAL</td></tr>
 *   <tr><td>{@link IllegalArgumentException}</td><td>USAGE</td></tr>
 *   <tr><td>anything else</td><td>INTERNAL</td></tr>
 * </table>
 */
final class Failures {
    private Failures() {}

    /**
     * The outcome of a failed command.
     *
     * @param code the exit code
     * @param message the line after {@code credence: error: }
     */
    record Failure(ExitCode code, String message) {}

    static Failure classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            ExitCode c = codeOf(t);
            if (c != null) {
                return new Failure(c, message(t));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return new Failure(ExitCode.INTERNAL, message(e));
    }

    private static ExitCode codeOf(Throwable t) {
        if (t instanceof CommandFailure f) {
            return f.code();
        }
        if (t instanceof RunFolderException f) {
            return switch (f.kind()) {
                case NO_SPACE -> ExitCode.RESOURCES;
                case MISSING -> ExitCode.DATA;
                default -> ExitCode.OUTPUT;
            };
        }
        if (t instanceof BackendUnavailableException) {
            return ExitCode.BACKEND_UNAVAILABLE;
        }
        if (t instanceof OutOfMemoryError || noSpace(t)) {
            return ExitCode.RESOURCES;
        }
        if (t instanceof InvalidDataException
                || t instanceof IOException
                || t instanceof UncheckedIOException) {
            return ExitCode.DATA;
        }
        if (t instanceof ArithmeticException) {
            return ExitCode.NUMERICAL;
        }
        if (t instanceof IllegalArgumentException) {
            return ExitCode.USAGE;
        }
        return null;
    }

    private static boolean noSpace(Throwable t) {
        return t instanceof FileSystemException f
                && f.getReason() != null
                && f.getReason().toLowerCase(Locale.ROOT).contains("no space");
    }

    static String message(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory: this JVM may use at most "
                    + Sizes.format(Runtime.getRuntime().maxMemory())
                    + " of heap; ask for a smaller model or fewer draws, or give Java more"
                    + " memory (for example CREDENCE_JAVA_OPTS=-Xmx16g)";
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
