#!/usr/bin/env bash
# Builds target/installer/StreamDesk-0.1.0.dmg with the JDK's jpackage (D1).
#
# NOT TESTED: StreamDesk is developed on Linux; this script has never run on macOS. It mirrors the tested
# Linux build (mvn -Pinstaller, see pom.xml). Needs a JDK 17+ with jpackage and the Xcode command line tools
# (sips, iconutil, hdiutil). The .dmg is not signed or notarized: Gatekeeper will ask the user to confirm.
#
# Run from anywhere:   installer/macos/build-dmg.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

JPACKAGE="${JAVA_HOME:+$JAVA_HOME/bin/}jpackage"

# The jar and its runtime dependencies into target/installer-input; skip the profile's Linux jpackage runs.
mvn -B -DskipTests -Pinstaller -Dexec.skip=true package

# macOS wants an .icns: build one from the PNG.
ICONSET=target/installer-icon/StreamDesk.iconset
rm -rf "$ICONSET" && mkdir -p "$ICONSET"
for size in 16 32 64 128 256; do
  sips -z "$size" "$size" installer/linux/streamdesk.png --out "$ICONSET/icon_${size}x${size}.png" >/dev/null
  double=$((size * 2))
  sips -z "$double" "$double" installer/linux/streamdesk.png --out "$ICONSET/icon_${size}x${size}@2x.png" >/dev/null
done
iconutil -c icns "$ICONSET" -o target/installer-icon/StreamDesk.icns

OPENS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/java.math=ALL-UNNAMED"

"$JPACKAGE" --type dmg \
  --dest target/installer \
  --input target/installer-input \
  --main-jar streamdesk-0.1.0-SNAPSHOT.jar \
  --main-class io.streamdesk.Launcher \
  --name StreamDesk \
  --app-version 0.1.0 \
  --vendor StreamDesk \
  --description "Desktop console for Apache Flink jobs" \
  --icon target/installer-icon/StreamDesk.icns \
  --java-options "-Xmx1g $OPENS" \
  --mac-package-identifier io.streamdesk \
  --mac-package-name StreamDesk

echo "Built target/installer/StreamDesk-0.1.0.dmg"
