@echo off
rem Builds target\installer\StreamDesk-0.1.0.msi with the JDK's jpackage (D1).
rem
rem NOT TESTED: StreamDesk is developed on Linux; this script has never run on Windows. It mirrors the
rem tested Linux build (mvn -Pinstaller, see pom.xml). jpackage needs the WiX Toolset 3.x on the PATH
rem (candle.exe, light.exe) to make an .msi, and a JDK 17+ with jpackage (JAVA_HOME set).
rem
rem Run from the repository root:   installer\windows\build-msi.bat
setlocal
set ROOT=%~dp0..\..
cd /d "%ROOT%" || exit /b 1

if "%JAVA_HOME%"=="" (
  echo JAVA_HOME is not set; point it at a JDK 17 or newer. 1>&2
  exit /b 2
)

rem The jar and its runtime dependencies into target\installer-input (the profile's jpackage runs are
rem Linux-only options, so build the input here and call jpackage ourselves).
call mvn -B -DskipTests -Pinstaller -Dexec.skip=true package || exit /b 1

set OPENS=--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/java.math=ALL-UNNAMED

"%JAVA_HOME%\bin\jpackage" --type msi ^
  --dest target\installer ^
  --input target\installer-input ^
  --main-jar streamdesk-0.1.0-SNAPSHOT.jar ^
  --main-class io.streamdesk.Launcher ^
  --name StreamDesk ^
  --app-version 0.1.0 ^
  --vendor StreamDesk ^
  --description "Desktop console for Apache Flink jobs" ^
  --icon installer\windows\streamdesk.ico ^
  --java-options "-Xmx1g %OPENS%" ^
  --win-menu --win-menu-group StreamDesk ^
  --win-shortcut ^
  --win-dir-chooser ^
  --win-upgrade-uuid 6f0d3c2e-5b8a-4e55-9c53-2f1f3d0a9b71 || exit /b 1

echo Built target\installer\StreamDesk-0.1.0.msi
