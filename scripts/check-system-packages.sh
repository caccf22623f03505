#!/usr/bin/env bash
# Browser tests drive Debian's chromium (Playwright's own browser download is not used); the
# document tests read PDFs with pdftotext and open every DOCX in LibreOffice.
# As root on Debian we install them; elsewhere we say what is missing and stop.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Missing system packages for the browser tests: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  echo "Or run the rest with: make test-fast" >&2
  exit 1
fi
