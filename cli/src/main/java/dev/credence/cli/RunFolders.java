package dev.credence.cli;

import dev.credence.cli.folder.RunFolder;
import java.util.ArrayList;
import java.util.List;

/**
 * The output folders one invocation of the command line claimed. Commands claim through it; when a
 * command fails, {@link ErrorHandler} asks it what the folders now hold, and {@link Main} releases
 * every folder when the invocation ends, however it ends.
 */
public final class RunFolders {
    private final List<RunFolder> claimed = new ArrayList<>();

    /** Creates an empty set; {@link Main} binds one per invocation. */
    public RunFolders() {}

    /**
     * Claims a folder (see {@link RunFolder#claim}).
     *
     * @param r the request
     * @return the claimed folder
     */
    public synchronized RunFolder claim(RunFolder.Request r) {
        RunFolder f = RunFolder.claim(r);
        claimed.add(f);
        return f;
    }

    /** Marks every unfinished folder failed and returns one line per folder on its state. */
    synchronized List<String> failed(Throwable cause) {
        List<String> lines = new ArrayList<>();
        for (RunFolder f : claimed) {
            f.fail(cause).ifPresent(lines::add);
        }
        return lines;
    }

    /** Releases every folder; unfinished ones are marked failed. */
    synchronized void closeAll() {
        claimed.forEach(RunFolder::close);
        claimed.clear();
    }
}
