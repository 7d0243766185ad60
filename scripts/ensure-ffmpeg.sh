#!/bin/sh
# The CLI's `analyze` and the video fixtures (npm run fixtures:video) decode and encode with Debian's ffmpeg
# from PATH (Node has no video decoder). Install it when it is missing and we may (root + apt-get); otherwise say how.
command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian ffmpeg for the video tests..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ffmpeg >/dev/null
  exit $?
fi
echo "The video tests need ffmpeg and ffprobe on PATH: run 'sudo apt-get install ffmpeg' (Debian/Ubuntu)." >&2
exit 1
