@echo off
rem factory.cmd: runs the Code-Factory CLI of this release on Windows with JAVA_HOME's java, else the one on PATH.
rem No start-up archive and no jlink image here (the POSIX launcher bin/factory has them). Exit code: the CLI's.
setlocal
set "FACTORY_JAVA=java"
if defined JAVA_HOME set "FACTORY_JAVA=%JAVA_HOME%\bin\java.exe"
"%FACTORY_JAVA%" %FACTORY_JAVA_OPTS% -jar "%~dp0..\lib\factory-cli.jar" %*
exit /b %ERRORLEVEL%
