package dev.credence.cli.folder;

/** How a command means to use its output folder. */
public enum FolderMode {
    /** A new run: the folder may hold the user's own files, but no other run. */
    CREATE,
    /**
     * A new run in place of the one the folder holds ({@code --force}): the files that run wrote
     * are deleted before the work starts; the user's own files are kept.
     */
    REPLACE,
    /**
     * Continue the run the folder holds ({@code --resume}): it must be a run of the same command
     * with the same settings, data and seed. An empty folder starts a new run.
     */
    RESUME,
    /**
     * Add files to the run the folder holds ({@code vae eval} and {@code vae sample} add to a
     * {@code vae train} run). The folder must exist.
     */
    ADD
}
