/**
 * How the {@code credence} launchers start the command: {@link dev.credence.cli.launch.LaunchPlan}
 * looks at every jar of an installation (its {@code lib/}, its {@code plugins/} folder and the
 * entries of {@code CREDENCE_PLUGINS}), puts each jar that is a valid module and resolves with the
 * others on the module path and the rest on the class path, and writes the result as a java
 * argument file. {@link dev.credence.cli.launch.JarKey} tells two versions of one library apart so
 * that only the newest is used.
 *
 * <p>The code here runs before the command, on the class path, with nothing but the JDK.
 */
package dev.credence.cli.launch;
