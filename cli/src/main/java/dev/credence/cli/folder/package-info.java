/**
 * Output folders that never lose or mix up finished work: one run per folder, one writer at a time,
 * a manifest that says what the folder holds and whether it is complete.
 *
 * <p>A command {@linkplain RunFolder#claim claims} its folder before the work starts: the folder is
 * created, tested for writing and free space, and locked ({@value RunLock#FILE}, an operating
 * system lock that dies with its process); a folder that holds another run is refused unless the
 * command replaces it ({@link FolderMode#REPLACE}, {@code --force}) or continues it ({@link
 * FolderMode#RESUME}, {@code --resume}, with the same settings and data). The manifest ({@value
 * FolderManifest#FILE}) records the command, its settings, the state ({@code running}, {@code
 * finished}, {@code failed}) and the files the run wrote, so that a later run can tell its own
 * stale files from the user's and remove them.
 *
 * <p>Nothing here depends on picocli or Guice: failures are {@link RunFolderException}s with a
 * {@link RunFolderException.Kind} that the command line maps to its exit codes.
 */
package dev.credence.cli.folder;
