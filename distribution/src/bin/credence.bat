@echo off
rem The credence command of an installed Credence, for Windows (see bin/credence for the details).
rem It plans the launch from lib\, plugins\ and CREDENCE_PLUGINS (separated by ';') on every run;
rem the Unix launcher also keeps the plan and a class-data sharing archive between runs.
setlocal EnableExtensions
for %%i in ("%~dp0..") do set "CREDENCE_HOME=%%~fi"
if defined JAVA_HOME (
  set "JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA=java"
)
set "CLI_JAR="
for %%f in ("%CREDENCE_HOME%\lib\credence-cli-*.jar") do set "CLI_JAR=%%~ff"
if not defined CLI_JAR (
  echo credence: %CREDENCE_HOME%\lib has no credence-cli jar; is the installation complete? 1>&2
  exit /b 1
)
if defined CREDENCE_CACHE (set "CACHE=%CREDENCE_CACHE%") else (set "CACHE=%LOCALAPPDATA%\credence")
if defined CREDENCE_NATIVE_CACHE (set "NATIVES=%CREDENCE_NATIVE_CACHE%") else (set "NATIVES=%CACHE%")
if not exist "%CACHE%\launch" mkdir "%CACHE%\launch"
set "ARGS=%CACHE%\launch\java-%RANDOM%%RANDOM%.args"

"%JAVA%" -cp "%CLI_JAR%" dev.credence.cli.launch.LaunchPlan --out "%ARGS%" --main dev.credence.cli/dev.credence.cli.Main --path "%CREDENCE_PLUGINS%;" "%CREDENCE_HOME%\lib" "%CREDENCE_HOME%\plugins"
if errorlevel 1 exit /b 1

rem The commands that train networks: vectorised kernels and the G1 collector, as bin/credence; the
rem VAE a 1 GiB heap (a -Xmx in CREDENCE_JAVA_OPTS comes later on the line, so it wins).
set "TRAIN="
if /i "%~1"=="vae" set "TRAIN=--add-modules=jdk.incubator.vector -XX:+UseG1GC -Xmx1g"
if /i "%~1"=="bnn" set "TRAIN=--add-modules=jdk.incubator.vector -XX:+UseG1GC"
if /i "%~1"=="demo" set "TRAIN=--add-modules=jdk.incubator.vector -XX:+UseG1GC"
rem nd4j: OpenMP's idle workers sleep instead of spinning (see bin/credence); here only when
rem CREDENCE_BACKEND names nd4j.
if not defined OMP_WAIT_POLICY if /i "%CREDENCE_BACKEND%"=="nd4j" set "OMP_WAIT_POLICY=PASSIVE"

"%JAVA%" %TRAIN% %CREDENCE_JAVA_OPTS% "-Dcredence.home=%CREDENCE_HOME%" -Dcredence.launcher=distribution "-Dcredence.native.cache=%NATIVES%" "-Dorg.bytedeco.javacpp.cachedir=%NATIVES%\javacpp" @"%ARGS%" %*
set "CODE=%ERRORLEVEL%"
del "%ARGS%" >nul 2>&1
exit /b %CODE%
